import type { Role } from '../../shared/api/http.contract'
import type { SessionPolicy } from '../auth/session-policy'
import type { ServerContext } from '../server-context'

/** Who is making a request, as established by the server (never taken from the input). */
export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'user'
      userId: string
      username: string
      role: Role
      /** Set for commune viewers: the only commune they may see. */
      communeCode: string | null
      sessionId: string
    }
  | { kind: 'device'; deviceId: string; communeCode: string }

/** A signed-in user caller. */
export type UserCaller = Extract<Caller, { kind: 'user' }>

/** Lets a handler start or end the browser's session (sets or clears the cookie). */
export interface SessionCookieWriter {
  set(token: string, expiresAtMs: number): void
  clear(): void
}

/**
 * What a handler receives: the server context plus the request's caller. The optional
 * parts are present on every HTTP request; a test calling a handler directly may omit them.
 */
export interface RequestContext extends ServerContext {
  caller: Caller
  /** The client's address (from X-Forwarded-For only behind a trusted proxy). */
  ip?: string
  /** Session lifetimes; the defaults apply when absent. */
  sessionPolicy?: SessionPolicy
  sessionCookie?: SessionCookieWriter
}
