import { stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PROVINCE_KEYS_FILE } from '../../../src/server/keys/province-keys'
import { startServer } from '../../../src/server/server'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  COMMUNE,
  type ConsoleSession,
  checkIn,
  consoleCall,
  createCode,
  enrol,
  newTestDevice,
  OTHER_COMMUNE,
  setUpProvince,
  signInAs,
  type TestDevice,
} from './device-test-kit'

const START = Date.parse('2025-11-25T02:00:00Z')
const MINUTE = 60_000

describe.each(serverStores())('device list on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleSession
  const clock = new ManualClock(START)

  beforeEach(async () => {
    clock.set(START)
    t = await startTestServer(variant, { clock })
    admin = await setUpProvince(t, clock)
  })
  afterEach(async () => {
    await t?.close()
  })

  const enrolIn = async (communeCode: string, name: string): Promise<TestDevice> => {
    const device = newTestDevice()
    const { code } = await createCode(t, admin, { communeCode })
    dataOf('devices.enrol', await enrol(t, device, { code }, name))
    clock.advance(MINUTE)
    return device
  }
  const list = async (session: ConsoleSession, query = '') =>
    consoleCall(t.url, session, 'GET', `/api/v1/devices${query}`)

  it('lists devices newest first with commune, last contact and pending count', async () => {
    const first = await enrolIn(COMMUNE, 'Laptop 1')
    const second = await enrolIn(OTHER_COMMUNE, 'Laptop 2')
    dataOf('devices.checkIn', await checkIn(t, first, 12))

    const all = dataOf('devices.list', await list(admin))
    expect(all.total).toBe(2)
    expect(all.items.map((d) => d.id)).toEqual([second.id, first.id])
    expect(all.items[1]).toEqual({
      id: first.id,
      communeCode: COMMUNE,
      communeName: 'Xã Ngọc Đường',
      name: 'Laptop 1',
      status: 'active',
      enrolledAt: new Date(START).toISOString(),
      lastContactAt: new Date(START + 2 * MINUTE).toISOString(),
      lastSyncAt: null,
      pendingReported: 12,
      appVersion: null,
      revokedAt: null,
      revokedBy: null,
      revokedByName: null,
    })
    const paged = dataOf('devices.list', await list(admin, '?limit=1&offset=1'))
    expect(paged).toMatchObject({ total: 2, items: [{ id: first.id }] })
  })

  it('filters by commune and status, and records who revoked', async () => {
    const kept = await enrolIn(COMMUNE, 'Laptop 1')
    const lost = await enrolIn(COMMUNE, 'Laptop mất')
    await enrolIn(OTHER_COMMUNE, 'Laptop 3')
    const staff = await signInAs(t, admin, 'can-bo', 'province_staff')
    const revoked = dataOf(
      'devices.revoke',
      await consoleCall(t.url, staff, 'POST', `/api/v1/devices/${lost.id}/revoke`),
    )
    expect(revoked.revokedBy).not.toBeNull()
    expect(revoked.revokedByName).toBe('can-bo')
    expect(revoked.revokedAt).toBe(new Date(clock.now()).toISOString())

    const active = dataOf(
      'devices.list',
      await list(admin, `?communeCode=${COMMUNE}&status=active`),
    )
    expect(active.items.map((d) => d.id)).toEqual([kept.id])
    const gone = dataOf('devices.list', await list(admin, '?status=revoked'))
    expect(gone.items.map((d) => d.id)).toEqual([lost.id])
    // Revoking twice is harmless and changes nothing.
    clock.advance(MINUTE)
    const again = await consoleCall(t.url, admin, 'POST', `/api/v1/devices/${lost.id}/revoke`)
    expect(dataOf('devices.revoke', again).revokedAt).toBe(revoked.revokedAt)
  })

  it('shows a commune viewer only their own commune, and refuses another one', async () => {
    const mine = await enrolIn(COMMUNE, 'Laptop xã')
    await enrolIn(OTHER_COMMUNE, 'Laptop xã khác')
    const viewer = await signInAs(t, admin, 'xem-xa', 'commune_viewer', COMMUNE)

    const seen = dataOf('devices.list', await list(viewer))
    expect(seen.items.map((d) => d.id)).toEqual([mine.id])
    expect(seen.total).toBe(1)
    const other = await list(viewer, `?communeCode=${OTHER_COMMUNE}`)
    expect(other.status).toBe(403)
    expect(errorOf(other).code).toBe('forbidden')
    const revoke = await consoleCall(t.url, viewer, 'POST', `/api/v1/devices/${mine.id}/revoke`)
    expect(revoke.status).toBe(403)
    expect((await list(admin, '?status=revoked')).body).toMatchObject({ data: { total: 0 } })
  })

  it('answers 404 for revoking an unknown device and 401 without a session', async () => {
    const unknown = await consoleCall(
      t.url,
      admin,
      'POST',
      `/api/v1/devices/${newTestDevice().id}/revoke`,
    )
    expect(unknown.status).toBe(404)
    expect((await list({ cookie: '', csrfToken: '' })).status).toBe(401)
  })

  it('keeps the province keys across a restart, in a file only the owner can read', async () => {
    const device = await enrolIn(COMMUNE, 'Laptop 1')
    const { code } = await createCode(t, admin)
    const before = dataOf('devices.enrol', await enrol(t, newTestDevice(), { code }))
    const keyFile = path.join(t.config.dataDir, PROVINCE_KEYS_FILE)
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600)

    await t.server.close()
    const restarted = await startServer(t.config, { clock })
    t.server = restarted
    t.url = restarted.url
    const { code: next } = await createCode(t, admin)
    const after = dataOf('devices.enrol', await enrol(t, newTestDevice(), { code: next }))
    expect(after.provincePublicKeys).toEqual(before.provincePublicKeys)
    // Devices enrolled before the restart still authenticate.
    expect(dataOf('devices.checkIn', await checkIn(t, device, 1)).status).toBe('active')
  })
})
