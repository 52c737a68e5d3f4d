import type { Transaction } from 'kysely'
import type { RevisionOutcome, SyncBatch, SyncReceipt } from '../../shared/api/http.contract'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { type FormLookup, loadFormLookup } from '../forms/form-registry'
import type { ServerContext } from '../server-context'
import type { BatchSource, ServerDatabase } from '../store/server-database.types'
import { type ChangeSequence, reserveChangeSequence } from './change-sequence'
import { projectRevision } from './household-projection'
import { judgeRevision, type RevisionVerdict } from './revision-verdict'

type Trx = Transaction<ServerDatabase>

/** How a batch arrived; sealed batches also carry the device's time and the file size. */
export interface BatchArrival {
  source: BatchSource
  /** Device time of sealing (the manifest's createdAt); the JSON upload uses `sentAt`. */
  deviceCreatedAt?: string
  fileBytes?: number
  /** Runs inside the batch's transaction once it is stored (device sync time, audit). */
  onStored?: (trx: Trx, receipt: SyncReceipt) => Promise<void>
}

/**
 * Stores one batch of revisions in a single transaction and answers a receipt with an
 * outcome per revision:
 * - duplicate: a revision with this id is already stored (a re-sent batch is a no-op);
 * - rejected: refused with a reason, yet kept in the revision log (the quarantine);
 * - accepted: stored, and folded into the household's current state when it is newer.
 * A batch id seen before is answered the same way, revision by revision.
 */
export async function ingestBatch(
  ctx: ServerContext,
  batch: SyncBatch,
  arrival: BatchArrival = { source: 'json' },
): Promise<SyncReceipt> {
  const receivedAt = new Date(ctx.clock.now()).toISOString()
  // Published form versions are looked up before the transaction holds the store.
  const forms = await loadFormLookup(ctx.db, batch.revisions)
  return ctx.db.transaction().execute(async (trx) => {
    // First, so that concurrent ingests queue here and each merges settled state.
    const seq = await reserveChangeSequence(trx, batch.revisions.length)
    const firstArrival = await insertBatch(trx, batch, receivedAt, arrival)
    const stored = await storedRevisionIds(
      trx,
      batch.revisions.map((r) => r.id),
    )
    const outcomes: RevisionOutcome[] = []
    for (const revision of batch.revisions) {
      outcomes.push(await ingestRevision(trx, batch, revision, receivedAt, stored, forms, seq))
    }
    const counts = countOutcomes(outcomes)
    if (firstArrival) {
      await trx.updateTable('batches').set(counts).where('id', '=', batch.batchId).execute()
    }
    const receipt = { batchId: batch.batchId, receivedAt, ...counts, outcomes }
    await arrival.onStored?.(trx, receipt)
    return receipt
  })
}

async function ingestRevision(
  trx: Trx,
  batch: SyncBatch,
  revision: HouseholdRevision,
  receivedAt: string,
  stored: Set<string>,
  forms: FormLookup,
  seq: ChangeSequence,
): Promise<RevisionOutcome> {
  const duplicate: RevisionOutcome = { revisionId: revision.id, status: 'duplicate' }
  if (stored.has(revision.id)) return duplicate
  const verdict = judgeRevision(batch, revision, forms)
  // The conflict guard catches a twin stored concurrently or earlier in this batch.
  const inserted = await insertRevision(trx, batch, revision, verdict, receivedAt)
  stored.add(revision.id)
  if (!inserted) return duplicate
  if (verdict.status === 'rejected') {
    return {
      revisionId: revision.id,
      status: 'rejected',
      reason: verdict.reason,
      ...(verdict.issues.length > 0 ? { issues: verdict.issues } : {}),
    }
  }
  await projectRevision(trx, revision, verdict.response, receivedAt, seq)
  return { revisionId: revision.id, status: 'accepted' }
}

/** @returns true when this is the batch id's first arrival */
async function insertBatch(
  trx: Trx,
  batch: SyncBatch,
  receivedAt: string,
  arrival: BatchArrival,
): Promise<boolean> {
  const deviceCreatedAt = arrival.deviceCreatedAt ?? batch.sentAt
  const result = await trx
    .insertInto('batches')
    .values({
      id: batch.batchId,
      device_id: batch.deviceId,
      commune_code: batch.communeCode,
      device_sent_at: batch.sentAt,
      received_at: receivedAt,
      accepted: 0,
      duplicate: 0,
      rejected: 0,
      source: arrival.source,
      device_created_at: deviceCreatedAt,
      clock_behind: (await clockWentBack(trx, batch, deviceCreatedAt)) ? 1 : 0,
      file_bytes: arrival.fileBytes ?? null,
      status: 'ingested',
      error_code: null,
      claimed_batch_id: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/**
 * Whether the device's clock is earlier than at a batch it sent before: device clocks may
 * be years off, so this is flagged for staff, never used to order anything.
 */
async function clockWentBack(trx: Trx, batch: SyncBatch, deviceCreatedAt: string) {
  const latest = await trx
    .selectFrom('batches')
    .select((eb) => eb.fn.max('device_created_at').as('at'))
    .where('device_id', '=', batch.deviceId)
    .where('status', '=', 'ingested')
    .where('id', '!=', batch.batchId)
    .executeTakeFirst()
  const at = latest?.at
  return typeof at === 'string' && Date.parse(deviceCreatedAt) < Date.parse(at)
}

async function storedRevisionIds(trx: Trx, ids: string[]): Promise<Set<string>> {
  const rows = await trx.selectFrom('revisions').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

/** Appends the revision to the log; @returns false when its id was already there. */
async function insertRevision(
  trx: Trx,
  batch: SyncBatch,
  revision: HouseholdRevision,
  verdict: RevisionVerdict,
  receivedAt: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('revisions')
    .values({
      id: revision.id,
      batch_id: batch.batchId,
      household_id: revision.householdId,
      visit_id: revision.visitId,
      device_id: revision.deviceId,
      commune_code: revision.communeCode,
      hlc: revision.hlc,
      base_revision_id: revision.baseRevisionId,
      status: verdict.status,
      reason: verdict.status === 'rejected' ? verdict.reason : null,
      issues_json: verdict.issues.length > 0 ? JSON.stringify(verdict.issues) : null,
      payload_json: JSON.stringify(revision),
      clean_response_json: cleanedResponse(revision, verdict),
      device_saved_at: revision.savedAt,
      received_at: receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

function countOutcomes(outcomes: RevisionOutcome[]) {
  const count = (status: RevisionOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length
  return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') }
}

/** The cleaned response, stored only when cleaning changed it (re-merges read it back). */
function cleanedResponse(revision: HouseholdRevision, verdict: RevisionVerdict): string | null {
  if (verdict.status !== 'accepted') return null
  const cleaned = JSON.stringify(verdict.response)
  return cleaned === JSON.stringify(revision.response) ? null : cleaned
}
