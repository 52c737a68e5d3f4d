import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '../../../src/server/audit/audit.service'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  ADMIN,
  addUser,
  COMMUNE,
  ConsoleClient,
  completeSetup,
  PASSWORD,
} from '../auth/auth-test-kit'

const HOUR = 3600_000

describe.each(serverStores())('audit log on $name', (variant) => {
  // 2025-09-01 09:00 in Vietnam (UTC+7).
  const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
  let t: TestServer
  let admin: ConsoleClient
  let adminId: string
  let viewerId: string
  beforeAll(async () => {
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t) // setup.completed, user.created, 09:00 on 1 Sep
    adminId = dataOf('auth.me', await admin.get('/api/v1/auth/me')).user.id
    await passTime(16) // 01:00 on 2 Sep in Vietnam, still 1 Sep in UTC
    const viewer = await addUser(t, admin, {
      username: 'xa.ngocduong',
      role: 'commune_viewer',
      communeCode: COMMUNE,
    }) // user.created, auth.sign_in
    viewerId = viewer.id
    await passTime(24) // 3 Sep, 01:00 in Vietnam
    await new ConsoleClient(t.url).signIn('xa.ngocduong', 'wrong-password-1') // sign_in_failed
    dataOf(
      'users.resetPassword',
      await admin.post(`/api/v1/users/${viewerId}/password`, { newPassword: 'mat-khau-moi-2025' }),
    )
    dataOf(
      'users.update',
      await admin.post(`/api/v1/users/${viewerId}`, { displayName: 'Xã N.Đ.' }),
    )
    await passTime(24) // 4 Sep
    const second = new ConsoleClient(t.url)
    dataOf('auth.signIn', await second.signIn(ADMIN.username, ADMIN.password))
    dataOf('auth.signOut', await second.post('/api/v1/auth/sign-out'))
  })
  afterAll(async () => {
    await t?.close()
  })

  /** Moves the clock on, using the admin's session often enough to keep it alive. */
  async function passTime(hours: number): Promise<void> {
    for (let left = hours; left > 0; left -= 6) {
      clock.advance(Math.min(6, left) * HOUR)
      expect((await admin.get('/api/v1/auth/me')).status).toBe(200)
    }
  }

  const list = async (query = '') => dataOf('audit.list', await admin.get(`/api/v1/audit${query}`))

  it('records each action, newest first, with who, what, where and from which address', async () => {
    const { total, items } = await list()
    expect(items.map((e) => e.action)).toEqual([
      'auth.sign_out',
      'auth.sign_in',
      'user.updated',
      'user.password_reset',
      'auth.sign_in_failed',
      'auth.sign_in',
      'user.created',
      'user.created',
      'setup.completed',
    ])
    expect(total).toBe(9)
    const reset = items[3]
    expect(reset).toMatchObject({
      actorKind: 'user',
      actorId: adminId,
      actorName: 'admin',
      targetType: 'user',
      targetId: viewerId,
      communeCode: COMMUNE,
      details: { sessionsEnded: 1 },
      ip: '127.0.0.1',
      at: '2025-09-02T18:00:00.000Z',
    })
    expect(items[2]?.details).toMatchObject({ changed: ['displayName'] })
  })

  it('keeps personal data out of the details', async () => {
    const { items } = await list()
    const details = JSON.stringify(items.map((e) => e.details))
    for (const personal of ['Xã N.Đ.', 'Cán bộ', ADMIN.displayName, PASSWORD, 'mat-khau']) {
      expect(details).not.toContain(personal)
    }
  })

  it('filters by action, actor, target type, target and commune', async () => {
    expect((await list('?action=user.created')).total).toBe(2)
    expect((await list(`?actorId=${adminId}`)).items.map((e) => e.action)).toEqual([
      'auth.sign_out',
      'auth.sign_in',
      'user.updated',
      'user.password_reset',
      'user.created',
      'user.created',
      'setup.completed',
    ])
    expect((await list('?actorKind=anonymous')).items.map((e) => e.action)).toEqual([
      'auth.sign_in_failed',
    ])
    expect((await list('?targetType=server')).items.map((e) => e.action)).toEqual([
      'setup.completed',
    ])
    expect((await list(`?targetId=${viewerId}`)).total).toBe(5)
    expect((await list(`?communeCode=${COMMUNE}`)).total).toBe(4)
  })

  it('filters by day in Vietnam time, both ends included', async () => {
    const day2 = await list('?from=2025-09-02&to=2025-09-02')
    expect(day2.items.map((e) => e.action)).toEqual(['auth.sign_in', 'user.created'])
    expect((await list('?to=2025-09-01')).total).toBe(2)
    expect((await list('?from=2025-09-04')).total).toBe(2)
    const backwards = await admin.get('/api/v1/audit?from=2025-09-03&to=2025-09-01')
    expect(backwards.status).toBe(400)
    expect(errorOf(backwards).message).toContain('to')
  })

  it('pages with limit and offset, keeping the total', async () => {
    const page = await list('?limit=2&offset=2')
    expect(page.total).toBe(9)
    expect(page.items.map((e) => e.action)).toEqual(['user.updated', 'user.password_reset'])
    expect((await admin.get('/api/v1/audit?limit=0')).status).toBe(400)
  })

  it('lists the actions recorded so far for the filter', async () => {
    const { actions } = dataOf('audit.actions', await admin.get('/api/v1/audit/actions'))
    expect(actions).toEqual([
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.sign_out',
      'setup.completed',
      'user.created',
      'user.password_reset',
      'user.updated',
    ])
  })

  it('is for province roles only', async () => {
    const { client: staff } = await addUser(t, admin, { username: 'staff', role: 'province_staff' })
    expect((await staff.get('/api/v1/audit')).status).toBe(200)
    const viewer = new ConsoleClient(t.url)
    dataOf('auth.signIn', await viewer.signIn('xa.ngocduong', 'mat-khau-moi-2025'))
    const refused = await viewer.get('/api/v1/audit')
    expect(refused.status).toBe(403)
    expect(errorOf(refused).code).toBe('forbidden')
  })

  it('writes an entry inside the caller’s transaction, so a failed change leaves none', async () => {
    const before = (await list()).total
    const ctx = { clock, caller: { kind: 'anonymous' as const } }
    await expect(
      t.store.db.transaction().execute(async (trx) => {
        await recordAudit(trx, ctx, { action: 'test.rolled_back', targetType: 'test' })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    await recordAudit(t.store.db, ctx, {
      action: 'test.kept',
      targetType: 'test',
      details: { count: 3 },
    })
    const after = await list()
    expect(after.total).toBe(before + 1)
    expect(after.items[0]).toMatchObject({
      action: 'test.kept',
      actorKind: 'anonymous',
      actorId: null,
      details: { count: 3 },
      ip: null,
    })
  })
})
