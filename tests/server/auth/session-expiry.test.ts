import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { errorOf } from '../api-client'
import { ADMIN, ConsoleClient, completeSetup } from './auth-test-kit'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe.each(serverStores())('session expiry on $name', (variant) => {
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('ends a session left unused for 8 hours, but not one in use', async () => {
    const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
    t = await startTestServer(variant, { clock })
    const admin = await completeSetup(t)
    clock.advance(8 * HOUR - MINUTE)
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200)
    clock.advance(8 * HOUR - MINUTE)
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200)
    clock.advance(8 * HOUR)
    const idle = await admin.get('/api/v1/auth/me')
    expect(idle.status).toBe(401)
    expect(errorOf(idle).code).toBe('unauthenticated')
    expect(admin.cookie).toBeNull()
    expect(await t.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0)
  })

  it('ends a session 7 days after sign-in however active it is', async () => {
    const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
    t = await startTestServer(variant, { clock })
    const admin = await completeSetup(t)
    for (let hours = 6; hours < 7 * 24; hours += 6) {
      clock.set(Date.parse('2025-09-01T02:00:00Z') + hours * HOUR)
      expect((await admin.get('/api/v1/auth/me')).status).toBe(200)
    }
    clock.set(Date.parse('2025-09-08T02:00:00Z'))
    expect((await admin.get('/api/v1/auth/me')).status).toBe(401)
    // Signing in again starts a fresh week.
    const again = new ConsoleClient(t.url)
    expect((await again.signIn(ADMIN.username, ADMIN.password)).status).toBe(200)
  })

  it('takes its lifetimes from the configuration', async () => {
    const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
    t = await startTestServer(variant, {
      clock,
      config: { sessionIdleHours: 1, sessionHours: 2 },
    })
    const admin = await completeSetup(t)
    const me = await admin.get('/api/v1/auth/me')
    expect(me.body).toMatchObject({ data: { sessionExpiresAt: '2025-09-01T04:00:00.000Z' } })
    clock.advance(HOUR + MINUTE)
    expect((await admin.get('/api/v1/auth/me')).status).toBe(401)
  })
})
