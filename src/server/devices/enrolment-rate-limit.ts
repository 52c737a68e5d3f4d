import { newId } from '../../shared/ids/uuid'
import type { ServerContext } from '../server-context'
import { EnrolmentRateLimitedError } from './device-errors'

/**
 * Brute-force limit on enrolment: failed attempts (a code or token that matches nothing)
 * are counted per client address in the store, so the limit holds across restarts and
 * across server processes sharing one PostgreSQL.
 */

/** How far back failures count. */
export const ENROLMENT_FAILURE_WINDOW_MS = 15 * 60_000
/** Failures within the window after which an address is refused until the oldest ages out. */
export const MAX_ENROLMENT_FAILURES = 10

/** Throws EnrolmentRateLimitedError (429) when the address has failed too often lately. */
export async function assertEnrolmentAllowed(ctx: ServerContext, ip: string): Promise<void> {
  const now = ctx.clock.now()
  const since = new Date(now - ENROLMENT_FAILURE_WINDOW_MS).toISOString()
  const recent = await ctx.db
    .selectFrom('enrolment_failures')
    .select('failed_at')
    .where('ip', '=', ip)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .limit(MAX_ENROLMENT_FAILURES)
    .execute()
  if (recent.length < MAX_ENROLMENT_FAILURES) return
  // The oldest of the last MAX failures must leave the window before another try.
  const oldest = Date.parse(recent.at(-1)?.failed_at ?? since)
  const waitMs = oldest + ENROLMENT_FAILURE_WINDOW_MS - now
  throw new EnrolmentRateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)))
}

/**
 * Counts one failed attempt, in its own write so it stands even though the request fails;
 * rows older than the window (of any address) are removed on the way.
 */
export async function recordEnrolmentFailure(ctx: ServerContext, ip: string): Promise<void> {
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('enrolment_failures')
      .values({ id: newId(), ip, failed_at: new Date(now).toISOString() })
      .execute()
    await trx
      .deleteFrom('enrolment_failures')
      .where('failed_at', '<=', new Date(now - ENROLMENT_FAILURE_WINDOW_MS).toISOString())
      .execute()
  })
}
