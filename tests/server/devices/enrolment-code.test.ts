import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ENROLMENT_FAILURE_WINDOW_MS,
  MAX_ENROLMENT_FAILURES,
} from '../../../src/server/devices/enrolment-rate-limit'
import { parseEnrolmentQrPayload } from '../../../src/shared/api/http.contract'
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
  FOREIGN_COMMUNE,
  newTestDevice,
  SERVER_URL,
  setUpProvince,
  signInAs,
} from './device-test-kit'

const START = Date.parse('2025-11-25T02:00:00Z')
const HOUR = 3600_000

describe.each(serverStores())('enrolment by code on $name', (variant) => {
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

  const deviceRow = (id: string) =>
    t.store.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()

  it('enrols with a code, checks in signed, and is refused once revoked', async () => {
    const made = await createCode(t, admin)
    const device = newTestDevice()

    const enrolled = dataOf('devices.enrol', await enrol(t, device, { code: made.code }))
    expect(enrolled).toMatchObject({
      deviceId: device.id,
      commune: { code: COMMUNE, name: 'Xã Ngọc Đường' },
      province: { code: '08', name: 'Tuyên Quang' },
      serverTime: new Date(START).toISOString(),
    })
    expect(enrolled.provincePublicKeys.signingKeyId).toBe(made.provinceKeyId)

    clock.advance(HOUR)
    const checked = dataOf('devices.checkIn', await checkIn(t, device, 7))
    expect(checked).toEqual({
      deviceId: device.id,
      communeCode: COMMUNE,
      status: 'active',
      serverTime: new Date(START + HOUR).toISOString(),
    })
    expect(await deviceRow(device.id)).toMatchObject({
      pending_reported: 7,
      last_contact_at: new Date(START + HOUR).toISOString(),
      status: 'active',
    })

    const revoked = await consoleCall(t.url, admin, 'POST', `/api/v1/devices/${device.id}/revoke`)
    expect(dataOf('devices.revoke', revoked)).toMatchObject({ status: 'revoked' })
    const refused = await checkIn(t, device, 8)
    expect(refused.status).toBe(403)
    expect(errorOf(refused).code).toBe('device_revoked')
    expect((await deviceRow(device.id))?.pending_reported).toBe(7)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'like', 'device.%')
      .orderBy('at')
      .execute()
    expect(audit.map((row) => row.action)).toEqual([
      'device.enrolment_code.create',
      'device.enrol',
      'device.revoke',
    ])
  })

  it('shows the code once as XXXX-XXXX-XXXX with a QR code, and stores only its hash', async () => {
    const made = await createCode(t, admin, { validHours: 24 })
    expect(made.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    expect(made.expiresAt).toBe(new Date(START + 24 * HOUR).toISOString())
    expect(made.serverUrl).toBe(SERVER_URL)
    expect(made.qrSvg.startsWith('<svg')).toBe(true)
    expect(parseEnrolmentQrPayload(made.qrPayload)).toEqual({
      serverUrl: SERVER_URL,
      code: made.code,
      provinceKeyId: made.provinceKeyId,
    })
    const rows = await t.store.db.selectFrom('enrolment_codes').selectAll().execute()
    expect(rows).toHaveLength(1)
    const stored = JSON.stringify(rows)
    expect(stored).not.toContain(made.code)
    expect(stored).not.toContain(made.code.replaceAll('-', ''))
  })

  it('accepts the code typed in lower case with spaces instead of dashes', async () => {
    const made = await createCode(t, admin)
    const typed = made.code.toLowerCase().replaceAll('-', ' ')
    expect(dataOf('devices.enrol', await enrol(t, newTestDevice(), { code: typed }))).toBeTruthy()
  })

  it('refuses an expired code and enrols nothing', async () => {
    const made = await createCode(t, admin)
    clock.advance(72 * HOUR)
    const device = newTestDevice()
    const answer = await enrol(t, device, { code: made.code })
    expect(answer.status).toBe(422)
    expect(errorOf(answer).code).toBe('enrolment_code_expired')
    expect(await deviceRow(device.id)).toBeUndefined()
  })

  it('refuses a used code for another device, but answers a retry by the same device', async () => {
    const made = await createCode(t, admin)
    const device = newTestDevice()
    dataOf('devices.enrol', await enrol(t, device, { code: made.code }))

    const retry = dataOf('devices.enrol', await enrol(t, device, { code: made.code }))
    expect(retry.deviceId).toBe(device.id)

    const other = newTestDevice()
    const answer = await enrol(t, other, { code: made.code })
    expect(answer.status).toBe(422)
    expect(errorOf(answer).code).toBe('enrolment_code_used')
    // The same device with a different key is not a retry either.
    const rekeyed = { ...device, keys: newTestDevice().keys }
    expect(errorOf(await enrol(t, rekeyed, { code: made.code })).code).toBe('enrolment_code_used')
    expect(await deviceRow(other.id)).toBeUndefined()
    expect((await deviceRow(device.id))?.public_key).toBe(device.keys.publicKey)
  })

  it('re-enrols a known device with a new code and key, unless it was revoked', async () => {
    const device = newTestDevice()
    dataOf('devices.enrol', await enrol(t, device, { code: (await createCode(t, admin)).code }))
    const rekeyed = { ...device, keys: newTestDevice().keys }
    const second = await createCode(t, admin)
    dataOf('devices.enrol', await enrol(t, rekeyed, { code: second.code }, 'Laptop mới'))
    expect(await deviceRow(device.id)).toMatchObject({
      public_key: rekeyed.keys.publicKey,
      name: 'Laptop mới',
    })
    // The old key no longer signs for the device.
    expect((await checkIn(t, device)).status).toBe(401)
    expect((await checkIn(t, rekeyed)).status).toBe(200)

    await consoleCall(t.url, admin, 'POST', `/api/v1/devices/${device.id}/revoke`)
    const third = await createCode(t, admin)
    const refused = await enrol(t, { ...device, keys: newTestDevice().keys }, { code: third.code })
    expect(refused.status).toBe(403)
    expect(errorOf(refused).code).toBe('device_revoked')
    const codes = dataOf(
      'devices.enrolmentCodes',
      await consoleCall(t.url, admin, 'GET', '/api/v1/devices/enrolment-codes?state=active'),
    )
    expect(codes.items.map((c) => c.id)).toEqual([third.id])
  })

  it('refuses a wrong code, then every attempt from the address after too many', async () => {
    const made = await createCode(t, admin)
    const wrong = await enrol(t, newTestDevice(), { code: 'ABCD-EFGH-JKMN' })
    expect(wrong.status).toBe(422)
    expect(errorOf(wrong).code).toBe('enrolment_code_invalid')
    for (let i = 1; i < MAX_ENROLMENT_FAILURES; i++) {
      expect(errorOf(await enrol(t, newTestDevice(), { code: `WRONG${i}` })).code).toBe(
        'enrolment_code_invalid',
      )
    }

    const limited = await enrol(t, newTestDevice(), { code: made.code })
    expect(limited.status).toBe(429)
    expect(errorOf(limited).code).toBe('rate_limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)

    // Once the failures age out of the window, the right code works (it was not consumed).
    clock.advance(ENROLMENT_FAILURE_WINDOW_MS + 1)
    expect(
      dataOf('devices.enrol', await enrol(t, newTestDevice(), { code: made.code })),
    ).toBeTruthy()
  })

  it('does not count expired or used codes as guesses', async () => {
    const made = await createCode(t, admin, { validHours: 1 })
    clock.advance(2 * HOUR)
    for (let i = 0; i < MAX_ENROLMENT_FAILURES + 1; i++) {
      expect(errorOf(await enrol(t, newTestDevice(), { code: made.code })).code).toBe(
        'enrolment_code_expired',
      )
    }
  })

  it('cancels an unused code, which then no longer enrols', async () => {
    const made = await createCode(t, admin)
    const cancelled = await consoleCall(
      t.url,
      admin,
      'POST',
      `/api/v1/devices/enrolment-codes/${made.id}/cancel`,
    )
    expect(dataOf('devices.cancelEnrolmentCode', cancelled)).toMatchObject({
      id: made.id,
      state: 'cancelled',
    })
    expect(errorOf(await enrol(t, newTestDevice(), { code: made.code })).code).toBe(
      'enrolment_code_invalid',
    )

    const used = await createCode(t, admin)
    dataOf('devices.enrol', await enrol(t, newTestDevice(), { code: used.code }))
    const refused = await consoleCall(
      t.url,
      admin,
      'POST',
      `/api/v1/devices/enrolment-codes/${used.id}/cancel`,
    )
    expect(refused.status).toBe(409)
  })

  it('lists codes by state without their secrets', async () => {
    const used = await createCode(t, admin)
    dataOf('devices.enrol', await enrol(t, newTestDevice(), { code: used.code }))
    clock.advance(HOUR)
    const expiring = await createCode(t, admin, { validHours: 1 })
    clock.advance(HOUR)
    const active = await createCode(t, admin)

    const list = async (query: string) =>
      dataOf(
        'devices.enrolmentCodes',
        await consoleCall(t.url, admin, 'GET', `/api/v1/devices/enrolment-codes${query}`),
      )
    const all = await list('')
    expect(all.total).toBe(3)
    expect(all.items.map((c) => [c.id, c.state])).toEqual([
      [active.id, 'active'],
      [expiring.id, 'expired'],
      [used.id, 'used'],
    ])
    expect(JSON.stringify(all)).not.toContain(active.code)
    expect(all.items[0]?.createdByName).toBe('Quản trị tỉnh')
    expect((await list('?state=expired')).items.map((c) => c.id)).toEqual([expiring.id])
    expect((await list('?state=used')).items.map((c) => c.deviceId)).toHaveLength(1)
    expect((await list('?limit=1&offset=1')).items.map((c) => c.id)).toEqual([expiring.id])
  })

  it('refuses a commune outside the province and callers without a province role', async () => {
    const foreign = await consoleCall(t.url, admin, 'POST', '/api/v1/devices/enrolment-codes', {
      communeCode: FOREIGN_COMMUNE,
      serverUrl: SERVER_URL,
    })
    expect(foreign.status).toBe(400)
    expect(errorOf(foreign).code).toBe('invalid_commune')

    const viewer = await signInAs(t, admin, 'xem-xa', 'commune_viewer', COMMUNE)
    const body = { communeCode: COMMUNE, serverUrl: SERVER_URL }
    const asViewer = await consoleCall(
      t.url,
      viewer,
      'POST',
      '/api/v1/devices/enrolment-codes',
      body,
    )
    expect(errorOf(asViewer).code).toBe('forbidden')
    const anonymous = await consoleCall(
      t.url,
      null,
      'POST',
      '/api/v1/devices/enrolment-codes',
      body,
    )
    expect(anonymous.status).toBe(401)

    const staff = await signInAs(t, admin, 'can-bo', 'province_staff')
    expect(
      dataOf(
        'devices.createEnrolmentCode',
        await consoleCall(t.url, staff, 'POST', '/api/v1/devices/enrolment-codes', {
          ...body,
          validHours: 720,
        }),
      ).communeCode,
    ).toBe(COMMUNE)
    const tooLong = await consoleCall(t.url, staff, 'POST', '/api/v1/devices/enrolment-codes', {
      ...body,
      validHours: 721,
    })
    expect(tooLong.status).toBe(400)
    expect(await t.store.db.selectFrom('enrolment_codes').select('id').execute()).toHaveLength(1)
  })
})
