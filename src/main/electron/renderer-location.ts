import { pathToFileURL } from 'node:url'

/**
 * Where our renderer is loaded from: the electron-vite dev server in development, the
 * built index.html otherwise. IPC senders and navigations are checked against it.
 */
export type RendererLocation = { kind: 'dev'; url: string } | { kind: 'file'; indexPath: string }

/** The dev server URL when electron-vite provides one, else the built page. */
export function rendererLocation(devUrl: string | undefined, indexPath: string): RendererLocation {
  return devUrl ? { kind: 'dev', url: devUrl } : { kind: 'file', indexPath }
}

/** The URL to load in the window. */
export function rendererUrl(location: RendererLocation): string {
  return location.kind === 'dev' ? location.url : pathToFileURL(location.indexPath).href
}

/**
 * Whether a frame URL is our renderer: same origin as the dev server, or exactly our
 * built index.html (any hash or query, for in-page routing). Anything else — another
 * file, a remote page, `about:blank` — is refused.
 */
export function isTrustedRendererUrl(frameUrl: string, location: RendererLocation): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (location.kind === 'dev') return url.origin === new URL(location.url).origin
  url.hash = ''
  url.search = ''
  return url.protocol === 'file:' && url.href === pathToFileURL(location.indexPath).href
}
