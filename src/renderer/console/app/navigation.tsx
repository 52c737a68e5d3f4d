import { Anchor, type AnchorProps } from '@mantine/core'
import { createContext, type MouseEvent, type ReactNode, useContext } from 'react'
import { type ConsoleRoute, routeUrl } from './console-route'

/** Opens a console page without reloading (history entry included). */
export type Navigate = (route: ConsoleRoute, options?: { replace?: boolean }) => void

const NavigateContext = createContext<Navigate>(() => {})

export const NavigateProvider = NavigateContext.Provider

/** The console's page navigation. */
export function useNavigate(): Navigate {
  return useContext(NavigateContext)
}

/**
 * A link to a console page: a real `href` (so it can be opened in a new tab or copied),
 * followed in place on a plain click.
 */
export function RouteLink({
  to,
  children,
  ...props
}: AnchorProps & { to: ConsoleRoute; children: ReactNode; 'aria-label'?: string }) {
  const navigate = useNavigate()
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    event.stopPropagation()
    navigate(to)
  }
  return (
    <Anchor href={routeUrl(to)} onClick={follow} {...props}>
      {children}
    </Anchor>
  )
}
