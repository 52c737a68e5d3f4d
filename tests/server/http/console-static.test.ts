import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'

const INDEX_HTML = '<!doctype html><title>Làng Số</title><div id="root"></div>'
const APP_JS = 'console.log("console app")'

describe.each(serverStores())('province console on $name', (variant) => {
  let consoleDir: string
  let t: TestServer

  beforeAll(async () => {
    consoleDir = await mkdtemp(path.join(tmpdir(), 'langso-console-'))
    await mkdir(path.join(consoleDir, 'assets'))
    await writeFile(path.join(consoleDir, 'index.html'), INDEX_HTML)
    await writeFile(path.join(consoleDir, 'assets', 'app.js'), APP_JS)
    t = await startTestServer(variant, { config: { consoleDir } })
  })
  afterAll(async () => {
    await t?.close()
    await rm(consoleDir, { recursive: true, force: true })
  })

  it('serves index.html at /', async () => {
    const res = await fetch(`${t.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toBe(INDEX_HTML)
  })

  it('serves the built assets', async () => {
    const res = await fetch(`${t.url}/assets/app.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('javascript')
    expect(await res.text()).toBe(APP_JS)
  })

  it('answers the console routes with index.html so a reload keeps the page', async () => {
    const res = await fetch(`${t.url}/households/019ab5e6-6c00-7000-8000-000000000001?tab=members`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(INDEX_HTML)
  })

  it('answers 404 for a missing asset and JSON 404 under /api', async () => {
    expect((await fetch(`${t.url}/assets/missing.js`)).status).toBe(404)
    const api = await fetch(`${t.url}/api/v2/households`)
    expect(api.status).toBe(404)
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('province console not built', () => {
  const [sqlite] = serverStores()
  let t: TestServer
  beforeAll(async () => {
    if (!sqlite) throw new Error('no sqlite store variant')
    t = await startTestServer(sqlite)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('says, in Vietnamese and English, to build the console', async () => {
    for (const page of ['/', '/households']) {
      const res = await fetch(`${t.url}${page}`)
      expect(res.status).toBe(503)
      expect(res.headers.get('content-type')).toContain('text/plain')
      const text = await res.text()
      expect(text).toContain('npm run build:console')
      expect(text).toContain('chưa có giao diện quản trị')
      expect(text).toContain('has not been built')
    }
  })

  it('still answers the API', async () => {
    const res = await fetch(`${t.url}/api/v1/health`)
    expect(res.status).toBe(200)
  })
})
