import { afterEach, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { ADMIN, PROVINCE, setupTokenOf } from '../auth/auth-test-kit'

const FORWARDED = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' }

async function setUpThroughProxy(t: TestServer): Promise<Response> {
  return fetch(`${t.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...FORWARDED },
    body: JSON.stringify({ token: setupTokenOf(t), provinceCode: PROVINCE, ...ADMIN }),
  })
}

async function auditedIps(t: TestServer): Promise<(string | null)[]> {
  const rows = await t.store.db.selectFrom('audit_log').select('ip').execute()
  return [...new Set(rows.map((r) => r.ip))]
}

describe.each(serverStores())('behind a reverse proxy on $name', (variant) => {
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('believes X-Forwarded-For and -Proto only when told to trust the proxy', async () => {
    t = await startTestServer(variant, { config: { trustProxy: true } })
    const res = await setUpThroughProxy(t)
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie()[0]).toContain('Secure')
    expect(await auditedIps(t)).toEqual(['203.0.113.7'])
  })

  it('ignores forwarded headers by default, so a client cannot fake its address', async () => {
    t = await startTestServer(variant)
    const res = await setUpThroughProxy(t)
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie()[0]).not.toContain('Secure')
    expect(await auditedIps(t)).toEqual(['127.0.0.1'])
  })
})
