import type { Transaction } from 'kysely'
import { MAX_BATCH_REVISIONS, type SyncReceipt } from '../../shared/api/http/sync.contract'
import {
  BatchError,
  type BatchLimits,
  type BatchManifest,
  DEFAULT_BATCH_LIMITS,
  openBatch,
  readBatchManifest,
  sealReceipt,
} from '../../shared/sync/batch-codec.node.js'
import type { SignedEnvelope } from '../../shared/sync/device-signature.node.js'
import { type AuditActor, recordAudit } from '../audit/audit.service'
import { resolveCommune } from '../devices/commune-reference'
import { findDevice, recordDeviceSync } from '../devices/device.repository'
import { CommuneOutsideProvinceError } from '../devices/device-errors'
import type { DeviceTable } from '../devices/devices.tables'
import { loadFormLookup } from '../forms/form-registry'
import type { Caller } from '../http/request-context'
import type { ServerContext } from '../server-context'
import type { ServerDatabase } from '../store/server-database.types'
import { recordRefusal } from './batch-inbox.repository'
import { ingestBatch } from './ingest.service'
import { BatchRefusedError } from './sealed-import.errors'

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
}

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
    const device = await admittedDevice(ctx, manifest, source, by.caller)
    const forms = await loadFormLookup(
      ctx.db,
      manifest.forms.map((form) => ({ formId: form.id, formVersion: form.version })),
    )
    const opened = await openBatch(bytes, {
      province: {
        encryptionPrivateKey: ctx.provinceKeys.encryption.privateKey,
        encryptionKeyId: ctx.provinceKeys.encryption.keyId,
      },
      devicePublicKey: () => device.public_key,
      forms,
      limits: LIMITS[source],
    })
    const sealed = opened.manifest
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
        onStored: (trx, stored) => afterStored(trx, ctx, by, source, sealed, stored),
      },
    )
    return {
      manifest: sealed,
      receipt,
      signedReceipt: sealReceipt(receipt, ctx.provinceKeys.signing.privateKey),
    }
  } catch (error) {
    if (!(error instanceof BatchError || error instanceof BatchRefusedError)) throw error
    await refuse(ctx, by, source, bytes.length, manifest, error.code)
    throw error
  }
}

/** The device that sealed the batch, if it may still submit; refuses otherwise. */
async function admittedDevice(
  ctx: ServerContext,
  manifest: BatchManifest,
  source: SealedBatchSource,
  caller: Caller,
): Promise<DeviceTable> {
  if (source === 'http' && (caller.kind !== 'device' || caller.deviceId !== manifest.deviceId)) {
    throw new BatchRefusedError('device_mismatch', 'A device may upload only batches it sealed')
  }
  // A laptop enrolled by file that never went online is not known yet: the manifest has no
  // room for its enrolment token, so it must make first contact (or be enrolled by code).
  const device = await findDevice(ctx.db, manifest.deviceId)
  if (!device) throw new BatchError('device_unknown', 'The batch comes from an unknown device')
  if (device.status === 'revoked') {
    throw new BatchRefusedError('device_revoked', 'The device that sealed the batch is revoked')
  }
  return device
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
