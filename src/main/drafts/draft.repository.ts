import type { Kysely, Selectable } from 'kysely'
import type { DraftsTable, LocalDatabase } from '../store/local-database.types'

export type DraftRow = Selectable<DraftsTable>

export async function findDraft(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<DraftRow | undefined> {
  return db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The household's visit in progress, if any (at most one: a unique index holds it). */
export async function findHouseholdDraft(
  db: Kysely<LocalDatabase>,
  householdId: string,
): Promise<DraftRow | undefined> {
  return db
    .selectFrom('drafts')
    .selectAll()
    .where('household_id', '=', householdId)
    .executeTakeFirst()
}

export async function insertDraft(db: Kysely<LocalDatabase>, row: DraftRow): Promise<void> {
  await db.insertInto('drafts').values(row).execute()
}

/** The autosave: one UPDATE of the draft's columns; false when there is no such draft. */
export async function updateDraft(
  db: Kysely<LocalDatabase>,
  id: string,
  changes: Partial<Omit<DraftRow, 'id' | 'household_id' | 'created_at'>>,
): Promise<boolean> {
  const result = await db.updateTable('drafts').set(changes).where('id', '=', id).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes a draft; true when there was one. */
export async function deleteDraft(db: Kysely<LocalDatabase>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('drafts').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Open drafts, most recently touched first, without their (sealed) responses. */
export async function listDraftSummaries(db: Kysely<LocalDatabase>) {
  return db
    .selectFrom('drafts')
    .select(['id', 'household_id', 'village_code', 'head_name', 'visit_date', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** Visits in progress per village. */
export async function countDraftsByVillage(
  db: Kysely<LocalDatabase>,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('drafts')
    .select((eb) => ['village_code', eb.fn.countAll<number>().as('n')])
    .groupBy('village_code')
    .execute()
  return new Map(rows.map((r) => [r.village_code, Number(r.n)]))
}
