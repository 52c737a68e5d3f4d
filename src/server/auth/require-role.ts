import type { RequestContext, UserCaller } from '../http/request-context'
import { ForbiddenError, UnauthenticatedError } from './auth-errors'

/** The signed-in user making the request; a call without one is refused with 401. */
export function requireUser(ctx: Pick<RequestContext, 'caller'>): UserCaller {
  if (ctx.caller.kind !== 'user') throw new UnauthenticatedError()
  return ctx.caller
}

/**
 * The communes the caller may see: null means every commune of the province (province
 * roles); otherwise the one commune of a commune viewer or of an enrolled device. An
 * anonymous caller only reaches calls whose `access` is 'public', which limit nothing.
 */
export function communeScope(ctx: Pick<RequestContext, 'caller'>): string | null {
  const { caller } = ctx
  switch (caller.kind) {
    case 'anonymous':
      return null
    case 'device':
      return caller.communeCode
    case 'user':
      if (caller.role !== 'commune_viewer') return null
      // A viewer without a commune is a broken account: refuse rather than show everything.
      if (!caller.communeCode) throw new ForbiddenError('This account has no commune')
      return caller.communeCode
  }
}

/**
 * Refuses (403 `forbidden`) a caller limited to one commune who asks for another one.
 * Call it before reading a commune's data, so that a viewer gets an error, not an empty page.
 */
export function requireCommuneAccess(
  ctx: Pick<RequestContext, 'caller'>,
  communeCode: string,
): void {
  const scope = communeScope(ctx)
  if (scope !== null && scope !== communeCode) {
    throw new ForbiddenError(`You may only see commune ${scope}`)
  }
}
