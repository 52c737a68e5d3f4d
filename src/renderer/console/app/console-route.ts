/** The console's pages, kept in the URL hash so that Back and a shared link both work. */
export type ConsoleRoute = { page: 'list' } | { page: 'household'; id: string }

const HOUSEHOLD = /^#\/households\/([0-9a-fA-F-]{36})$/

/** The page a URL hash points to; anything unknown is the list. */
export function parseRoute(hash: string): ConsoleRoute {
  const m = HOUSEHOLD.exec(hash)
  return m?.[1] ? { page: 'household', id: m[1] } : { page: 'list' }
}

/** The URL hash of a page. */
export function routeHash(route: ConsoleRoute): string {
  return route.page === 'household' ? `#/households/${route.id}` : '#/'
}
