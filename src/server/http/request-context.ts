import type { Role } from '../../shared/api/http.contract'
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

/** What a handler receives: the server context plus the request's caller. */
export interface RequestContext extends ServerContext {
  caller: Caller
}
