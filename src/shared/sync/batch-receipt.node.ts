import type { KeyObject } from 'node:crypto'
import { z } from 'zod'
import { type SyncReceipt, syncReceiptSchema } from '../api/http/sync.contract'
import { BatchError } from './batch-error'
import {
  EnvelopeSignatureError,
  ed25519PublicKey,
  openEnvelope,
  type SignedEnvelope,
  signEnvelope,
} from './device-signature.node.js'

/**
 * The server's answer to a batch, signed with the province Ed25519 key so that the device
 * marks records sent only on a receipt the province really made — whether it came back
 * over HTTP or on a USB stick. It is a signed envelope (docs/devices.md) of purpose
 * `langso-sync-receipt` whose payload is the SyncReceipt JSON.
 */
export const RECEIPT_PURPOSE = 'langso-sync-receipt'

const envelopeSchema = z.strictObject({
  format: z.literal('langso-signed/v1'),
  purpose: z.string().max(100),
  keyId: z.string().max(100),
  payload: z.string(),
  signature: z.string().max(200),
})

/** Signs a receipt with the province signing key; throws `receipt_invalid` for a malformed one. */
export function sealReceipt(receipt: SyncReceipt, provinceSigningKey: KeyObject): SignedEnvelope {
  const parsed = syncReceiptSchema.safeParse(receipt)
  if (!parsed.success)
    throw new BatchError('receipt_invalid', 'The receipt does not fit its schema')
  checkTallies(parsed.data)
  return signEnvelope(provinceSigningKey, RECEIPT_PURPOSE, parsed.data)
}

/**
 * Verifies a receipt on the device and returns it. Accepts the envelope as parsed JSON, as
 * JSON text or as its UTF-8 bytes. Throws BatchError: `signature_invalid` when it was not
 * signed by this key (or was altered), `receipt_invalid` when it is not a receipt, or not
 * the receipt of `expectedBatchId`.
 */
export function openReceipt(
  input: Uint8Array | string | SignedEnvelope,
  provinceSigningPublicKey: KeyObject | string,
  expectedBatchId?: string,
): SyncReceipt {
  const envelope = envelopeOf(input)
  const key = signingKey(provinceSigningPublicKey)
  let payload: unknown
  try {
    payload = openEnvelope(key, envelope, RECEIPT_PURPOSE)
  } catch (error) {
    if (!(error instanceof EnvelopeSignatureError)) throw error
    throw new BatchError('signature_invalid', `The receipt is not valid: ${error.message}`, {
      cause: error,
    })
  }
  const parsed = syncReceiptSchema.safeParse(payload)
  if (!parsed.success)
    throw new BatchError('receipt_invalid', 'The signed receipt does not fit its schema')
  checkTallies(parsed.data)
  if (expectedBatchId !== undefined && parsed.data.batchId !== expectedBatchId) {
    throw new BatchError(
      'receipt_invalid',
      `The receipt is for batch ${parsed.data.batchId}, not ${expectedBatchId}`,
    )
  }
  return parsed.data
}

function envelopeOf(input: Uint8Array | string | SignedEnvelope): SignedEnvelope {
  let json: unknown = input
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      json = JSON.parse(typeof input === 'string' ? input : Buffer.from(input).toString('utf8'))
    } catch (error) {
      throw new BatchError('receipt_invalid', 'The receipt is not JSON', { cause: error })
    }
  }
  const parsed = envelopeSchema.safeParse(json)
  if (!parsed.success)
    throw new BatchError('receipt_invalid', 'The receipt is not a signed envelope')
  return parsed.data
}

function signingKey(key: KeyObject | string): KeyObject {
  if (typeof key !== 'string') return key
  try {
    return ed25519PublicKey(key)
  } catch (error) {
    throw new BatchError('signature_invalid', 'The province signing key is malformed', {
      cause: error,
    })
  }
}

/** The three counts must be the tallies of the outcomes, each revision named once. */
function checkTallies(receipt: SyncReceipt): void {
  const tally = { accepted: 0, duplicate: 0, rejected: 0 }
  for (const outcome of receipt.outcomes) tally[outcome.status] += 1
  const ids = new Set(receipt.outcomes.map((o) => o.revisionId))
  const consistent =
    ids.size === receipt.outcomes.length &&
    tally.accepted === receipt.accepted &&
    tally.duplicate === receipt.duplicate &&
    tally.rejected === receipt.rejected
  if (!consistent)
    throw new BatchError('receipt_invalid', 'The receipt counts do not match its outcomes')
}
