import type { FastifyRequest } from 'fastify'
import type { HttpCallSpec } from '../../shared/api/http.contract'
import { CsrfError, ForbiddenError, UnauthenticatedError } from '../auth/auth-errors'
import { sameSecret } from '../auth/secret-token'
import { type ActiveSession, resolveSession } from '../auth/session.service'
import { SESSION_COOKIE, sessionTokenOf } from '../auth/session-cookie'
import type { SessionPolicy } from '../auth/session-policy'
import { authenticateDevice } from '../devices/device-auth'
import type { ServerContext } from '../server-context'
import type { Caller } from './request-context'

/** Header that must carry the session's CSRF token on every state-changing call. */
export const CSRF_HEADER = 'x-csrf-token'

/** The session a request's cookie names; `stale` when a cookie came but names no live session. */
export interface RequestSession {
  active: ActiveSession | null
  stale: boolean
}

/** Looks up the session named by the request's cookie. */
export async function readSession(
  ctx: ServerContext,
  request: FastifyRequest,
  policy: SessionPolicy,
): Promise<RequestSession> {
  if (request.cookies[SESSION_COOKIE] === undefined) return { active: null, stale: false }
  const token = sessionTokenOf(request)
  const active = token ? await resolveSession(ctx.db, ctx.clock, policy, token) : null
  return { active, stale: active === null }
}

/**
 * Decides who the caller is, by the call's declared access:
 * - 'public': anyone; a signed-in user is recognised (on a state-changing call only with
 *   a matching CSRF token — otherwise they are treated as anonymous);
 * - { roles }: a live session (401 `unauthenticated`), the CSRF token on anything but GET
 *   (403 `csrf`), and one of the roles (403 `forbidden`);
 * - 'device': the device's signature on the request (see devices/device-auth.ts).
 */
export async function authorize(
  ctx: ServerContext,
  spec: HttpCallSpec,
  request: FastifyRequest,
  session: ActiveSession | null,
): Promise<Caller> {
  const { access } = spec
  if (access === 'device') return { kind: 'device', ...(await authenticateDevice(ctx, request)) }
  const csrfOk = spec.method === 'GET' || (session !== null && csrfMatches(request, session))
  if (access === 'public') return session && csrfOk ? session.caller : { kind: 'anonymous' }
  if (!session) throw new UnauthenticatedError()
  if (!csrfOk) throw new CsrfError()
  if (!access.roles.includes(session.caller.role)) throw new ForbiddenError()
  return session.caller
}

function csrfMatches(request: FastifyRequest, session: ActiveSession): boolean {
  const sent = request.headers[CSRF_HEADER]
  return typeof sent === 'string' && sameSecret(sent, session.csrfToken)
}
