/**
 * The console's pages, kept in the URL path so that Back, a reload and a shared link all
 * work (the server answers index.html for every page path). The first-run setup link the
 * server prints is `/setup?token=…`.
 */
export type ConsoleRoute =
  | { page: 'setup'; token: string | null }
  | { page: 'households' }
  | { page: 'household'; id: string }
  | { page: 'communes' }
  | { page: 'commune'; code: string }
  | { page: 'villageImport'; communeCode: string | null }
  | { page: 'devices' }
  | { page: 'batches' }
  | { page: 'batch'; id: string }
  | { page: 'batchImport' }
  | { page: 'quarantine' }
  | { page: 'conflicts' }
  | { page: 'forms' }
  | { page: 'formVersion'; formId: string; version: number }
  | { page: 'formCompare'; formId: string; from: number; to: number }
  | { page: 'formPublish' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'exports' }
  | { page: 'indicators'; communeCode?: string; villageCode?: string }

export type ConsolePage = ConsoleRoute['page']

const UUID = /^[0-9a-fA-F-]{36}$/
const COMMUNE = /^\d{5}$/
const FORM_ID = /^[a-z][a-z0-9_-]{0,63}$/
/** Batch ids are UUIDs made by laptops; refused batches get server-made ones. */
const BATCH_ID = /^[0-9A-Za-z-]{1,64}$/

/** The page a URL points to; anything unknown is the household list. */
export function parseRoute(pathname: string, search = ''): ConsoleRoute {
  const query = new URLSearchParams(search)
  const parts = pathname.split('/').filter(Boolean).map(safeDecode)
  const [first, second] = parts
  switch (first) {
    case 'setup':
      return { page: 'setup', token: query.get('token') }
    case 'households':
      return second && UUID.test(second)
        ? { page: 'household', id: second }
        : { page: 'households' }
    case 'places':
      return placesRoute(second, query)
    case 'devices':
      return { page: 'devices' }
    case 'batches':
      return batchesRoute(second)
    case 'quarantine':
      return { page: 'quarantine' }
    case 'conflicts':
      return { page: 'conflicts' }
    case 'forms':
      return formsRoute(parts.slice(1), query)
    case 'users':
      return { page: 'users' }
    case 'audit':
      return { page: 'audit' }
    case 'exports':
      return { page: 'exports' }
    case 'indicators':
      return indicatorsRoute(parts.slice(1))
    default:
      return { page: 'households' }
  }
}

function placesRoute(second: string | undefined, query: URLSearchParams): ConsoleRoute {
  if (second === 'import') {
    const commune = query.get('commune')
    return { page: 'villageImport', communeCode: commune && COMMUNE.test(commune) ? commune : null }
  }
  return second && COMMUNE.test(second) ? { page: 'commune', code: second } : { page: 'communes' }
}

/** `/indicators`, `/indicators/<commune>` or `/indicators/<commune>/<village>`. */
function indicatorsRoute([commune, village]: string[]): ConsoleRoute {
  if (!commune || !COMMUNE.test(commune)) return { page: 'indicators' }
  return village && village.length <= 32
    ? { page: 'indicators', communeCode: commune, villageCode: village }
    : { page: 'indicators', communeCode: commune }
}

function formsRoute(parts: string[], query: URLSearchParams): ConsoleRoute {
  const [formId, version] = parts
  if (formId === 'publish') return { page: 'formPublish' }
  if (formId === 'compare') {
    const id = query.get('form') ?? ''
    const from = positive(query.get('from'))
    const to = positive(query.get('to'))
    return FORM_ID.test(id) && from && to
      ? { page: 'formCompare', formId: id, from, to }
      : { page: 'forms' }
  }
  const number = positive(version ?? null)
  return formId && FORM_ID.test(formId) && number
    ? { page: 'formVersion', formId, version: number }
    : { page: 'forms' }
}

/** The URL (path and query) of a page. */
export function routeUrl(route: ConsoleRoute): string {
  switch (route.page) {
    case 'setup':
      return route.token ? `/setup?token=${encodeURIComponent(route.token)}` : '/setup'
    case 'households':
      return '/'
    case 'household':
      return `/households/${route.id}`
    case 'communes':
      return '/places'
    case 'commune':
      return `/places/${route.code}`
    case 'villageImport':
      return route.communeCode ? `/places/import?commune=${route.communeCode}` : '/places/import'
    case 'devices':
      return '/devices'
    case 'batches':
      return '/batches'
    case 'batch':
      return `/batches/${encodeURIComponent(route.id)}`
    case 'batchImport':
      return '/batches/import'
    case 'quarantine':
      return '/quarantine'
    case 'conflicts':
      return '/conflicts'
    case 'forms':
      return '/forms'
    case 'formVersion':
      return `/forms/${encodeURIComponent(route.formId)}/${route.version}`
    case 'formCompare':
      return `/forms/compare?form=${encodeURIComponent(route.formId)}&from=${route.from}&to=${route.to}`
    case 'formPublish':
      return '/forms/publish'
    case 'users':
      return '/users'
    case 'audit':
      return '/audit'
    case 'exports':
      return '/exports'
    case 'indicators':
      if (!route.communeCode) return '/indicators'
      return route.villageCode
        ? `/indicators/${route.communeCode}/${encodeURIComponent(route.villageCode)}`
        : `/indicators/${route.communeCode}`
  }
}

/** `/batches`, `/batches/import` or one batch (`/batches/<id>`). */
function batchesRoute(second: string | undefined): ConsoleRoute {
  if (second === 'import') return { page: 'batchImport' }
  if (second && BATCH_ID.test(second)) return { page: 'batch', id: second }
  return { page: 'batches' }
}

function positive(text: string | null): number | null {
  if (text === null || !/^\d{1,6}$/.test(text)) return null
  const n = Number(text)
  return n > 0 ? n : null
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return ''
  }
}
