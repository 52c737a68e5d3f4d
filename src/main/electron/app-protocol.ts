import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * The renderer is served over our own `app://langso/` scheme instead of file://: a file
 * page may read any other file:// URL, and every file:// page shares one origin. Under the
 * custom scheme the page has a real origin of its own, can only reach the built renderer
 * folder, and gets the Content-Security-Policy header with every response.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'langso'
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * How Chromium treats the scheme (protocol.registerSchemesAsPrivileged, before ready):
 * standard (relative URLs, an origin, localStorage) and secure (like https), so the page's
 * ES modules load; no CORS, no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  allowServiceWorkers: false,
  bypassCSP: false,
  stream: false,
} as const

/** What to answer one request of the scheme. */
export type AppRequest =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404 }

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Maps a request URL to a file under `rendererDir`. Only `app://langso/…` is served; the
 * path is decoded segment by segment and any segment that could leave the folder (`..`,
 * `.`, an encoded slash or backslash, a NUL, a drive letter) is refused, so no URL reaches
 * a file outside the built renderer. `/` is the index page; query and hash are ignored.
 */
export function resolveAppRequest(requestUrl: string, rendererDir: string): AppRequest {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400 }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 }
  if (url.username || url.password || url.port) return { ok: false, status: 403 }
  const segments: string[] = []
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { ok: false, status: 400 }
    }
    if (!isPlainSegment(segment)) return { ok: false, status: 403 }
    segments.push(segment)
  }
  if (segments.length === 0) segments.push('index.html')
  const root = resolve(rendererDir)
  const filePath = resolve(join(root, ...segments))
  const inside = relative(root, filePath)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { ok: false, status: 403 }
  }
  const contentType = CONTENT_TYPES[extname(filePath).toLowerCase()]
  if (!contentType) return { ok: false, status: 404 }
  return { ok: true, filePath, contentType }
}

/** A file or folder name that stays where it is: no dots-only names, separators or NULs. */
function isPlainSegment(segment: string): boolean {
  if (segment === '.' || segment === '..' || segment.trim() === '') return false
  if (/[/\\\0:]/.test(segment)) return false
  // Windows drops trailing dots and spaces: "..." or ".. " would act as "..".
  if (/^[. ]+$/.test(segment) || /[. ]$/.test(segment)) return false
  return true
}
