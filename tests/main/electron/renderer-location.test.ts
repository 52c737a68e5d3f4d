import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  isTrustedRendererUrl,
  rendererLocation,
  rendererUrl,
} from '../../../src/main/electron/renderer-location'

const RENDERER = '/opt/langso/resources/app.asar/out/renderer'

describe('renderer location', () => {
  it('uses the dev server when electron-vite provides one, else app://langso/', () => {
    expect(rendererLocation('http://localhost:5173', RENDERER)).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173',
    })
    const built = rendererLocation(undefined, RENDERER)
    expect(built).toEqual({ kind: 'app', rendererDir: RENDERER })
    expect(rendererUrl(built)).toBe('app://langso/index.html')
  })

  it('trusts only app://langso/index.html, with any route', () => {
    const built = rendererLocation(undefined, RENDERER)
    expect(isTrustedRendererUrl('app://langso/index.html', built)).toBe(true)
    expect(isTrustedRendererUrl('app://langso/index.html#/households/1', built)).toBe(true)
    for (const other of [
      'app://langso/assets/evil.html',
      'app://other/index.html',
      'app://user:pw@langso/index.html',
      pathToFileURL(`${RENDERER}/index.html`).href,
      'https://example.com/',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedRendererUrl(other, built)).toBe(false)
    }
  })

  it('trusts only the dev server origin in development', () => {
    const dev = rendererLocation('http://localhost:5173/', RENDERER)
    expect(isTrustedRendererUrl('http://localhost:5173/#/sync', dev)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedRendererUrl('http://evil.localhost:5173/', dev)).toBe(false)
    expect(isTrustedRendererUrl('app://langso/index.html', dev)).toBe(false)
  })
})
