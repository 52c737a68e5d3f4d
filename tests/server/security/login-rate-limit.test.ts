import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from '../../../src/server/server'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { ADMIN, ConsoleClient, completeSetup } from '../auth/auth-test-kit'

const MINUTE = 60_000

describe.each(serverStores())('login rate limit on $name', (variant) => {
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  async function fail(browser: ConsoleClient, username: string, times: number) {
    for (let i = 0; i < times; i++) {
      expect((await browser.signIn(username, `wrong-password-${i}`)).status).toBe(401)
    }
  }

  it('refuses a username after 5 wrong passwords, even the right one, until the window passes', async () => {
    const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
    t = await startTestServer(variant, { clock })
    await completeSetup(t)
    const browser = new ConsoleClient(t.url)
    await fail(browser, 'admin', 5)

    clock.advance(5 * MINUTE)
    const blocked = await browser.signIn(ADMIN.username, ADMIN.password)
    expect(blocked.status).toBe(429)
    expect(errorOf(blocked).code).toBe('rate_limited')
    expect(blocked.headers.get('retry-after')).toBe(String(10 * 60))
    expect(browser.cookie).toBeNull()
    // The block holds across a restart and for every server process on the store.
    const second = await startServer(t.config, { clock })
    try {
      expect((await new ConsoleClient(second.url).signIn('ADMIN', ADMIN.password)).status).toBe(429)
    } finally {
      await second.close()
    }

    clock.advance(10 * MINUTE)
    expect(
      dataOf('auth.signIn', await browser.signIn(ADMIN.username, ADMIN.password)).user,
    ).toMatchObject({ username: 'admin' })
  })

  it('forgives a username its failures after a successful sign-in', async () => {
    t = await startTestServer(variant)
    await completeSetup(t)
    const browser = new ConsoleClient(t.url)
    await fail(browser, 'admin', 4)
    expect((await browser.signIn(ADMIN.username, ADMIN.password)).status).toBe(200)
    await fail(browser, 'admin', 4)
    expect((await browser.signIn(ADMIN.username, ADMIN.password)).status).toBe(200)
  })

  it('refuses an address after 20 failures across usernames', async () => {
    const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
    t = await startTestServer(variant, { clock })
    await completeSetup(t)
    const browser = new ConsoleClient(t.url)
    for (let i = 0; i < 5; i++) await fail(browser, `guess${i}`, 4)
    const blocked = await browser.signIn(ADMIN.username, ADMIN.password)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    clock.advance(15 * MINUTE)
    expect((await browser.signIn(ADMIN.username, ADMIN.password)).status).toBe(200)
  })
})
