import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { ADMIN, addUser, ConsoleClient, completeSetup, PASSWORD } from './auth-test-kit'

describe.each(serverStores())('sign-in, me and sign-out on $name', (variant) => {
  const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer(variant, { clock })
    await completeSetup(t)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('signs in with an HTTP-only, SameSite=Strict session cookie whose token is stored hashed', async () => {
    const browser = new ConsoleClient(t.url)
    const answer = await browser.signIn('admin', PASSWORD)
    const signedIn = dataOf('auth.signIn', answer)
    expect(signedIn.user).toMatchObject({ username: 'admin', role: 'province_admin' })
    expect(signedIn.csrfToken).toMatch(/^[\w-]{43}$/)

    const [setCookie] = answer.headers.getSetCookie()
    expect(setCookie).toMatch(/^langso_session=[\w-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).toContain(`Max-Age=${7 * 24 * 3600}`)
    expect(setCookie).not.toContain('Secure')

    const token = browser.cookie?.split('=')[1] ?? ''
    const stored = await t.store.db.selectFrom('sessions').select('token_hash').execute()
    expect(stored.map((s) => s.token_hash)).not.toContain(token)

    const me = dataOf('auth.me', await browser.get('/api/v1/auth/me'))
    expect(me.user.username).toBe('admin')
    expect(me.csrfToken).toBe(signedIn.csrfToken)
    expect(me.sessionExpiresAt).toBe('2025-09-08T02:00:00.000Z')
  })

  it('finds the user whatever the case of the username', async () => {
    const browser = new ConsoleClient(t.url)
    expect(dataOf('auth.signIn', await browser.signIn('  ADMIN ', PASSWORD)).user.username).toBe(
      'admin',
    )
  })

  it('answers an unknown username and a wrong password the same way, and audits both', async () => {
    const browser = new ConsoleClient(t.url)
    const unknown = await browser.signIn('nobody', PASSWORD)
    const wrong = await browser.signIn('admin', 'wrong-password-123')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(errorOf(unknown)).toEqual(errorOf(wrong))
    expect(errorOf(wrong).code).toBe('invalid_credentials')
    expect(browser.cookie).toBeNull()

    const failures = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.sign_in_failed')
      .orderBy('at')
      .execute()
    expect(failures.map((f) => JSON.parse(f.details_json))).toEqual([
      { reason: 'unknown_user' },
      { reason: 'wrong_password' },
    ])
    expect(failures.map((f) => f.actor_kind)).toEqual(['anonymous', 'anonymous'])
    expect(failures[0]?.target_id).toBeNull()
    expect(failures[0]?.ip).toBe('127.0.0.1')
    // Nothing typed into the form is kept: a password typed as a username stays secret.
    expect(JSON.stringify(failures)).not.toContain('nobody')
  })

  it('answers 401 to me without a session, and clears a cookie that names no session', async () => {
    const anon = new ConsoleClient(t.url)
    const noCookie = await anon.get('/api/v1/auth/me')
    expect(noCookie.status).toBe(401)
    expect(errorOf(noCookie).code).toBe('unauthenticated')

    anon.cookie = 'langso_session=forged-token'
    const forged = await anon.get('/api/v1/auth/me')
    expect(forged.status).toBe(401)
    expect(forged.headers.getSetCookie()[0]).toMatch(/^langso_session=;/)
    expect(anon.cookie).toBeNull()
  })

  it('signs out with the CSRF token, ending the session and clearing the cookie', async () => {
    const browser = new ConsoleClient(t.url)
    dataOf('auth.signIn', await browser.signIn('admin', PASSWORD))
    const stolenCookie = browser.cookie
    expect(dataOf('auth.signOut', await browser.post('/api/v1/auth/sign-out'))).toEqual({
      signedOut: true,
    })
    expect(browser.cookie).toBeNull()

    const replay = new ConsoleClient(t.url)
    replay.cookie = stolenCookie
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['actor_name', 'target_type'])
      .where('action', '=', 'auth.sign_out')
      .execute()
    expect(audit).toEqual([{ actor_name: 'admin', target_type: 'user' }])
  })

  it('changes the own password, ending the other sessions but not this one', async () => {
    const { client: staff } = await addUser(t, await signedInAdmin(t), {
      username: 'lan.nt',
      role: 'province_staff',
    })
    const otherBrowser = new ConsoleClient(t.url)
    dataOf('auth.signIn', await otherBrowser.signIn('lan.nt', PASSWORD))

    const wrong = await staff.post('/api/v1/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'mat-khau-moi-2025',
    })
    expect(wrong.status).toBe(400)
    expect(errorOf(wrong).code).toBe('wrong_password')
    const tooShort = await staff.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    })
    expect(tooShort.status).toBe(400)
    expect(errorOf(tooShort).code).toBe('invalid_input')

    const changed = await staff.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'mat-khau-moi-2025',
    })
    expect(dataOf('auth.changePassword', changed)).toEqual({ changed: true })
    expect((await staff.get('/api/v1/auth/me')).status).toBe(200)
    expect((await otherBrowser.get('/api/v1/auth/me')).status).toBe(401)
    expect((await new ConsoleClient(t.url).signIn('lan.nt', PASSWORD)).status).toBe(401)
    expect((await new ConsoleClient(t.url).signIn('lan.nt', 'mat-khau-moi-2025')).status).toBe(200)
  })

  it('refuses a disabled account even with the right password', async () => {
    const admin = await signedInAdmin(t)
    const { id, client } = await addUser(t, admin, { username: 'tam.vt', role: 'province_staff' })
    dataOf('users.update', await admin.post(`/api/v1/users/${id}`, { disabled: true }))
    expect((await client.get('/api/v1/auth/me')).status).toBe(401)
    const again = await new ConsoleClient(t.url).signIn('tam.vt', PASSWORD)
    expect(again.status).toBe(403)
    expect(errorOf(again).code).toBe('account_disabled')
  })
})

async function signedInAdmin(t: TestServer): Promise<ConsoleClient> {
  const admin = new ConsoleClient(t.url)
  dataOf('auth.signIn', await admin.signIn(ADMIN.username, ADMIN.password))
  return admin
}
