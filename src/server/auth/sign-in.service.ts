import type { SessionUser } from '../../shared/api/http.contract'
import { AppError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import type { RequestContext } from '../http/request-context'
import { findUserByUsername, updateUserRow, usernameKey } from '../users/user.repository'
import { storedRole } from '../users/user-view'
import { InvalidCredentialsError } from './auth-errors'
import {
  assertLoginAllowed,
  clearUsernameFailures,
  recordLoginFailure,
  sweepOldLoginFailures,
} from './login-throttle'
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './password-hash'
import { type NewSession, startSession, sweepEndedSessions } from './session.service'
import { DEFAULT_SESSION_POLICY } from './session-policy'

/** The account exists and the password is right, but an admin disabled it: HTTP 403. */
export class AccountDisabledError extends AppError {
  constructor() {
    super('account_disabled', 'This account is disabled; ask a province admin')
    this.name = 'AccountDisabledError'
  }
}

/** A successful sign-in: the user and their new session. */
export interface SignedIn {
  user: SessionUser
  session: NewSession
}

/**
 * Checks a username and password and starts a session. An unknown username and a wrong
 * password give the same answer after the same work; every attempt is audited; repeated
 * failures per username or per address are refused with `rate_limited` for a while.
 */
export async function signIn(
  ctx: RequestContext,
  input: { username: string; password: string },
): Promise<SignedIn> {
  const key = usernameKey(input.username)
  const ip = ctx.ip ?? 'unknown'
  await assertLoginAllowed(ctx.db, ctx.clock.now(), key, ip)

  const user = await findUserByUsername(ctx.db, key)
  const passwordOk = user
    ? await verifyPassword(input.password, user.password_hash)
    : await burnPasswordCheck(input.password).then(() => false)

  if (!user || !passwordOk) {
    await sweepOldLoginFailures(ctx.db, ctx.clock.now())
    await ctx.db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, ctx.clock.now(), key, ip)
      await recordAudit(trx, ctx, {
        action: 'auth.sign_in_failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        details: { reason: user ? 'wrong_password' : 'unknown_user' },
      })
    })
    throw new InvalidCredentialsError()
  }
  if (user.disabled !== 0) throw new AccountDisabledError()

  const rehash = needsRehash(user.password_hash) ? await hashPassword(input.password) : null
  const policy = ctx.sessionPolicy ?? DEFAULT_SESSION_POLICY
  await sweepEndedSessions(ctx.db, ctx.clock, policy)
  const session = await ctx.db.transaction().execute(async (trx) => {
    await clearUsernameFailures(trx, key)
    if (rehash) {
      await updateUserRow(trx, user.id, {
        password_hash: rehash,
        updated_at: new Date(ctx.clock.now()).toISOString(),
      })
    }
    const started = await startSession(trx, ctx.clock, policy, user.id, ctx.ip ?? null)
    await recordAudit(trx, ctx, {
      action: 'auth.sign_in',
      targetType: 'user',
      targetId: user.id,
      communeCode: user.commune_code,
      actor: { kind: 'user', id: user.id, name: user.username },
    })
    return started
  })
  ctx.sessionCookie?.set(session.token, session.expiresAtMs)
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: storedRole(user.role),
      communeCode: user.commune_code,
    },
    session,
  }
}
