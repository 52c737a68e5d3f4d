import type { Kysely, Transaction } from 'kysely'
import type { ServerDatabase } from '../store/server-database.types'
import type { SessionTable } from './auth.tables'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** A session row joined with the fields of its user that a request needs. */
export interface SessionWithUser {
  session: SessionTable
  user: {
    id: string
    username: string
    displayName: string
    role: string
    communeCode: string | null
    disabled: boolean
  }
}

export async function insertSession(db: Db, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

export async function findSessionByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select([
      'users.username',
      'users.display_name',
      'users.role',
      'users.commune_code',
      'users.disabled',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row) return undefined
  const { username, display_name, role, commune_code, disabled, ...session } = row
  return {
    session,
    user: {
      id: session.user_id,
      username,
      displayName: display_name,
      role,
      communeCode: commune_code,
      disabled: disabled !== 0,
    },
  }
}

export async function findSessionById(db: Db, id: string): Promise<SessionTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function touchSession(db: Db, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute()
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

/** Ends every session of a user except, optionally, one; returns how many ended. */
export async function deleteUserSessions(
  db: Db,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Removes sessions that ended by time (absolute or idle) before `now`. */
export async function deleteExpiredSessions(
  db: Db,
  nowIso: string,
  idleCutoffIso: string,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb('last_seen_at', '<=', idleCutoffIso)]))
    .execute()
}
