import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  resolveAppRequest,
} from '../../../src/main/electron/app-protocol'

const root = mkdtempSync(join(tmpdir(), 'langso-renderer-'))
mkdirSync(join(root, 'assets'))
writeFileSync(join(root, 'index.html'), '<!doctype html>')
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}')

describe('the app:// scheme', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('is a standard, secure scheme without CORS, service workers or a CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      corsEnabled: false,
      allowServiceWorkers: false,
      bypassCSP: false,
    })
  })

  it('serves the built renderer with the right content types', () => {
    expect(resolveAppRequest(APP_INDEX_URL, root)).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    })
    expect(resolveAppRequest('app://langso/', root)).toMatchObject({
      filePath: join(root, 'index.html'),
    })
    const script = resolveAppRequest('app://langso/assets/index-abc.js?v=1#x', root)
    expect(script).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    })
    if (script.ok) expect(readFileSync(script.filePath, 'utf8')).toBe('export {}')
  })

  it('refuses every way out of the renderer folder', () => {
    for (const url of [
      'app://langso/../../etc/passwd',
      'app://langso/%2e%2e/%2e%2e/etc/passwd',
      'app://langso/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://langso/assets/..%5c..%5cwindows%5cwin.ini',
      'app://langso/C:%5cWindows%5cwin.ini',
      'app://langso/%00index.html',
      'app://langso/index.html%00.js',
      'app://langso/.../x.js',
      'app://langso/assets./x.js',
      'app://langso/%E0%A4%A',
    ]) {
      const answer = resolveAppRequest(url, root)
      if (answer.ok) expect(relative(root, answer.filePath).startsWith(`..${sep}`)).toBe(false)
      expect(answer.ok, url).toBe(false)
    }
  })

  it('serves nothing for another host, credentials or a port, or an unknown file type', () => {
    expect(resolveAppRequest('app://evil/index.html', root)).toEqual({ ok: false, status: 403 })
    expect(resolveAppRequest('app://u:p@langso/index.html', root)).toEqual({
      ok: false,
      status: 403,
    })
    expect(resolveAppRequest('app://langso:8080/index.html', root)).toEqual({
      ok: false,
      status: 403,
    })
    expect(resolveAppRequest('file:///etc/passwd', root)).toEqual({ ok: false, status: 403 })
    expect(resolveAppRequest('app://langso/secret.sqlite', root)).toEqual({
      ok: false,
      status: 404,
    })
  })

  it('never resolves any URL to a file outside the folder', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E.',
        '..%2f',
        '%5c..',
        'assets',
        'index.html',
        '%00',
        '~',
      ),
      fc.string({ maxLength: 6 }).map(encodeURIComponent),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const answer = resolveAppRequest(`app://langso/${segments.join('/')}`, root)
        if (!answer.ok) return
        const inside = relative(root, answer.filePath)
        expect(inside === '..' || inside.startsWith(`..${sep}`) || inside === '').toBe(false)
      }),
      { numRuns: 500 },
    )
  })
})
