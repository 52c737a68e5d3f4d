import type { Kysely, Selectable } from 'kysely'
import type { LocalDatabase, VisitsTable } from '../store/local-database.types'

export type VisitRow = Selectable<VisitsTable>

/** The household's visit on a given day, if one was recorded. */
export async function findVisitOnDate(
  db: Kysely<LocalDatabase>,
  householdId: string,
  visitDate: string,
): Promise<VisitRow | undefined> {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('visit_date', '=', visitDate)
    .executeTakeFirst()
}

/** Finds one visit by id. */
export async function findVisit(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<VisitRow | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts the visit, or replaces its recorded response (created_at is kept). */
export async function upsertVisit(db: Kysely<LocalDatabase>, row: VisitRow): Promise<void> {
  const { id: _id, created_at: _created, household_id: _household, ...changes } = row
  await db
    .insertInto('visits')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute()
}
