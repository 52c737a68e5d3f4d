import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../../src/server/server'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { ADMIN, ConsoleClient, PROVINCE, setupTokenOf } from './auth-test-kit'

describe.each(serverStores())('first-run setup on $name', (variant) => {
  const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer(variant, { clock })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('makes a one-time setup link at start and stores only a hash of its token', async () => {
    expect(t.server.setupUrl).toMatch(new RegExp(`^${t.url}/setup\\?token=[\\w-]{43}$`))
    const token = setupTokenOf(t)
    const rows = await t.store.db.selectFrom('setup_tokens').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.token_hash).not.toBe(token)
    expect(rows[0]?.expires_at).toBe('2025-09-02T02:00:00.000Z')
  })

  it('says setup is needed and offers the 34 official provinces', async () => {
    const anon = new ConsoleClient(t.url)
    const status = dataOf('setup.status', await anon.get('/api/v1/setup'))
    expect(status.needed).toBe(true)
    expect(status.tokenValid).toBeNull()
    expect(status.provinces).toHaveLength(34)
    expect(status.provinces).toContainEqual({ code: PROVINCE, name: 'Tuyên Quang' })
    const withToken = dataOf(
      'setup.status',
      await anon.get(`/api/v1/setup?token=${setupTokenOf(t)}`),
    )
    expect(withToken.tokenValid).toBe(true)
    const wrong = dataOf('setup.status', await anon.get('/api/v1/setup?token=nope'))
    expect(wrong.tokenValid).toBe(false)
  })

  it('refuses a wrong token, an unknown province and a short password, creating nobody', async () => {
    const anon = new ConsoleClient(t.url)
    const body = { token: setupTokenOf(t), provinceCode: PROVINCE, ...ADMIN }
    const wrongToken = await anon.post('/api/v1/setup', { ...body, token: 'x'.repeat(43) })
    expect(wrongToken.status).toBe(403)
    expect(errorOf(wrongToken).code).toBe('setup_token_invalid')
    const badProvince = await anon.post('/api/v1/setup', { ...body, provinceCode: '99' })
    expect(badProvince.status).toBe(400)
    expect(errorOf(badProvince).code).toBe('invalid_province')
    const shortPassword = await anon.post('/api/v1/setup', { ...body, password: 'short' })
    expect(shortPassword.status).toBe(400)
    expect(errorOf(shortPassword).message).toContain('password')
    expect(await t.store.db.selectFrom('users').selectAll().execute()).toHaveLength(0)
    expect(anon.cookie).toBeNull()
  })

  it('creates the first province admin, stores the province and signs them in', async () => {
    const admin = new ConsoleClient(t.url)
    const answer = await admin.post('/api/v1/setup', {
      token: setupTokenOf(t),
      provinceCode: PROVINCE,
      ...ADMIN,
    })
    const done = dataOf('setup.complete', answer)
    expect(done.user).toMatchObject({
      username: 'admin',
      displayName: ADMIN.displayName,
      role: 'province_admin',
      communeCode: null,
    })
    expect(admin.cookie).toMatch(/^langso_session=/)

    const me = dataOf('auth.me', await admin.get('/api/v1/auth/me'))
    expect(me.user.id).toBe(done.user.id)
    expect(me.province).toEqual({ code: PROVINCE, name: 'Tuyên Quang' })
    expect(me.csrfToken).toBe(done.csrfToken)

    const settings = await t.store.db.selectFrom('server_settings').selectAll().execute()
    expect(settings.find((s) => s.key === 'province_code')?.value).toBe(PROVINCE)
    expect(await t.store.db.selectFrom('setup_tokens').selectAll().execute()).toHaveLength(0)
    const audit = await t.store.db.selectFrom('audit_log').selectAll().orderBy('action').execute()
    expect(audit.map((a) => [a.action, a.actor_kind, a.actor_id])).toEqual([
      ['setup.completed', 'user', done.user.id],
      ['user.created', 'user', done.user.id],
    ])
    expect(JSON.parse(audit[0]?.details_json ?? '{}')).toEqual({ provinceCode: PROVINCE })
  })

  it('answers 409 to a second setup and no longer offers it', async () => {
    const anon = new ConsoleClient(t.url)
    const again = await anon.post('/api/v1/setup', {
      token: 'x'.repeat(43),
      provinceCode: '01',
      username: 'intruder',
      displayName: 'Kẻ lạ',
      password: 'another-long-password',
    })
    expect(again.status).toBe(409)
    expect(errorOf(again).code).toBe('already_set_up')
    const status = dataOf('setup.status', await anon.get('/api/v1/setup'))
    expect(status).toEqual({ needed: false, tokenValid: null, provinces: [] })
    expect(await t.store.db.selectFrom('users').selectAll().execute()).toHaveLength(1)
  })

  it('makes no setup link when started again on a store with users', async () => {
    const again = await startServer(t.config, { clock })
    try {
      expect(again.setupUrl).toBeNull()
      expect(await t.store.db.selectFrom('setup_tokens').selectAll().execute()).toHaveLength(0)
    } finally {
      await again.close()
    }
  })
})

describe.each(serverStores())('setup link lifetime on $name', (variant) => {
  it('refuses a link past its 24 hours', async () => {
    const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
    const t = await startTestServer(variant, { clock })
    try {
      clock.advance(24 * 3600_000)
      const anon = new ConsoleClient(t.url)
      const late = await anon.post('/api/v1/setup', {
        token: setupTokenOf(t),
        provinceCode: PROVINCE,
        ...ADMIN,
      })
      expect(late.status).toBe(403)
      expect(errorOf(late).code).toBe('setup_token_invalid')
    } finally {
      await t.close()
    }
  })
})
