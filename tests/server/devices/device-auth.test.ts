import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import {
  DEVICE_HEADERS,
  generateDeviceKeyPair,
} from '../../../src/shared/sync/device-signature.node.js'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  type ConsoleSession,
  checkIn,
  consoleCall,
  createCode,
  deviceCall,
  enrol,
  newTestDevice,
  setUpProvince,
  type TestDevice,
} from './device-test-kit'

const START = Date.parse('2025-11-25T02:00:00Z')
const CHECK_IN = '/api/v1/devices/check-in'

describe.each(serverStores())('device request authentication on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleSession
  let device: TestDevice
  const clock = new ManualClock(START)

  beforeEach(async () => {
    clock.set(START)
    t = await startTestServer(variant, { clock })
    admin = await setUpProvince(t, clock)
    device = newTestDevice()
    dataOf('devices.enrol', await enrol(t, device, { code: (await createCode(t, admin)).code }))
  })
  afterEach(async () => {
    await t?.close()
  })

  const pending = async () =>
    (
      await t.store.db
        .selectFrom('devices')
        .select('pending_reported')
        .where('id', '=', device.id)
        .executeTakeFirstOrThrow()
    ).pending_reported

  const expectUnauthenticated = async (answer: Promise<{ status: number; body: unknown }>) => {
    const settled = await answer
    expect(settled.status).toBe(401)
    expect(errorOf(settled as Parameters<typeof errorOf>[0]).code).toBe('unauthenticated')
  }

  it('accepts a signed request years later: nothing time-based is signed', async () => {
    clock.advance(3 * 365 * 24 * 3600_000)
    expect(dataOf('devices.checkIn', await checkIn(t, device, 2)).status).toBe('active')
    expect(await pending()).toBe(2)
  })

  it('refuses a body other than the one signed', async () => {
    await expectUnauthenticated(checkIn(t, device, 5, { signedBody: '{"pendingCount":4}' }))
    // Same JSON value, different bytes: the signature is over bytes, not meaning.
    await expectUnauthenticated(checkIn(t, device, 5, { signedBody: '{ "pendingCount": 5 }' }))
    expect(await pending()).toBeNull()
  })

  it('refuses a signature made for another path', async () => {
    await expectUnauthenticated(checkIn(t, device, 1, { signedPath: '/api/v1/sync/batches' }))
  })

  it('refuses a signature by another key', async () => {
    await expectUnauthenticated(checkIn(t, device, 1, { signingKeys: generateDeviceKeyPair() }))
  })

  it('refuses an unknown device, even with a valid signature of its own', async () => {
    await expectUnauthenticated(checkIn(t, newTestDevice(), 1))
    await expectUnauthenticated(
      checkIn(t, device, 1, { headers: { [DEVICE_HEADERS.device]: 'not-a-uuid' } }),
    )
  })

  it('refuses a request without the signature headers or with a malformed one', async () => {
    await expectUnauthenticated(
      checkIn(t, device, 1, { headers: { [DEVICE_HEADERS.signature]: null } }),
    )
    await expectUnauthenticated(
      checkIn(t, device, 1, { headers: { [DEVICE_HEADERS.nonce]: null } }),
    )
    await expectUnauthenticated(
      checkIn(t, device, 1, { headers: { [DEVICE_HEADERS.device]: null } }),
    )
    await expectUnauthenticated(
      checkIn(t, device, 1, { headers: { [DEVICE_HEADERS.signature]: '%%%' } }),
    )
    await expectUnauthenticated(
      checkIn(t, device, 1, { headers: { [DEVICE_HEADERS.nonce]: 'tiny' } }),
    )
  })

  it('tells a revoked device it is revoked only when its signature is good', async () => {
    await consoleCall(t.url, admin, 'POST', `/api/v1/devices/${device.id}/revoke`)
    await expectUnauthenticated(checkIn(t, device, 1, { signingKeys: generateDeviceKeyPair() }))
    const revoked = await checkIn(t, device, 1)
    expect(revoked.status).toBe(403)
    expect(errorOf(revoked).code).toBe('device_revoked')
  })

  it('checks authentication before input, so strangers learn nothing from validation', async () => {
    const stranger = await deviceCall(t.url, newTestDevice(), 'POST', CHECK_IN, { nonsense: 1 })
    expect(stranger.status).toBe(401)
    const bad = await deviceCall(t.url, device, 'POST', CHECK_IN, { pendingCount: -1 })
    expect(bad.status).toBe(400)
    expect(errorOf(bad).code).toBe('invalid_input')
  })

  it('does not accept a console session in place of a device signature', async () => {
    const answer = await consoleCall(t.url, admin, 'POST', CHECK_IN, { pendingCount: 1 })
    expect(answer.status).toBe(401)
  })
})
