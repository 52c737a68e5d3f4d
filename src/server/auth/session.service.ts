import type { Kysely, Transaction } from 'kysely'
import { ROLES, type Role, type SessionUser } from '../../shared/api/http.contract'
import type { Clock } from '../../shared/clock/clock'
import { newId } from '../../shared/ids/uuid'
import type { UserCaller } from '../http/request-context'
import type { ServerDatabase } from '../store/server-database.types'
import { hashSecretToken, newSecretToken } from './secret-token'
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionByTokenHash,
  insertSession,
  touchSession,
} from './session.repository'
import type { SessionPolicy } from './session-policy'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** Writing `last_seen_at` on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000

/** A new session: the token goes into the cookie and is never stored. */
export interface NewSession {
  sessionId: string
  token: string
  csrfToken: string
  expiresAtMs: number
}

/**
 * Removes sessions that ended by time, so the table does not grow without bound. Called
 * at each sign-in, on its own rather than inside the sign-in transaction, so that
 * concurrent sign-ins never wait on (or deadlock over) each other's sweeps.
 */
export async function sweepEndedSessions(
  db: Kysely<ServerDatabase>,
  clock: Clock,
  policy: SessionPolicy,
): Promise<void> {
  const now = clock.now()
  await deleteExpiredSessions(db, iso(now), iso(now - policy.idleMs))
}

/** Starts a session for a user (call inside the sign-in transaction). */
export async function startSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  userId: string,
  ip: string | null,
): Promise<NewSession> {
  const now = clock.now()
  const token = newSecretToken()
  const session: NewSession = {
    sessionId: newId(),
    token,
    csrfToken: newSecretToken(),
    expiresAtMs: now + policy.absoluteMs,
  }
  await insertSession(db, {
    id: session.sessionId,
    token_hash: hashSecretToken(token),
    user_id: userId,
    csrf_token: session.csrfToken,
    created_at: iso(now),
    last_seen_at: iso(now),
    expires_at: iso(session.expiresAtMs),
    ip,
  })
  return session
}

/** A live session found from its cookie token. */
export interface ActiveSession {
  caller: UserCaller
  user: SessionUser
  csrfToken: string
  expiresAtMs: number
}

/**
 * The live session a cookie token names, or null when there is none: unknown token,
 * past its absolute or idle end, or its user disabled. An ended session is deleted.
 */
export async function resolveSession(
  db: Kysely<ServerDatabase>,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<ActiveSession | null> {
  const found = await findSessionByTokenHash(db, hashSecretToken(token))
  if (!found) return null
  const { session, user } = found
  const now = clock.now()
  const lastSeen = Date.parse(session.last_seen_at)
  const expiresAtMs = Date.parse(session.expires_at)
  const role = asRole(user.role)
  if (now >= expiresAtMs || now >= lastSeen + policy.idleMs || user.disabled || !role) {
    await deleteSession(db, session.id)
    return null
  }
  if (now - lastSeen >= TOUCH_INTERVAL_MS) await touchSession(db, session.id, iso(now))
  const sessionUser: SessionUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    communeCode: user.communeCode,
  }
  return {
    caller: {
      kind: 'user',
      userId: user.id,
      username: user.username,
      role,
      communeCode: user.communeCode,
      sessionId: session.id,
    },
    user: sessionUser,
    csrfToken: session.csrf_token,
    expiresAtMs,
  }
}

function asRole(value: string): Role | null {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : null
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
