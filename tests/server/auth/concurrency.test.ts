import { afterEach, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { ADMIN, ConsoleClient, completeSetup, PROVINCE, setupTokenOf } from './auth-test-kit'

describe.each(serverStores())('concurrent setup and sign-in on $name', (variant) => {
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('lets exactly one of two simultaneous setups win', async () => {
    t = await startTestServer(variant)
    const token = setupTokenOf(t)
    const attempt = (username: string) =>
      new ConsoleClient(t?.url ?? '').post('/api/v1/setup', {
        token,
        provinceCode: PROVINCE,
        username,
        displayName: username,
        password: ADMIN.password,
      })
    const answers = await Promise.all([attempt('first'), attempt('second')])
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses[0]).toBe(200)
    expect([403, 409]).toContain(statuses[1])
    expect(await t.store.db.selectFrom('users').selectAll().execute()).toHaveLength(1)
  })

  it('signs in many browsers at once without a failure', async () => {
    t = await startTestServer(variant)
    await completeSetup(t)
    const browsers = Array.from({ length: 12 }, () => new ConsoleClient(t?.url ?? ''))
    const answers = await Promise.all(browsers.map((b) => b.signIn(ADMIN.username, ADMIN.password)))
    expect(answers.map((a) => a.status)).toEqual(browsers.map(() => 200))
    const sessions = await t.store.db.selectFrom('sessions').selectAll().execute()
    expect(sessions).toHaveLength(13)
  })
})
