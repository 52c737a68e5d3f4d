import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { ADMIN, ConsoleClient, completeSetup } from '../auth/auth-test-kit'

const NEW_USER = {
  username: 'hoa.lt',
  displayName: 'Lê Thị Hoa',
  role: 'province_staff',
  password: 'mat-khau-du-dai-2025',
}

describe.each(serverStores())('CSRF protection on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  beforeAll(async () => {
    t = await startTestServer(variant)
    admin = await completeSetup(t)
  })
  afterAll(async () => {
    await t?.close()
  })

  const userCount = async () => (await t.store.db.selectFrom('users').selectAll().execute()).length

  it('refuses a state-changing call without the x-csrf-token header, changing nothing', async () => {
    const answer = await admin.post('/api/v1/users', NEW_USER, { csrf: null })
    expect(answer.status).toBe(403)
    expect(errorOf(answer).code).toBe('csrf')
    expect(await userCount()).toBe(1)
  })

  it('refuses a wrong token, and the token of another session', async () => {
    const wrong = await admin.post('/api/v1/users', NEW_USER, { csrf: 'x'.repeat(43) })
    expect(wrong.status).toBe(403)
    expect(errorOf(wrong).code).toBe('csrf')

    const other = new ConsoleClient(t.url)
    dataOf('auth.signIn', await other.signIn(ADMIN.username, ADMIN.password))
    const borrowed = await admin.post('/api/v1/users', NEW_USER, { csrf: other.csrfToken })
    expect(borrowed.status).toBe(403)
    expect(await userCount()).toBe(1)
  })

  it('checks the token before anything else: sign-out without it keeps the session', async () => {
    const answer = await admin.post('/api/v1/auth/sign-out', {}, { csrf: null })
    expect(answer.status).toBe(403)
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200)
  })

  it('needs no token to read, and accepts the right one', async () => {
    expect((await admin.get('/api/v1/users')).status).toBe(200)
    const created = await admin.post('/api/v1/users', NEW_USER)
    expect(dataOf('users.create', created).username).toBe('hoa.lt')
  })

  it('treats a public call without the token as anonymous rather than as the session', async () => {
    // A forged cross-site sign-in still reaches sign-in, but never acts as the admin.
    const answer = await admin.post(
      '/api/v1/auth/sign-in',
      { username: 'hoa.lt', password: NEW_USER.password },
      { csrf: null },
    )
    expect(dataOf('auth.signIn', answer).user.username).toBe('hoa.lt')
  })
})
