import type { Transaction } from 'kysely'
import type { RevisionOutcome, SyncBatch, SyncReceipt } from '../../shared/api/http.contract'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { type FormLookup, loadFormLookup } from '../forms/form-registry'
import type { ServerContext } from '../server-context'
import type { StoreDialect } from '../store/server-database'
import type { BatchSource, RevisionTable, ServerDatabase } from '../store/server-database.types'
import { reserveChangeSequence } from './change-sequence'
import { type AcceptedRevision, projectRevisions } from './household-projection'
import { insertRows, type RowsInsert, storedRevisionIds } from './ingest-chunks'
import { IngestJson } from './ingest-json'
import { answerRepeats } from './repeat-outcomes'
import { communeVillageCodes, judgeRevision, type RevisionVerdict } from './revision-verdict'

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
 *
 * The batch is written set-wise (one select of the ids already stored, multi-row inserts,
 * one write per changed household) and leaves the state that ingesting its revisions one
 * by one would leave. Revisions are judged before the transaction, so that concurrent
 * ingests wait for each other only while they write.
 */
export async function ingestBatch(
  ctx: ServerContext,
  batch: SyncBatch,
  arrival: BatchArrival = { source: 'json' },
): Promise<SyncReceipt> {
  const receivedAt = new Date(ctx.clock.now()).toISOString()
  // Published form versions are looked up before the transaction holds the store.
  const forms = await loadFormLookup(ctx.db, uniqueForms(batch.revisions))
  const ids = batch.revisions.map((r) => r.id)
  // A hint only: the transaction checks again, and a revision is never removed from the log.
  const known = await storedRevisionIds(ctx.db, ids)
  const villages = await communeVillageCodes(ctx.db, batch.communeCode)
  const verdicts = judgeNew(batch, known, forms, villages)
  return ctx.db.transaction().execute(async (trx) => {
    // First, so that concurrent ingests queue here and each merges settled state.
    const seq = await reserveChangeSequence(trx, batch.revisions.length)
    const firstArrival = await insertBatch(trx, batch, receivedAt, arrival)
    const stored = await storedRevisionIds(trx, ids)
    const fresh: Judged[] = []
    for (const revision of batch.revisions) {
      if (stored.has(revision.id)) continue
      stored.add(revision.id)
      const verdict = verdicts.get(revision.id) ?? judgeRevision(batch, revision, forms, villages)
      fresh.push({ revision, verdict })
    }
    const json = new IngestJson()
    const inserted = await insertRevisions(trx, ctx.dialect, batch, fresh, receivedAt, json)
    const accepted: AcceptedRevision[] = []
    const judged = new Map<string, RevisionOutcome>()
    for (const { revision, verdict } of fresh) {
      if (!inserted.has(revision.id)) continue
      judged.set(revision.id, outcomeOf(revision, verdict))
      if (verdict.status === 'accepted') accepted.push({ revision, response: verdict.response })
    }
    await projectRevisions(trx, ctx.dialect, accepted, receivedAt, seq, json)
    // Every revision not stored by this ingest (a twin, earlier or in the batch) is a duplicate.
    const outcomes = await answerRepeats(
      trx,
      batch.revisions.map((revision) => {
        const outcome = judged.get(revision.id)
        judged.delete(revision.id)
        return outcome ?? { revisionId: revision.id, status: 'duplicate' as const }
      }),
    )
    const counts = countOutcomes(outcomes)
    if (firstArrival) {
      await trx.updateTable('batches').set(counts).where('id', '=', batch.batchId).execute()
    }
    const receipt = { batchId: batch.batchId, receivedAt, ...counts, outcomes }
    await arrival.onStored?.(trx, receipt)
    return receipt
  })
}

interface Judged {
  revision: HouseholdRevision
  verdict: RevisionVerdict
}

function uniqueForms(revisions: readonly HouseholdRevision[]) {
  const refs = new Map<string, { formId: string; formVersion: number }>()
  for (const { formId, formVersion } of revisions) {
    refs.set(`${formId}@${formVersion}`, { formId, formVersion })
  }
  return refs.values()
}

/** Verdicts on the revisions not stored yet (the first of twins in the batch). */
function judgeNew(
  batch: SyncBatch,
  known: ReadonlySet<string>,
  forms: FormLookup,
  villages: readonly string[],
): Map<string, RevisionVerdict> {
  const verdicts = new Map<string, RevisionVerdict>()
  for (const revision of batch.revisions) {
    if (known.has(revision.id) || verdicts.has(revision.id)) continue
    verdicts.set(revision.id, judgeRevision(batch, revision, forms, villages))
  }
  return verdicts
}

function outcomeOf(revision: HouseholdRevision, verdict: RevisionVerdict): RevisionOutcome {
  if (verdict.status === 'accepted') return { revisionId: revision.id, status: 'accepted' }
  return {
    revisionId: revision.id,
    status: 'rejected',
    reason: verdict.reason,
    ...(verdict.issues.length > 0 ? { issues: verdict.issues } : {}),
  }
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

/**
 * Appends the revisions to the log, accepted and rejected alike (the quarantine).
 * @returns the ids actually inserted: a twin stored meanwhile is left as it was
 */
async function insertRevisions(
  trx: Trx,
  dialect: StoreDialect,
  batch: SyncBatch,
  judged: readonly Judged[],
  receivedAt: string,
  json: IngestJson,
): Promise<Set<string>> {
  const inserted = new Set<string>()
  const rows = judged.map(({ revision, verdict }) =>
    revisionRow(batch, revision, verdict, receivedAt, json),
  )
  for (const row of await insertRows(trx, dialect, REVISION_INSERT, rows)) {
    inserted.add(String(row.id))
  }
  return inserted
}

const REVISION_INSERT: RowsInsert<RevisionTable> = {
  table: 'revisions',
  columns: {
    id: 'text',
    batch_id: 'text',
    household_id: 'text',
    visit_id: 'text',
    device_id: 'text',
    commune_code: 'text',
    hlc: 'text',
    base_revision_id: 'text',
    status: 'text',
    reason: 'text',
    issues_json: 'text',
    payload_json: 'text',
    device_saved_at: 'text',
    received_at: 'text',
    clean_response_json: 'text',
    quarantine_state: 'text',
    quarantine_note: 'text',
    quarantine_by: 'text',
    quarantine_at: 'text',
  },
  tail: 'on conflict ("id") do nothing returning "id"',
}

function revisionRow(
  batch: SyncBatch,
  revision: HouseholdRevision,
  verdict: RevisionVerdict,
  receivedAt: string,
  json: IngestJson,
): RevisionTable {
  return {
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
    payload_json: json.revision(revision),
    // The cleaned response, stored only when cleaning changed it (re-merges read it back).
    clean_response_json:
      verdict.status === 'accepted' ? json.cleaned(verdict.response, revision.response) : null,
    device_saved_at: revision.savedAt,
    received_at: receivedAt,
    quarantine_state: null,
    quarantine_note: null,
    quarantine_by: null,
    quarantine_at: null,
  }
}

function countOutcomes(outcomes: RevisionOutcome[]) {
  const count = (status: RevisionOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length
  return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') }
}
