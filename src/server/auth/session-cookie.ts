import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../../shared/clock/clock'
import type { SessionCookieWriter } from '../http/request-context'

/** Name of the console's session cookie. */
export const SESSION_COOKIE = 'langso_session'

/**
 * HTTP-only (scripts never see it), SameSite=Strict (never sent by another site's page),
 * Path=/, and Secure whenever the browser reached us over HTTPS — directly or through a
 * trusted reverse proxy that says so in X-Forwarded-Proto.
 */
function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: request.protocol === 'https',
  }
}

/** The session cookie token sent with a request, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE]
  return token && token.length <= 200 ? token : undefined
}

/** Sets or clears the session cookie on a reply; the lifetime follows the server clock. */
export function sessionCookieWriter(
  request: FastifyRequest,
  reply: FastifyReply,
  clock: Clock,
): SessionCookieWriter {
  return {
    set(token, expiresAtMs) {
      const maxAge = Math.max(0, Math.floor((expiresAtMs - clock.now()) / 1000))
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge })
    },
    clear() {
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request))
    },
  }
}
