import type { ProvincePublicKeysInfo, SyncReceipt } from '../../shared/api/http.contract'
import type { ReceiptImport } from '../../shared/api/ipc.contract'
import { isBatchError, openReceipt, RECEIPT_PURPOSE } from '../../shared/sync/batch-codec.node.js'
import type { MainContext } from '../context'
import { loadEnrolment } from '../device/device-enrolment.repository'
import { settleByReceipt } from './receipt.apply'
import { ReceiptFileError } from './receipt-file.errors'
import { findSealedBatch, sealedBatchRevisionIds } from './sealed-batch.repository'
import { checkReceiptCovers } from './sync.client'
import { SyncError } from './sync.errors'

/**
 * Applies a receipt file carried back on a USB stick (the console's "download receipt"
 * after importing this laptop's exported batch): the province signature is verified with
 * the enrolled province key, the batch must be one this laptop sealed and not yet settled,
 * and the receipt must answer exactly its records. Then it settles them exactly as an HTTP
 * receipt does, in one transaction. Any refusal (ReceiptFileError) changes nothing.
 */
export async function importReceiptFile(
  ctx: MainContext,
  contentBase64: string,
): Promise<ReceiptImport> {
  const bytes = decodeFile(contentBase64)
  const enrolment = await loadEnrolment(ctx.db, ctx.cipher)
  if (!enrolment) throw new SyncError('not_enrolled', 'this laptop is not enrolled')
  const receipt = verifyReceiptFile(bytes, enrolment.provincePublicKeys)
  const at = new Date(ctx.clock.now()).toISOString()
  const settled = await ctx.db.transaction().execute(async (trx) => {
    const batch = await findSealedBatch(trx, receipt.batchId)
    if (!batch) {
      throw new ReceiptFileError('receipt_unknown_batch', 'this laptop did not seal that batch')
    }
    if (batch.settledAt !== null) {
      throw new ReceiptFileError('receipt_already_applied', 'the batch is settled already')
    }
    try {
      checkReceiptCovers(receipt, await sealedBatchRevisionIds(trx, batch.id))
    } catch (error) {
      if (!(error instanceof SyncError)) throw error
      throw new ReceiptFileError('receipt_mismatch', error.message)
    }
    return settleByReceipt(trx, batch.id, receipt, at)
  })
  ctx.log.info('sync_receipt_file_applied', { batchId: receipt.batchId, settled })
  return {
    batchId: receipt.batchId,
    receivedAt: receipt.receivedAt,
    accepted: receipt.accepted,
    duplicate: receipt.duplicate,
    rejected: receipt.rejected,
    settled,
  }
}

function decodeFile(contentBase64: string): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64')
  // Buffer skips what is not base64: a round trip tells a damaged transfer from a file.
  if (bytes.toString('base64') !== contentBase64) {
    throw new ReceiptFileError('receipt_file_invalid', 'the content is not base64')
  }
  return bytes
}

/**
 * The receipt, once openReceipt verified it with the province signing key. The envelope is
 * looked at first only to say why a file is refused (another kind of file, another key).
 */
function verifyReceiptFile(bytes: Uint8Array, province: ProvincePublicKeysInfo): SyncReceipt {
  const envelope = envelopeHeader(bytes)
  if (envelope?.purpose !== RECEIPT_PURPOSE) {
    throw new ReceiptFileError('receipt_file_invalid', 'the file is not a signed receipt')
  }
  if (envelope.keyId !== province.signingKeyId) {
    throw new ReceiptFileError('receipt_other_province', `signed by key ${envelope.keyId}`)
  }
  try {
    return openReceipt(bytes, province.signingPublicKey)
  } catch (error) {
    if (!isBatchError(error)) throw error
    if (error.reason === 'signature_invalid') {
      throw new ReceiptFileError('receipt_signature_invalid', error.message)
    }
    throw new ReceiptFileError('receipt_file_invalid', error.message)
  }
}

/** The envelope's purpose and key id, or null when the bytes are no JSON object. */
function envelopeHeader(bytes: Uint8Array): { purpose: unknown; keyId: unknown } | null {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    // Not JSON at all (a batch file, a photo): refused as "not a receipt" by the caller.
    return null
  }
  if (typeof json !== 'object' || json === null) return null
  const record = json as Record<string, unknown>
  return { purpose: record.purpose, keyId: record.keyId }
}
