import type { Kysely, Selectable } from 'kysely'
import type { LocalDatabase, LocalSyncState, RevisionsTable } from '../store/local-database.types'

export type RevisionRow = Selectable<RevisionsTable>

/** Adds a saved revision to the outbox. */
export async function insertRevision(db: Kysely<LocalDatabase>, row: RevisionRow): Promise<void> {
  await db.insertInto('revisions').values(row).execute()
}

/** Finds one revision by id. */
export async function findRevision(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<RevisionRow | undefined> {
  return db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The oldest revisions still waiting to be sent, in clock order (the order they were made). */
export async function takePendingRevisions(
  db: Kysely<LocalDatabase>,
  limit: number,
): Promise<RevisionRow[]> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('hlc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Records the server's verdict on one revision: sent (stored by the server) or rejected. */
export async function settleRevision(
  db: Kysely<LocalDatabase>,
  settlement: {
    id: string
    status: Exclude<LocalSyncState, 'pending'>
    reason: string | null
    batchId: string
    at: string
  },
): Promise<void> {
  await db
    .updateTable('revisions')
    .set({
      status: settlement.status,
      reason: settlement.reason,
      batch_id: settlement.batchId,
      sent_at: settlement.at,
    })
    .where('id', '=', settlement.id)
    .where('status', '=', 'pending')
    .execute()
}

/** Number of revisions in each state. */
export async function countRevisionsByStatus(
  db: Kysely<LocalDatabase>,
): Promise<Record<LocalSyncState, number>> {
  const rows = await db
    .selectFrom('revisions')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  const counts: Record<LocalSyncState, number> = { pending: 0, sent: 0, rejected: 0 }
  for (const row of rows) counts[row.status] = Number(row.n)
  return counts
}
