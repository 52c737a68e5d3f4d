import { AppError, NotFoundError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import type { RequestContext } from '../http/request-context'
import { findUserById, updateUserRow } from '../users/user.repository'
import { assertLoginAllowed, recordLoginFailure } from './login-throttle'
import { hashPassword, verifyPassword } from './password-hash'
import { requireUser } from './require-role'
import { deleteUserSessions } from './session.repository'

/** The current password given to change it is wrong: HTTP 400. */
export class WrongPasswordError extends AppError {
  constructor() {
    super('wrong_password', 'The current password is wrong')
    this.name = 'WrongPasswordError'
  }
}

/**
 * Changes the signed-in user's own password after checking the current one, and ends
 * their other sessions. Wrong current passwords count toward the sign-in rate limit, so a
 * borrowed browser cannot be used to guess the password.
 */
export async function changeOwnPassword(
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const caller = requireUser(ctx)
  const ip = ctx.ip ?? 'unknown'
  const user = await findUserById(ctx.db, caller.userId)
  if (!user) throw new NotFoundError('User')
  await assertLoginAllowed(ctx.db, ctx.clock.now(), user.username_key, ip)
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordLoginFailure(ctx.db, ctx.clock.now(), user.username_key, ip)
    throw new WrongPasswordError()
  }
  const passwordHash = await hashPassword(input.newPassword)
  await ctx.db.transaction().execute(async (trx) => {
    const now = new Date(ctx.clock.now()).toISOString()
    await updateUserRow(trx, user.id, {
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
    })
    const sessionsEnded = await deleteUserSessions(trx, user.id, caller.sessionId)
    await recordAudit(trx, ctx, {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
      communeCode: user.commune_code,
      details: { sessionsEnded },
    })
  })
}
