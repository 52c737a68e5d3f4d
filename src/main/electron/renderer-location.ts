import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-protocol'

/**
 * Where our renderer is loaded from: the electron-vite dev server in development, the built
 * renderer folder served over app://langso/ otherwise. IPC senders and navigations are
 * checked against it.
 */
export type RendererLocation = { kind: 'dev'; url: string } | { kind: 'app'; rendererDir: string }

/** The dev server URL when electron-vite provides one, else the built renderer folder. */
export function rendererLocation(
  devUrl: string | undefined,
  rendererDir: string,
): RendererLocation {
  return devUrl ? { kind: 'dev', url: devUrl } : { kind: 'app', rendererDir }
}

/** The URL to load in the window. */
export function rendererUrl(location: RendererLocation): string {
  return location.kind === 'dev' ? location.url : APP_INDEX_URL
}

/**
 * Whether a frame URL is our renderer: same origin as the dev server, or exactly our
 * app://langso/index.html (any hash or query, for in-page routing). Anything else — a
 * file:// page, a remote page, `about:blank`, another app:// path — is refused.
 */
export function isTrustedRendererUrl(frameUrl: string, location: RendererLocation): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (location.kind === 'dev') return url.origin === new URL(location.url).origin
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    !url.username &&
    !url.password &&
    !url.port &&
    url.pathname === '/index.html'
  )
}
