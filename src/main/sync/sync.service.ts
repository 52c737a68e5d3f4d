import type { ExportedBatch, SyncReport, SyncStatus } from '../../shared/api/ipc.contract'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { AppError } from '../../shared/result'
import {
  DEFAULT_BATCH_LIMITS,
  readBatchManifest,
  sealBatch,
} from '../../shared/sync/batch-codec.node.js'
import type { MainContext } from '../context'
import { type Enrolment, loadEnrolment } from '../device/device-enrolment.repository'
import { enrolmentClaimOf, presentPendingToken } from '../device/device-enrolment.service'
import { localFormOrNull } from '../forms/local-forms'
import { refreshBatchHouseholdSyncStates } from '../household/household.repository'
import { getSetting, setSetting } from '../settings/settings.repository'
import { openRevision } from '../store/sealed-columns'
import { exportedBatchFileName } from './batch-file-name'
import { countRevisionsByStatus, type RevisionRow, takePendingRevisions } from './outbox.repository'
import { pullChanges } from './pull.service'
import { applyReceipt } from './receipt.apply'
import {
  countAwaitingRevisions,
  insertSealedBatch,
  latestExport,
  oldestOpenUpload,
  type SealedBatch,
  takeUnsealedPending,
} from './sealed-batch.repository'
import { uploadSealedBatch } from './sync.client'
import { SyncError } from './sync.errors'
import {
  currentSyncProgress,
  planUpload,
  readLastRun,
  recordLastRun,
  SyncProgressTracker,
} from './sync-progress'

/** Revisions per batch: small enough to finish on a weak link, large enough to be quick. */
export const SYNC_BATCH_SIZE = 100

/**
 * Sends every pending revision to the server as sealed batches and marks each one from the
 * batch's verified receipt. A batch is sealed and stored before its first upload, so a
 * retry (even after a restart) re-sends the identical bytes. Pressing "sync" while a run
 * is in progress joins that run. On failure the failed batch's revisions stay pending;
 * batches already acknowledged stay settled. While it runs, getSyncStatus reports its
 * progress; when it ends, how it ended is remembered (the sync screen's "last sync").
 */
export function runSync(ctx: MainContext): Promise<SyncReport> {
  const running = ctx.sync.running
  if (running) return running
  const run = runAndRecord(ctx).finally(() => {
    ctx.sync.running = null
  })
  ctx.sync.running = run
  return run
}

async function runAndRecord(ctx: MainContext): Promise<SyncReport> {
  const report: SyncReport = {
    batches: 0,
    sent: 0,
    accepted: 0,
    duplicate: 0,
    rejected: 0,
    pulled: { households: 0, skipped: 0, villages: 0 },
  }
  const progress = new SyncProgressTracker(ctx, await planUpload(ctx.db, SYNC_BATCH_SIZE))
  try {
    await drainOutbox(ctx, report, progress)
  } catch (error) {
    // What was done before the failure is part of the story the screen tells.
    await recordLastRun(ctx, report, { error })
    throw error
  } finally {
    progress.finished()
  }
  await recordLastRun(ctx, report, null)
  return report
}

async function drainOutbox(
  ctx: MainContext,
  report: SyncReport,
  progress: SyncProgressTracker,
): Promise<void> {
  let enrolment = await requireEnrolment(ctx)
  if (enrolment.pendingToken) {
    await presentPendingToken(ctx)
    enrolment = await requireEnrolment(ctx)
  }
  const serverUrl = (await getSetting(ctx.db, 'server_url')) ?? enrolment.serverUrl
  let serverTime: string | null = null
  for (;;) {
    const batch = (await oldestOpenUpload(ctx.db)) ?? (await sealNextUpload(ctx, enrolment))
    if (!batch) break
    progress.batchStarted()
    const receipt = await uploadSealedBatch(ctx, enrolment, serverUrl, batch)
    await applyReceipt(ctx, batch.id, receipt)
    report.batches += 1
    report.sent += batch.revisionIds.length
    for (const outcome of receipt.outcomes) report[outcome.status] += 1
    progress.batchSettled(batch.revisionIds.length)
    serverTime = receipt.receivedAt
  }
  progress.pulling()
  report.pulled = await pullChanges(ctx, enrolment, serverUrl)
  await recordSyncTimes(ctx, serverTime)
}

/**
 * Keeps both clocks of the sync (DESIGN.md §5, principle 6): the device's time now, and the
 * server's receipt time when a batch was sent. A later device time earlier than the stored
 * one means the laptop's clock went back (getSyncStatus flags it).
 */
async function recordSyncTimes(ctx: MainContext, serverTime: string | null): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const previous = await getSetting(trx, 'last_sync_at')
    // Never moved back: a clock that went back stays flagged until it is set right.
    if (previous === null || Date.parse(previous) <= ctx.clock.now()) {
      await setSetting(trx, 'last_sync_at', new Date(ctx.clock.now()).toISOString())
    }
    if (serverTime !== null) await setSetting(trx, 'last_sync_server_at', serverTime)
  })
}

async function requireEnrolment(ctx: MainContext): Promise<Enrolment> {
  const enrolment = await loadEnrolment(ctx.db, ctx.cipher)
  if (!enrolment) throw new SyncError('not_enrolled', 'this laptop is not enrolled')
  return enrolment
}

/** Seals the next pending revisions into an upload and stores it before anything is sent. */
async function sealNextUpload(ctx: MainContext, enrolment: Enrolment): Promise<SealedBatch | null> {
  const rows = await takeUnsealedPending(ctx.db, SYNC_BATCH_SIZE)
  if (rows.length === 0) return null
  return sealAndStore(ctx, enrolment, rows, 'upload')
}

/**
 * Seals revisions of one commune (the first row's; a laptop re-enrolled elsewhere sends
 * the rest in their own batches) and stores the bytes with the revisions they carry. Their
 * households now await the batch's receipt, and show it.
 */
async function sealAndStore(
  ctx: MainContext,
  enrolment: Enrolment,
  rows: readonly RevisionRow[],
  kind: 'upload' | 'export',
): Promise<SealedBatch> {
  const opened = rows.map((row) => openRevision(ctx.cipher, row))
  const communeCode = opened[0]?.communeCode ?? enrolment.commune.code
  const revisions: HouseholdRevision[] = opened.filter((r) => r.communeCode === communeCode)
  const id = ctx.newId()
  const createdAt = new Date(ctx.clock.now()).toISOString()
  const body = sealBatch({
    batchId: id,
    deviceId: ctx.deviceId,
    communeCode,
    createdAt,
    revisions,
    device: { signingPrivateKey: enrolment.signingKey, signingKeyId: enrolment.deviceKeyId },
    province: {
      encryptionPublicKey: enrolment.provincePublicKeys.encryptionPublicKey,
      encryptionKeyId: enrolment.provincePublicKeys.encryptionKeyId,
    },
    forms: (formId, version) => localFormOrNull(formId, version, ctx.db) ?? undefined,
    // Enrolled by file and not yet known to be registered: the file registers the laptop.
    enrolmentClaim: enrolmentClaimOf(enrolment),
  })
  const revisionIds = revisions.map((r) => r.id)
  await ctx.db.transaction().execute(async (trx) => {
    await insertSealedBatch(trx, {
      id,
      kind,
      body,
      deviceKeyId: enrolment.deviceKeyId,
      createdAt,
      revisionIds,
    })
    await refreshBatchHouseholdSyncStates(trx, id)
  })
  return { id, body, revisionIds }
}

/**
 * Seals every pending revision into one batch file for a USB stick, the same way an upload
 * is sealed, and remembers it as an export. The revisions stay pending: only a receipt
 * settles them (the next online sync, answered as duplicates once the file was imported).
 */
export async function exportBatchFile(ctx: MainContext): Promise<ExportedBatch> {
  const enrolment = await requireEnrolment(ctx)
  const rows = await takePendingRevisions(ctx.db, DEFAULT_BATCH_LIMITS.maxRevisions)
  if (rows.length === 0) throw new AppError('nothing_to_export', 'no revision is waiting')
  const batch = await sealAndStore(ctx, enrolment, rows, 'export')
  return {
    batchId: batch.id,
    fileName: exportedBatchFileName({ ...readBatchManifest(batch.body), batchId: batch.id }),
    bytesBase64: Buffer.from(batch.body).toString('base64'),
    revisions: batch.revisionIds.length,
  }
}

/** Where the outbox stands, for the sync screen. */
export async function getSyncStatus(ctx: MainContext): Promise<SyncStatus> {
  const counts = await countRevisionsByStatus(ctx.db)
  const exported = await latestExport(ctx.db)
  const lastSyncAt = await getSetting(ctx.db, 'last_sync_at')
  return {
    serverUrl: await getSetting(ctx.db, 'server_url'),
    ...counts,
    awaiting: await countAwaitingRevisions(ctx.db),
    lastSyncAt,
    openConflicts: Number((await getSetting(ctx.db, 'open_conflicts')) ?? '0'),
    clockBehind: lastSyncAt !== null && ctx.clock.now() < Date.parse(lastSyncAt),
    lastServerTime: await getSetting(ctx.db, 'last_sync_server_at'),
    lastExport: exported
      ? { batchId: exported.id, at: exported.createdAt, revisions: exported.revisions }
      : null,
    lastRun: await readLastRun(ctx.db),
    progress: currentSyncProgress(ctx),
  }
}

/** Stores the provincial server's address (without a trailing slash). */
export async function setServerUrl(ctx: MainContext, serverUrl: string): Promise<SyncStatus> {
  await setSetting(ctx.db, 'server_url', serverUrl.replace(/\/+$/, ''))
  return getSyncStatus(ctx)
}
