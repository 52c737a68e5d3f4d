import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateUser } from '../../../src/server/users/user.service'
import { systemClock } from '../../../src/shared/clock/clock'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  ADMIN,
  addUser,
  COMMUNE,
  ConsoleClient,
  completeSetup,
  FOREIGN_COMMUNE,
  OTHER_COMMUNE,
  PASSWORD,
} from '../auth/auth-test-kit'

function newUser(overrides: Record<string, unknown> = {}) {
  return {
    username: 'mai.pt',
    displayName: 'Phạm Thị Mai',
    role: 'province_staff',
    password: PASSWORD,
    ...overrides,
  }
}

describe.each(serverStores())('user management on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  beforeAll(async () => {
    t = await startTestServer(variant)
    admin = await completeSetup(t)
  })
  afterAll(async () => {
    await t?.close()
  })

  const userRows = () => t.store.db.selectFrom('users').selectAll().execute()

  it('creates a province staff member and never answers the password hash', async () => {
    const answer = await admin.post('/api/v1/users', newUser())
    const user = dataOf('users.create', answer)
    expect(user).toMatchObject({
      username: 'mai.pt',
      displayName: 'Phạm Thị Mai',
      role: 'province_staff',
      communeCode: null,
      communeName: null,
      disabled: false,
    })
    expect(JSON.stringify(answer.body)).not.toContain('scrypt')
    const row = (await userRows()).find((u) => u.id === user.id)
    expect(row?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
  })

  it('creates a commune viewer for a commune of the province, with its official name', async () => {
    const viewer = dataOf(
      'users.create',
      await admin.post(
        '/api/v1/users',
        newUser({ username: 'xa.ngocduong', role: 'commune_viewer', communeCode: COMMUNE }),
      ),
    )
    expect(viewer).toMatchObject({ communeCode: COMMUNE, communeName: 'Xã Ngọc Đường' })
  })

  it.each([
    ['a taken username in another case', { username: 'MAI.PT' }, 409, 'username_taken'],
    [
      'a viewer without a commune',
      { username: 'viewer1', role: 'commune_viewer' },
      400,
      'invalid_commune',
    ],
    [
      'a viewer for a commune of another province',
      { username: 'viewer2', role: 'commune_viewer', communeCode: FOREIGN_COMMUNE },
      400,
      'invalid_commune',
    ],
    [
      'a province role with a commune',
      { username: 'viewer3', communeCode: COMMUNE },
      400,
      'invalid_commune',
    ],
    ['a short password', { username: 'viewer4', password: 'short' }, 400, 'invalid_input'],
    ['a username with spaces', { username: 'mai pt' }, 400, 'invalid_input'],
    ['an unknown role', { username: 'viewer5', role: 'superuser' }, 400, 'invalid_input'],
    ['an unknown field', { username: 'viewer6', isAdmin: true }, 400, 'invalid_input'],
  ])('refuses %s and changes nothing', async (_what, overrides, status, code) => {
    const before = (await userRows()).length
    const answer = await admin.post('/api/v1/users', newUser(overrides))
    expect(answer.status).toBe(status)
    expect(errorOf(answer).code).toBe(code)
    expect(await userRows()).toHaveLength(before)
  })

  it('lists users by username with filters and paging', async () => {
    const all = dataOf('users.list', await admin.get('/api/v1/users'))
    expect(all.items.map((u) => u.username)).toEqual(['admin', 'mai.pt', 'xa.ngocduong'])
    expect(all.total).toBe(3)
    const viewers = dataOf('users.list', await admin.get('/api/v1/users?role=commune_viewer'))
    expect(viewers.items.map((u) => u.username)).toEqual(['xa.ngocduong'])
    const byName = dataOf('users.list', await admin.get('/api/v1/users?q=ph%E1%BA%A1m'))
    expect(byName.items.map((u) => u.username)).toEqual(['mai.pt', 'xa.ngocduong'])
    const page = dataOf('users.list', await admin.get('/api/v1/users?limit=1&offset=1'))
    expect(page).toMatchObject({ total: 3, items: [{ username: 'mai.pt' }] })
    const wildcard = dataOf('users.list', await admin.get('/api/v1/users?q=%25'))
    expect(wildcard.total).toBe(0)
    const bad = await admin.get('/api/v1/users?disabled=maybe')
    expect(bad.status).toBe(400)
  })

  it('updates the role, commune, name and disabled flag, and checks the commune', async () => {
    const { id } = dataOf(
      'users.create',
      await admin.post('/api/v1/users', newUser({ username: 'binh.nv' })),
    )
    const url = `/api/v1/users/${id}`
    const toViewer = await admin.post(url, { role: 'commune_viewer' })
    expect(toViewer.status).toBe(400)
    expect(errorOf(toViewer).code).toBe('invalid_commune')

    const viewer = dataOf(
      'users.update',
      await admin.post(url, { role: 'commune_viewer', communeCode: OTHER_COMMUNE }),
    )
    expect(viewer).toMatchObject({ role: 'commune_viewer', communeCode: OTHER_COMMUNE })
    const moved = dataOf('users.update', await admin.post(url, { communeCode: COMMUNE }))
    expect(moved.communeCode).toBe(COMMUNE)
    const back = dataOf('users.update', await admin.post(url, { role: 'province_staff' }))
    expect(back).toMatchObject({ role: 'province_staff', communeCode: null })
    const renamed = dataOf(
      'users.update',
      await admin.post(url, { displayName: 'Nguyễn Văn Bình' }),
    )
    expect(renamed.displayName).toBe('Nguyễn Văn Bình')

    expect((await admin.post(url, {})).status).toBe(400)
    const missing = await admin.post('/api/v1/users/no-such-user', { disabled: true })
    expect(missing.status).toBe(404)
  })

  it('ends the sessions of a disabled user; their role change applies at once', async () => {
    const { id, client } = await addUser(t, admin, { username: 'son.dt', role: 'province_admin' })
    expect((await client.get('/api/v1/users')).status).toBe(200)
    dataOf('users.update', await admin.post(`/api/v1/users/${id}`, { role: 'province_staff' }))
    expect((await client.get('/api/v1/users')).status).toBe(403)

    dataOf('users.update', await admin.post(`/api/v1/users/${id}`, { disabled: true }))
    expect((await client.get('/api/v1/auth/me')).status).toBe(401)
    const sessions = await t.store.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', id)
      .execute()
    expect(sessions).toHaveLength(0)
    const enabled = dataOf(
      'users.update',
      await admin.post(`/api/v1/users/${id}`, { disabled: false }),
    )
    expect(enabled.disabled).toBe(false)
  })

  it('keeps an active province admin: no self-demotion, no disabling the last one', async () => {
    const me = dataOf('auth.me', await admin.get('/api/v1/auth/me'))
    const self = await admin.post(`/api/v1/users/${me.user.id}`, { disabled: true })
    expect(self.status).toBe(409)
    expect(errorOf(self).code).toBe('own_account')

    const { id: otherId, client: other } = await addUser(t, admin, {
      username: 'phuong.hm',
      role: 'province_admin',
    })
    // With two admins, one may demote the other; then the last one cannot be removed.
    dataOf(
      'users.update',
      await other.post(`/api/v1/users/${me.user.id}`, { role: 'province_staff' }),
    )
    const last = await admin.post(`/api/v1/users/${otherId}`, { disabled: true })
    expect(last.status).toBe(403)
    const restore = await other.post(`/api/v1/users/${me.user.id}`, { role: 'province_admin' })
    expect(dataOf('users.update', restore).role).toBe('province_admin')
  })

  it('never leaves the server without an active province admin', async () => {
    const rows = await userRows()
    const me = dataOf('auth.me', await admin.get('/api/v1/auth/me'))
    for (const other of rows.filter((u) => u.role === 'province_admin' && u.id !== me.user.id)) {
      dataOf('users.update', await admin.post(`/api/v1/users/${other.id}`, { disabled: true }))
    }
    // Outside a session (as the CLI or a racing request would be), the last admin is kept.
    const outside = { db: t.store.db, clock: systemClock, caller: { kind: 'anonymous' as const } }
    await expect(updateUser(outside, { id: me.user.id, disabled: true })).rejects.toMatchObject({
      code: 'last_admin',
    })
    await expect(
      updateUser(outside, { id: me.user.id, role: 'province_staff' }),
    ).rejects.toMatchObject({ code: 'last_admin' })
    expect((await admin.get('/api/v1/users')).status).toBe(200)
  })

  it('resets a password: the old one stops working and every session of the user ends', async () => {
    const { id, client } = await addUser(t, admin, { username: 'cuc.lt', role: 'province_staff' })
    const reset = await admin.post(`/api/v1/users/${id}/password`, {
      newPassword: 'mat-khau-dat-lai-2025',
    })
    expect(dataOf('users.resetPassword', reset)).toMatchObject({
      user: { username: 'cuc.lt' },
      sessionsEnded: 1,
    })
    expect((await client.get('/api/v1/auth/me')).status).toBe(401)
    expect((await new ConsoleClient(t.url).signIn('cuc.lt', PASSWORD)).status).toBe(401)
    expect((await new ConsoleClient(t.url).signIn('cuc.lt', 'mat-khau-dat-lai-2025')).status).toBe(
      200,
    )
    const short = await admin.post(`/api/v1/users/${id}/password`, { newPassword: 'short' })
    expect(short.status).toBe(400)
  })

  it('keeps people management to province admins', async () => {
    const { client: staff } = await addUser(t, admin, {
      username: 'staff.only',
      role: 'province_staff',
    })
    for (const answer of [
      await staff.get('/api/v1/users'),
      await staff.post('/api/v1/users', newUser({ username: 'sneaky' })),
    ]) {
      expect(answer.status).toBe(403)
      expect(errorOf(answer).code).toBe('forbidden')
    }
    expect((await new ConsoleClient(t.url).signIn(ADMIN.username, ADMIN.password)).status).toBe(200)
  })
})
