import type { SyncBatch, SyncReceipt } from '../../shared/api/http.contract'
import type { SyncReport, SyncStatus } from '../../shared/api/ipc.contract'
import { PILOT_COMMUNE } from '../../shared/places/pilot-places'
import type { MainContext } from '../context'
import { refreshHouseholdSyncStates } from '../household/household.repository'
import { getSetting, setSetting } from '../settings/settings.repository'
import { openRevision } from '../store/sealed-columns'
import {
  countRevisionsByStatus,
  type RevisionRow,
  settleRevision,
  takePendingRevisions,
} from './outbox.repository'
import { uploadBatch } from './sync.client'
import { SyncError } from './sync.errors'

/** Revisions per batch: small enough to finish on a weak link, large enough to be quick. */
export const SYNC_BATCH_SIZE = 100

/**
 * Sends every pending revision to the server, batch by batch, and marks each one from the
 * server's receipt. Pressing "sync" while a run is in progress joins that run, so nothing
 * is sent twice. On failure the revisions of the failed batch stay pending; batches that
 * were already acknowledged stay settled.
 */
export function runSync(ctx: MainContext): Promise<SyncReport> {
  const running = ctx.sync.running
  if (running) return running
  const run = drainOutbox(ctx).finally(() => {
    ctx.sync.running = null
  })
  ctx.sync.running = run
  return run
}

async function drainOutbox(ctx: MainContext): Promise<SyncReport> {
  const serverUrl = await getSetting(ctx.db, 'server_url')
  if (!serverUrl) throw new SyncError('no_server_url', 'no server address is set')
  const report: SyncReport = { batches: 0, sent: 0, accepted: 0, duplicate: 0, rejected: 0 }
  for (;;) {
    const rows = await takePendingRevisions(ctx.db, SYNC_BATCH_SIZE)
    if (rows.length === 0) break
    const batch = sealBatch(ctx, rows)
    const receipt = await uploadBatch(ctx, serverUrl, batch)
    await applyReceipt(ctx, batch, receipt, rows)
    report.batches += 1
    report.sent += rows.length
    for (const outcome of receipt.outcomes) report[outcome.status] += 1
  }
  await setSetting(ctx.db, 'last_sync_at', new Date(ctx.clock.now()).toISOString())
  return report
}

/**
 * The batch for a set of outbox rows; each payload is opened from its at-rest encryption
 * here. (Encrypting the batch for the province is the sync issue's transport work.)
 */
function sealBatch(ctx: MainContext, rows: readonly RevisionRow[]): SyncBatch {
  return {
    batchId: ctx.newId(),
    deviceId: ctx.deviceId,
    communeCode: PILOT_COMMUNE.code,
    sentAt: new Date(ctx.clock.now()).toISOString(),
    revisions: rows.map((row) => openRevision(ctx.cipher, row)),
  }
}

/** Marks the batch's revisions from a checked receipt, all in one transaction. */
async function applyReceipt(
  ctx: MainContext,
  batch: SyncBatch,
  receipt: SyncReceipt,
  rows: readonly RevisionRow[],
): Promise<void> {
  const at = new Date(ctx.clock.now()).toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    for (const outcome of receipt.outcomes) {
      const rejected = outcome.status === 'rejected'
      await settleRevision(trx, {
        id: outcome.revisionId,
        status: rejected ? 'rejected' : 'sent',
        reason: rejected ? (outcome.reason ?? 'rejected') : null,
        batchId: batch.batchId,
        at,
      })
    }
    await refreshHouseholdSyncStates(trx, [...new Set(rows.map((r) => r.household_id))])
  })
}

/** Where the outbox stands, for the sync screen. */
export async function getSyncStatus(ctx: MainContext): Promise<SyncStatus> {
  const counts = await countRevisionsByStatus(ctx.db)
  return {
    serverUrl: await getSetting(ctx.db, 'server_url'),
    ...counts,
    lastSyncAt: await getSetting(ctx.db, 'last_sync_at'),
  }
}

/** Stores the provincial server's address (without a trailing slash). */
export async function setServerUrl(ctx: MainContext, serverUrl: string): Promise<SyncStatus> {
  await setSetting(ctx.db, 'server_url', serverUrl.replace(/\/+$/, ''))
  return getSyncStatus(ctx)
}
