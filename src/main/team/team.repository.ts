import type { Kysely, Selectable } from 'kysely'
import type { LocalDatabase, TeamMembersTable } from '../store/local-database.types'

export type TeamMemberRow = Selectable<TeamMembersTable>

/** Every team member, in the order they were added. */
export async function listTeamMembers(db: Kysely<LocalDatabase>): Promise<TeamMemberRow[]> {
  return db.selectFrom('team_members').selectAll().orderBy('created_at').orderBy('id').execute()
}

/** One team member by id. */
export async function findTeamMember(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<TeamMemberRow | undefined> {
  return db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertTeamMember(
  db: Kysely<LocalDatabase>,
  row: TeamMemberRow,
): Promise<void> {
  await db.insertInto('team_members').values(row).execute()
}

export async function updateTeamMember(
  db: Kysely<LocalDatabase>,
  id: string,
  changes: Partial<Pick<TeamMemberRow, 'name' | 'active' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('team_members').set(changes).where('id', '=', id).execute()
}
