import type { Transaction } from 'kysely'
import { MAX_BATCH_REVISIONS, type SyncReceipt } from '../../shared/api/http/sync.contract'
import { AppError } from '../../shared/result'
import {
  type BatchEnrolmentClaim,
  BatchError,
  type BatchLimits,
  type BatchManifest,
  DEFAULT_BATCH_LIMITS,
  type EnrolmentClaim,
  openBatch,
  readBatchManifest,
  sealReceipt,
} from '../../shared/sync/batch-codec.node.js'
import { publicKeyId, type SignedEnvelope } from '../../shared/sync/device-signature.node.js'
import { type AuditActor, recordAudit } from '../audit/audit.service'
import { resolveCommune } from '../devices/commune-reference'
import { findDevice, recordDeviceSync } from '../devices/device.repository'
import type { RedemptionOutcome } from '../devices/device-enrolment.service'
import { CommuneOutsideProvinceError } from '../devices/device-errors'
import type { DeviceTable } from '../devices/devices.tables'
import { redeemBatchClaim } from '../devices/enrolment-claim.service'
import { loadFormLookup } from '../forms/form-registry'
import type { Caller } from '../http/request-context'
import type { ServerContext } from '../server-context'
import type { ServerDatabase } from '../store/server-database.types'
import { recordRefusal } from './batch-inbox.repository'
import { ingestBatch } from './ingest.service'
import { type BatchRefusalCode, BatchRefusedError } from './sealed-import.errors'

type Trx = Transaction<ServerDatabase>

/** How the file arrived: uploaded by its device, or imported by staff (console or CLI). */
export type SealedBatchSource = 'http' | 'file'

/** Who hands the file to the server; for the CLI, `actor` names the operator in the audit log. */
export interface ImportCaller {
  caller: Caller
  ip?: string
  actor?: AuditActor
}

export interface SealedImportResult {
  manifest: BatchManifest
  receipt: SyncReceipt
  /** The receipt signed with the province key, for the device to settle its records by. */
  signedReceipt: SignedEnvelope
  /**
   * Set when the batch carried an enrolment claim (a laptop enrolled by file): `enrolled`
   * when this import registered the device, `reenrolled` when it replaced a known device's
   * key, `retry` when the device was already registered with this token and key.
   */
  deviceEnrolment: { outcome: RedemptionOutcome; deviceName: string } | null
}

/** Enrolment refusals a claim's token can meet, refused as the batch's reason. */
const CLAIM_REFUSALS: ReadonlySet<string> = new Set<BatchRefusalCode>([
  'enrolment_code_invalid',
  'enrolment_code_expired',
  'enrolment_code_used',
  'enrolment_commune_mismatch',
  'device_revoked',
])

/** HTTP uploads are small batches (retried over weak links); files may hold a whole campaign. */
const LIMITS: Record<SealedBatchSource, BatchLimits> = {
  http: { ...DEFAULT_BATCH_LIMITS, maxRevisions: MAX_BATCH_REVISIONS },
  file: DEFAULT_BATCH_LIMITS,
}

/**
 * The one import path of sealed batches, whether uploaded or carried on a USB stick:
 * bounds and manifest → the device (known, active) → verification and decryption → the
 * commune (the device's, in this province) → ingestBatch (one transaction; a re-sent batch or revision
 * is a no-op; rejected revisions are kept in the quarantine) → a receipt signed with the
 * province key. A refused batch (BatchError or BatchRefusedError, its reason as the code)
 * stores nothing but one inbox row saying why; it is refused before anything is written.
 *
 * A batch carrying an enrolment claim (a laptop enrolled by file, docs/devices.md) is
 * verified with the claimed key when the device is unknown, then its token is redeemed as
 * devices.enrol would (its own transaction: registered → ingested; if the ingest fails,
 * importing the same file again finds the token redeemed by this device and goes on).
 */
export async function importSealedBatch(
  ctx: ServerContext,
  bytes: Uint8Array,
  source: SealedBatchSource,
  by: ImportCaller,
): Promise<SealedImportResult> {
  let manifest: BatchManifest | null = null
  try {
    manifest = readBatchManifest(bytes, LIMITS[source])
    const known = await admittedDevice(ctx, manifest, source, by.caller)
    const forms = await loadFormLookup(
      ctx.db,
      manifest.forms.map((form) => ({ formId: form.id, formVersion: form.version })),
    )
    const opened = await openBatch(bytes, {
      province: {
        encryptionPrivateKey: ctx.provinceKeys.encryption.privateKey,
        encryptionKeyId: ctx.provinceKeys.encryption.keyId,
      },
      devicePublicKey: (_id, keyId, claim) => verifyingKey(known, keyId, claim),
      forms,
      limits: LIMITS[source],
    })
    const sealed = opened.manifest
    const claimed = opened.enrolmentClaim
      ? await redeemClaim(ctx, by, source, sealed, opened.enrolmentClaim)
      : null
    const device = claimed?.device ?? known
    if (!device) throw new BatchError('device_unknown', 'The batch comes from an unknown device')
    await checkCommune(ctx, sealed, device)
    const receipt = await ingestBatch(
      ctx,
      {
        batchId: sealed.batchId,
        deviceId: sealed.deviceId,
        communeCode: sealed.communeCode,
        sentAt: sealed.createdAt,
        revisions: opened.revisions,
      },
      {
        source,
        deviceCreatedAt: sealed.createdAt,
        fileBytes: bytes.length,
        onStored: (trx, stored) =>
          afterStored(trx, ctx, by, source, sealed, stored, claimed?.outcome ?? null),
      },
    )
    return {
      manifest: sealed,
      receipt,
      signedReceipt: sealReceipt(receipt, ctx.provinceKeys.signing.privateKey),
      deviceEnrolment: claimed
        ? { outcome: claimed.outcome, deviceName: claimed.device.name }
        : null,
    }
  } catch (error) {
    if (!(error instanceof BatchError || error instanceof BatchRefusedError)) throw error
    await refuse(ctx, by, source, bytes.length, manifest, error.code)
    throw error
  }
}

/**
 * The device that sealed the batch, if it may still submit; refuses otherwise. Null for an
 * unknown device whose batch claims its enrolment (verified with the claimed key next).
 */
async function admittedDevice(
  ctx: ServerContext,
  manifest: BatchManifest,
  source: SealedBatchSource,
  caller: Caller,
): Promise<DeviceTable | null> {
  if (source === 'http' && (caller.kind !== 'device' || caller.deviceId !== manifest.deviceId)) {
    throw new BatchRefusedError('device_mismatch', 'A device may upload only batches it sealed')
  }
  const device = await findDevice(ctx.db, manifest.deviceId)
  if (!device) {
    if (manifest.enrolmentClaim) return null
    throw new BatchError('device_unknown', 'The batch comes from an unknown device')
  }
  if (device.status === 'revoked') {
    throw new BatchRefusedError('device_revoked', 'The device that sealed the batch is revoked')
  }
  return device
}

/**
 * The key to verify the file with: the device's own when it holds the key the manifest
 * names; otherwise the claimed key (an unknown laptop enrolled by file, or one enrolled
 * anew by file since), which counts only once its token is redeemed for this device.
 */
function verifyingKey(
  known: DeviceTable | null,
  keyId: string,
  claim: BatchEnrolmentClaim | null,
): string | null {
  if (known && publicKeyId(known.public_key) === keyId) return known.public_key
  return claim?.devicePublicKey ?? known?.public_key ?? null
}

/** Redeems the claim's token; its enrolment refusals become the batch's refusal reason. */
async function redeemClaim(
  ctx: ServerContext,
  by: ImportCaller,
  source: SealedBatchSource,
  manifest: BatchManifest,
  claim: EnrolmentClaim,
): Promise<{ outcome: RedemptionOutcome; device: DeviceTable }> {
  try {
    return await redeemBatchClaim(
      { ...ctx, caller: by.caller, ...(by.ip ? { ip: by.ip } : {}) },
      {
        deviceId: manifest.deviceId,
        communeCode: manifest.communeCode,
        batchId: manifest.batchId,
        claim,
        source,
        ...(by.actor ? { actor: by.actor } : {}),
      },
    )
  } catch (error) {
    if (error instanceof AppError && CLAIM_REFUSALS.has(error.code)) {
      throw new BatchRefusedError(
        error.code as BatchRefusalCode,
        `The batch's enrolment claim is refused: ${error.message}`,
      )
    }
    throw error
  }
}

/**
 * The batch's commune must be its device's and in this province. Checked on the opened
 * (authenticated) manifest, so that a tampered file is refused as such.
 */
async function checkCommune(
  ctx: ServerContext,
  manifest: BatchManifest,
  device: DeviceTable,
): Promise<void> {
  if (manifest.communeCode !== device.commune_code) {
    throw new BatchRefusedError(
      'wrong_commune',
      `The batch is for commune ${manifest.communeCode}, its device is enrolled in ${device.commune_code}`,
    )
  }
  try {
    await resolveCommune(ctx.db, manifest.communeCode)
  } catch (error) {
    if (!(error instanceof CommuneOutsideProvinceError)) throw error
    throw new BatchRefusedError('wrong_commune', error.message)
  }
}

async function afterStored(
  trx: Trx,
  ctx: ServerContext,
  by: ImportCaller,
  source: SealedBatchSource,
  manifest: BatchManifest,
  receipt: SyncReceipt,
  enrolment: RedemptionOutcome | null,
): Promise<void> {
  await recordDeviceSync(trx, manifest.deviceId, receipt.receivedAt)
  if (source !== 'file') return
  await recordAudit(
    trx,
    { clock: ctx.clock, caller: by.caller, ...(by.ip ? { ip: by.ip } : {}) },
    {
      action: 'batch.imported',
      targetType: 'batch',
      targetId: manifest.batchId,
      communeCode: manifest.communeCode,
      details: {
        deviceId: manifest.deviceId,
        accepted: receipt.accepted,
        duplicate: receipt.duplicate,
        rejected: receipt.rejected,
        ...(enrolment ? { deviceEnrolment: enrolment } : {}),
      },
      ...(by.actor ? { actor: by.actor } : {}),
    },
  )
}

/** Records a refused batch in the inbox (and, for a file, in the audit log) in one transaction. */
async function refuse(
  ctx: ServerContext,
  by: ImportCaller,
  source: SealedBatchSource,
  fileBytes: number,
  manifest: BatchManifest | null,
  reason: string,
): Promise<void> {
  const uploader = by.caller.kind === 'device' ? by.caller : null
  const receivedAt = new Date(ctx.clock.now()).toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const id = await recordRefusal(trx, {
      source,
      receivedAt,
      fileBytes,
      reason,
      claimedBatchId: manifest?.batchId ?? null,
      deviceId: manifest?.deviceId ?? uploader?.deviceId ?? null,
      communeCode: manifest?.communeCode ?? uploader?.communeCode ?? null,
      deviceCreatedAt: manifest?.createdAt ?? null,
    })
    if (source !== 'file') return
    await recordAudit(
      trx,
      { clock: ctx.clock, caller: by.caller, ...(by.ip ? { ip: by.ip } : {}) },
      {
        action: 'batch.refused',
        targetType: 'batch',
        targetId: id,
        communeCode: manifest?.communeCode ?? null,
        details: { reason, claimedBatchId: manifest?.batchId ?? null, fileBytes },
        ...(by.actor ? { actor: by.actor } : {}),
      },
    )
  })
}
