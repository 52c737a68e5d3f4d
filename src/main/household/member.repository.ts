import type { Kysely, Selectable } from 'kysely'
import type { LocalDatabase, MembersTable } from '../store/local-database.types'

export type MemberRow = Selectable<MembersTable>

/**
 * Makes the household's roster exactly `rows` (answers already sealed). Call inside the
 * save transaction: the roster is rebuilt from each full visit, so removed members go.
 */
export async function replaceMembers(
  db: Kysely<LocalDatabase>,
  householdId: string,
  rows: readonly MemberRow[],
): Promise<void> {
  await db.deleteFrom('members').where('household_id', '=', householdId).execute()
  if (rows.length > 0)
    await db
      .insertInto('members')
      .values([...rows])
      .execute()
}

/** The household's roster in form order. */
export async function listMembers(
  db: Kysely<LocalDatabase>,
  householdId: string,
): Promise<MemberRow[]> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('position')
    .execute()
}
