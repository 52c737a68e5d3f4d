import { createContext, useContext } from 'react'
import type { HttpOutput, SessionUser } from '../../../shared/api/http.contract'

/** The signed-in user and the server's province, as `auth.me` answered them. */
export interface ConsoleSession {
  user: SessionUser
  province: HttpOutput<'auth.me'>['province']
  sessionExpiresAt: string
}

const SessionContext = createContext<ConsoleSession | null>(null)

export const SessionProvider = SessionContext.Provider

/** The session of the signed-in console; only pages behind sign-in use it. */
export function useSession(): ConsoleSession {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in console')
  return session
}

/** The session from `auth.me`'s answer. */
export function sessionFrom(me: HttpOutput<'auth.me'>): ConsoleSession {
  return { user: me.user, province: me.province, sessionExpiresAt: me.sessionExpiresAt }
}
