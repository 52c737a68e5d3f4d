import type { ExpressionBuilder, Kysely } from 'kysely'
import { refreshAwaitingHouseholdSyncStates } from '../household/household.repository'
import type { LocalDatabase } from '../store/local-database.types'
import type { RevisionRow } from './outbox.repository'

/** A sealed batch to send: its exact bytes and the revisions it carries. */
export interface SealedBatch {
  id: string
  body: Uint8Array
  revisionIds: string[]
}

/** Stores a sealed batch with its revisions (one transaction, by the caller). */
export async function insertSealedBatch(
  db: Kysely<LocalDatabase>,
  batch: {
    id: string
    kind: 'upload' | 'export'
    body: Uint8Array
    deviceKeyId: string
    createdAt: string
    revisionIds: readonly string[]
  },
): Promise<void> {
  await db
    .insertInto('sealed_batches')
    .values({
      id: batch.id,
      kind: batch.kind,
      body: batch.body,
      revision_count: batch.revisionIds.length,
      device_key_id: batch.deviceKeyId,
      created_at: batch.createdAt,
      settled_at: null,
      released_at: null,
    })
    .execute()
  // Multi-row inserts: an export carries up to 5,000 revisions, one statement each was most of its time.
  for (let start = 0; start < batch.revisionIds.length; start += REVISION_ROWS_PER_INSERT) {
    const ids = batch.revisionIds.slice(start, start + REVISION_ROWS_PER_INSERT)
    await db
      .insertInto('sealed_batch_revisions')
      .values(ids.map((revisionId) => ({ batch_id: batch.id, revision_id: revisionId })))
      .execute()
  }
}

/** Rows per insert: 2 parameters each, well below SQLite's limit of bound parameters. */
const REVISION_ROWS_PER_INSERT = 400

/** The oldest upload sealed but not yet answered by a verified receipt, if any. */
export async function oldestOpenUpload(db: Kysely<LocalDatabase>): Promise<SealedBatch | null> {
  const row = await db
    .selectFrom('sealed_batches')
    .select(['id', 'body'])
    .where('kind', '=', 'upload')
    .where('settled_at', 'is', null)
    .where('released_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  if (!row) return null
  const revisions = await db
    .selectFrom('sealed_batch_revisions')
    .select('revision_id')
    .where('batch_id', '=', row.id)
    .execute()
  return {
    id: row.id,
    body: new Uint8Array(row.body),
    revisionIds: revisions.map((r) => r.revision_id),
  }
}

/**
 * Filter of the outbox's revisions to those in no open upload (sealed, not yet settled by
 * a receipt nor released): the ones the next upload seals. An export does not count.
 */
export function notInOpenUpload(eb: ExpressionBuilder<LocalDatabase, 'revisions'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('sealed_batch_revisions as sbr')
        .innerJoin('sealed_batches as sb', 'sb.id', 'sbr.batch_id')
        .select('sbr.revision_id')
        .whereRef('sbr.revision_id', '=', 'revisions.id')
        .where('sb.kind', '=', 'upload')
        .where('sb.settled_at', 'is', null)
        .where('sb.released_at', 'is', null),
    ),
  )
}

/**
 * Pending revisions in no open upload, oldest first: what the next upload seals. A
 * revision carried by an export only is still pending, so it is sealed again here.
 */
export async function takeUnsealedPending(
  db: Kysely<LocalDatabase>,
  limit: number,
): Promise<RevisionRow[]> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('status', '=', 'pending')
    .where(notInOpenUpload)
    .orderBy('hlc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Marks an upload answered by a verified receipt. */
export async function settleSealedBatch(
  db: Kysely<LocalDatabase>,
  batchId: string,
  at: string,
): Promise<void> {
  await db.updateTable('sealed_batches').set({ settled_at: at }).where('id', '=', batchId).execute()
}

/**
 * Releases the uploads still awaiting a receipt (after a re-enrolment replaced the key that
 * signed them): their revisions stay pending and are sealed again with the new key, so
 * their households wait to be sent again (unless an unsettled export carries them too).
 */
export async function releaseUnsettledBatches(
  db: Kysely<LocalDatabase>,
  at: string,
): Promise<void> {
  await db
    .updateTable('sealed_batches')
    .set({ released_at: at })
    .where('kind', '=', 'upload')
    .where('settled_at', 'is', null)
    .where('released_at', 'is', null)
    .execute()
  await refreshAwaitingHouseholdSyncStates(db)
}

/** Pending revisions carried by a sealed batch that no receipt settled yet (nor released). */
export async function countAwaitingRevisions(db: Kysely<LocalDatabase>): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('sealed_batch_revisions as sbr')
          .innerJoin('sealed_batches as sb', 'sb.id', 'sbr.batch_id')
          .select('sbr.revision_id')
          .whereRef('sbr.revision_id', '=', 'revisions.id')
          .where('sb.settled_at', 'is', null)
          .where('sb.released_at', 'is', null),
      ),
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The latest export to removable media, for the sync screen. */
export async function latestExport(
  db: Kysely<LocalDatabase>,
): Promise<{ id: string; createdAt: string; revisions: number } | null> {
  const row = await db
    .selectFrom('sealed_batches')
    .select(['id', 'created_at', 'revision_count'])
    .where('kind', '=', 'export')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row ? { id: row.id, createdAt: row.created_at, revisions: row.revision_count } : null
}

/** One sealed batch of this laptop by id, with whether a receipt settled it already. */
export async function findSealedBatch(
  db: Kysely<LocalDatabase>,
  batchId: string,
): Promise<{ id: string; kind: 'upload' | 'export'; settledAt: string | null } | null> {
  const row = await db
    .selectFrom('sealed_batches')
    .select(['id', 'kind', 'settled_at'])
    .where('id', '=', batchId)
    .executeTakeFirst()
  return row ? { id: row.id, kind: row.kind, settledAt: row.settled_at } : null
}

/** The ids of the revisions a sealed batch carries. */
export async function sealedBatchRevisionIds(
  db: Kysely<LocalDatabase>,
  batchId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('sealed_batch_revisions')
    .select('revision_id')
    .where('batch_id', '=', batchId)
    .execute()
  return rows.map((r) => r.revision_id)
}
