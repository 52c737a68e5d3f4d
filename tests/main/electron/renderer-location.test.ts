import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  isTrustedRendererUrl,
  rendererLocation,
  rendererUrl,
} from '../../../src/main/electron/renderer-location'

const INDEX = '/opt/langso/resources/app/out/renderer/index.html'

describe('renderer location', () => {
  it('uses the dev server when electron-vite provides one, else the built page', () => {
    expect(rendererLocation('http://localhost:5173', INDEX)).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173',
    })
    const built = rendererLocation(undefined, INDEX)
    expect(rendererUrl(built)).toBe(pathToFileURL(INDEX).href)
  })

  it('trusts only the built index.html, with any route', () => {
    const built = rendererLocation(undefined, INDEX)
    const page = pathToFileURL(INDEX).href
    expect(isTrustedRendererUrl(page, built)).toBe(true)
    expect(isTrustedRendererUrl(`${page}#/households/1`, built)).toBe(true)
    expect(isTrustedRendererUrl(pathToFileURL('/tmp/evil.html').href, built)).toBe(false)
    expect(isTrustedRendererUrl('https://example.com/', built)).toBe(false)
    expect(isTrustedRendererUrl('about:blank', built)).toBe(false)
    expect(isTrustedRendererUrl('not a url', built)).toBe(false)
  })

  it('trusts only the dev server origin in development', () => {
    const dev = rendererLocation('http://localhost:5173/', INDEX)
    expect(isTrustedRendererUrl('http://localhost:5173/#/sync', dev)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedRendererUrl('http://evil.localhost:5173/', dev)).toBe(false)
    expect(isTrustedRendererUrl(pathToFileURL(INDEX).href, dev)).toBe(false)
  })
})
