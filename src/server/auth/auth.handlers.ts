import { recordAudit } from '../audit/audit.service'
import type { HttpHandlers } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import { officialProvince } from '../settings/official-provinces'
import { getProvinceCode } from '../settings/server-settings'
import { UnauthenticatedError } from './auth-errors'
import { changeOwnPassword } from './password-change.service'
import { requireUser } from './require-role'
import { deleteSession, findSessionById } from './session.repository'
import { completeSetup, setupStatus } from './setup.service'
import { type SignedIn, signIn } from './sign-in.service'

/** First-run setup and the console's own session calls. */
export const authHandlers = {
  'setup.status': (ctx, input) => setupStatus(ctx.db, ctx.clock, input.token),
  'setup.complete': async (ctx, input) => signedInAnswer(await completeSetup(ctx, input)),
  'auth.signIn': async (ctx, input) => signedInAnswer(await signIn(ctx, input)),
  'auth.signOut': async (ctx) => {
    await signOut(ctx)
    return { signedOut: true as const }
  },
  'auth.me': async (ctx) => {
    const caller = requireUser(ctx)
    const session = await findSessionById(ctx.db, caller.sessionId)
    if (!session) throw new UnauthenticatedError()
    const user = await ctx.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', caller.userId)
      .executeTakeFirstOrThrow()
    const provinceCode = await getProvinceCode(ctx.db)
    return {
      user: {
        id: caller.userId,
        username: caller.username,
        displayName: user.display_name,
        role: caller.role,
        communeCode: caller.communeCode,
      },
      csrfToken: session.csrf_token,
      province: provinceCode ? officialProvince(provinceCode) : null,
      sessionExpiresAt: session.expires_at,
    }
  },
  'auth.changePassword': async (ctx, input) => {
    await changeOwnPassword(ctx, input)
    return { changed: true as const }
  },
} satisfies Partial<HttpHandlers>

function signedInAnswer(signedIn: SignedIn) {
  return { user: signedIn.user, csrfToken: signedIn.session.csrfToken }
}

async function signOut(ctx: RequestContext): Promise<void> {
  const caller = requireUser(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, caller.sessionId)
    await recordAudit(trx, ctx, {
      action: 'auth.sign_out',
      targetType: 'user',
      targetId: caller.userId,
      communeCode: caller.communeCode,
    })
  })
  ctx.sessionCookie?.clear()
}
