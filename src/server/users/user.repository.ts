import { type Kysely, sql, type Transaction } from 'kysely'
import type { Role } from '../../shared/api/http.contract'
import type { UserTable } from '../auth/auth.tables'
import type { ServerDatabase } from '../store/server-database.types'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** The key that makes usernames unique regardless of case ("Lan.NT" and "lan.nt" clash). */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase()
}

export async function findUserByUsername(db: Db, username: string): Promise<UserTable | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username_key', '=', usernameKey(username))
    .executeTakeFirst()
}

export async function findUserById(db: Db, id: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertUser(db: Db, row: UserTable): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

export type UserPatch = Partial<
  Pick<
    UserTable,
    'display_name' | 'role' | 'commune_code' | 'disabled' | 'password_hash' | 'password_changed_at'
  >
> & { updated_at: string }

export async function updateUserRow(db: Db, id: string, patch: UserPatch): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute()
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Active (not disabled) province admins other than `exceptId`. */
export async function countOtherActiveAdmins(db: Db, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'province_admin')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface UserFilters {
  q?: string | undefined
  role?: Role | undefined
  communeCode?: string | undefined
  disabled?: boolean | undefined
  limit: number
  offset: number
}

/** A page of users by username, with the total matching the filters. */
export async function listUserRows(
  db: Db,
  filters: UserFilters,
): Promise<{ total: number; rows: UserTable[] }> {
  let query = db.selectFrom('users')
  if (filters.role) query = query.where('role', '=', filters.role)
  if (filters.communeCode) query = query.where('commune_code', '=', filters.communeCode)
  if (filters.disabled !== undefined) query = query.where('disabled', '=', filters.disabled ? 1 : 0)
  const q = filters.q?.trim().toLowerCase()
  if (q) {
    const pattern = `%${escapeLike(q)}%`
    // An explicit ESCAPE: SQLite has no default escape character, PostgreSQL has `\`.
    query = query.where(
      sql<boolean>`(username_key like ${pattern} escape '\\' or lower(display_name) like ${pattern} escape '\\')`,
    )
  }
  const totalRow = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('username_key')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute()
  return { total: Number(totalRow.n), rows }
}

/** Makes `%`, `_` and `\` in user text match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
