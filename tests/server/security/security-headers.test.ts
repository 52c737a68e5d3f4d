import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'

describe.each(serverStores())('security headers on $name', (variant) => {
  let consoleDir: string
  let t: TestServer
  beforeAll(async () => {
    consoleDir = await mkdtemp(path.join(tmpdir(), 'langso-headers-'))
    await writeFile(path.join(consoleDir, 'index.html'), '<!doctype html><title>Làng Số</title>')
    t = await startTestServer(variant, { config: { consoleDir } })
  })
  afterAll(async () => {
    await t?.close()
    await rm(consoleDir, { recursive: true, force: true })
  })

  it('forbids sniffing, framing and referrers on the console page', async () => {
    const res = await fetch(`${t.url}/setup?token=secret-token`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('keeps API answers, successful or not, out of caches', async () => {
    for (const url of ['/api/v1/health', '/api/v1/auth/me', '/api/v1/nothing']) {
      const res = await fetch(`${t.url}${url}`)
      expect(res.headers.get('cache-control'), url).toBe('no-store')
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff')
    }
  })
})
