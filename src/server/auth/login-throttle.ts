import type { Kysely, Transaction } from 'kysely'
import { newId } from '../../shared/ids/uuid'
import type { ServerDatabase } from '../store/server-database.types'
import { RateLimitedError } from './auth-errors'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/**
 * Failed sign-ins allowed per window before sign-in is refused: per username (guessing
 * one person's password) and per address (trying many usernames). Failures live in the
 * store, so the limit survives a restart and holds across server processes.
 */
export interface LoginThrottlePolicy {
  windowMs: number
  perUsername: number
  perIp: number
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  windowMs: 15 * 60_000,
  perUsername: 5,
  perIp: 20,
}

/** Failures older than this are deleted as new ones arrive. */
const KEEP_FAILURES_MS = 24 * 3600_000

/**
 * Throws RateLimitedError (with the seconds until a new try can succeed) when the
 * username or the address has used up its failures in the current window.
 */
export async function assertLoginAllowed(
  db: Db,
  now: number,
  usernameKey: string,
  ip: string,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
): Promise<void> {
  const since = new Date(now - policy.windowMs).toISOString()
  const limiting = Math.max(
    await limitingFailureAt(db, 'username_key', usernameKey, since, policy.perUsername),
    await limitingFailureAt(db, 'ip', ip, since, policy.perIp),
  )
  if (limiting > 0) {
    const freeAt = limiting + policy.windowMs
    throw new RateLimitedError(Math.max(1, Math.ceil((freeAt - now) / 1000)))
  }
}

/**
 * When the limit-th newest failure in the window happened (0 if there are fewer than
 * `limit`): once that failure leaves the window, the count drops below the limit.
 */
async function limitingFailureAt(
  db: Db,
  column: 'username_key' | 'ip',
  value: string,
  since: string,
  limit: number,
): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select('at')
    .where(column, '=', value)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(1)
    .offset(limit - 1)
    .executeTakeFirst()
  return row ? Date.parse(row.at) : 0
}

/** Deletes failures too old to matter; on its own, outside any sign-in transaction. */
export async function sweepOldLoginFailures(
  db: Kysely<ServerDatabase>,
  now: number,
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('at', '<', new Date(now - KEEP_FAILURES_MS).toISOString())
    .execute()
}

/** Records a failed sign-in. */
export async function recordLoginFailure(
  db: Db,
  now: number,
  usernameKey: string,
  ip: string,
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ id: newId(), at: new Date(now).toISOString(), username_key: usernameKey, ip })
    .execute()
}

/** A successful sign-in forgives the username's earlier failures (not the address's). */
export async function clearUsernameFailures(db: Db, usernameKey: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username_key', '=', usernameKey).execute()
}
