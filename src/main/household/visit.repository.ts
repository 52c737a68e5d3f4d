import type { Kysely, Selectable } from 'kysely'
import type { LocalDatabase, VisitsTable } from '../store/local-database.types'

export type VisitRow = Selectable<VisitsTable>

/** A visit with the name of the team member who made it. */
export type VisitWithEnumerator = VisitRow & { enumerator_name: string | null }

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

/** Finds one visit by id, with its team member's name. */
export async function findVisit(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<VisitWithEnumerator | undefined> {
  return db
    .selectFrom('visits as v')
    .leftJoin('team_members as t', 't.id', 'v.enumerator_id')
    .selectAll('v')
    .select('t.name as enumerator_name')
    .where('v.id', '=', id)
    .executeTakeFirst()
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

/** Every visit of a household, newest first, with the team member's name. */
export async function listVisits(
  db: Kysely<LocalDatabase>,
  householdId: string,
): Promise<VisitWithEnumerator[]> {
  return db
    .selectFrom('visits as v')
    .leftJoin('team_members as t', 't.id', 'v.enumerator_id')
    .selectAll('v')
    .select('t.name as enumerator_name')
    .where('v.household_id', '=', householdId)
    .orderBy('v.visit_date', 'desc')
    .orderBy('v.updated_at', 'desc')
    .execute()
}

/**
 * The visit the household's state before `beforeDate` comes from: the latest full record
 * (completed with consent, so it holds the roster) dated before it, else the latest visit
 * before it. Without `beforeDate`, the household's current state.
 */
export async function findStateVisit(
  db: Kysely<LocalDatabase>,
  householdId: string,
  beforeDate?: string,
): Promise<VisitRow | undefined> {
  const base = db
    .selectFrom('visits')
    .selectAll()
    .where('household_id', '=', householdId)
    .$if(beforeDate !== undefined, (q) => q.where('visit_date', '<', beforeDate ?? ''))
    .orderBy('visit_date', 'desc')
    .orderBy('updated_at', 'desc')
    .limit(1)
  return (
    (await base.where('full_record', '=', 1).executeTakeFirst()) ?? (await base.executeTakeFirst())
  )
}
