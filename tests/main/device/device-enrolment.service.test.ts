import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadEnrolment } from '../../../src/main/device/device-enrolment.repository'
import {
  enrolWithCode,
  enrolWithFile,
  getDeviceStatus,
} from '../../../src/main/device/device-enrolment.service'
import { listHouseholds } from '../../../src/main/household/household.service'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { listVillageSummaries } from '../../../src/main/places/village-progress.service'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { runSync } from '../../../src/main/sync/sync.service'
import { dataOf } from '../../server/api-client'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import {
  closedPortUrl,
  countingFetch,
  startTestServer,
  type TestServer,
} from '../sync/sync-test-servers'
import { recordVisit } from '../visit-test-helpers'
import { createEnrolmentCode, createEnrolmentFile, setUpProvince } from './device-test-kit'

let server: TestServer
let t: TestMain
let admin: ConsoleClient
let network: ReturnType<typeof countingFetch>

beforeEach(async () => {
  server = await startTestServer()
  network = countingFetch()
  t = await openTestMain({ fetch: network.fetch })
  admin = await setUpProvince(server)
})

afterEach(async () => {
  await t.dispose()
  await server.stop()
})

async function newCode(): Promise<string> {
  return (await createEnrolmentCode(admin, server.url)).code
}

describe('enrolment with a one-time code', () => {
  it('enrols, keeps the private key sealed and shows the enrolled commune', async () => {
    expect(await getDeviceStatus(t.ctx)).toMatchObject({ enrolled: false, commune: null })

    const status = await enrolWithCode(t.ctx, {
      serverUrl: `${server.url}/`,
      code: await newCode(),
    })

    expect(status).toMatchObject({
      enrolled: true,
      deviceId: t.ctx.deviceId,
      method: 'code',
      commune: { code: '00700' },
      province: { code: '08' },
      serverUrl: server.url,
      awaitingServer: false,
    })
    expect(status.provinceKeyId).toMatch(/^[0-9a-f]{32}$/)
    expect(await getSetting(t.ctx.db, 'server_url')).toBe(server.url)
    const sealed = (await getSetting(t.ctx.db, 'device_enrolment')) ?? ''
    expect(sealed.startsWith('enc1:')).toBe(true)
    const enrolment = await loadEnrolment(t.ctx.db, t.ctx.cipher)
    expect(enrolment?.devicePrivateKey.length).toBeGreaterThan(40)
    expect(sealed).not.toContain(enrolment?.devicePrivateKey.slice(0, 40))
    const info = await dispatch(t.ctx, 'app.info', {})
    expect(info).toMatchObject({
      ok: true,
      data: { communeCode: '00700', provinceName: status.province?.name },
    })
    const devices = dataOf('devices.list', await admin.get('/api/v1/devices'))
    expect(devices.items.map((d) => d.id)).toEqual([t.ctx.deviceId])
  })

  it('shows the villages enrolment gave instead of the built-in pilot list', async () => {
    const created = dataOf(
      'places.createVillage',
      await admin.post('/api/v1/places/communes/00700/villages', {
        name: 'Thôn Bản Mới',
        registeredHouseholds: 42,
      }),
    )
    await enrolWithCode(t.ctx, { serverUrl: server.url, code: await newCode() })

    const villages = await listVillageSummaries(t.ctx)

    expect(villages.map((v) => v.code)).toContain(created.code)
    expect(villages.map((v) => v.name)).not.toContain('Thôn Tả Lủng')
  })

  it('accepts a pasted QR payload and checks the province key it pins', async () => {
    const made = await createEnrolmentCode(admin, server.url)
    const tampered = made.qrPayload.replace(/key=[0-9a-f]+/, `key=${'0'.repeat(32)}`)

    await expect(enrolWithCode(t.ctx, { serverUrl: '', code: tampered })).rejects.toMatchObject({
      code: 'province_key_mismatch',
    })
    expect((await getDeviceStatus(t.ctx)).enrolled).toBe(false)

    const fresh = await createEnrolmentCode(admin, server.url)
    const status = await enrolWithCode(t.ctx, { serverUrl: '', code: fresh.qrPayload })
    expect(status).toMatchObject({ enrolled: true, provinceKeyId: fresh.provinceKeyId })
  })

  it('passes the server reasons through: invalid, used, unreachable', async () => {
    await expect(
      enrolWithCode(t.ctx, { serverUrl: server.url, code: 'AAAA-BBBB-CCCC' }),
    ).rejects.toMatchObject({ code: 'enrolment_code_invalid' })

    const code = await newCode()
    const other = await openTestMain()
    try {
      await enrolWithCode(other.ctx, { serverUrl: server.url, code })
    } finally {
      await other.dispose()
    }
    await expect(enrolWithCode(t.ctx, { serverUrl: server.url, code })).rejects.toMatchObject({
      code: 'enrolment_code_used',
    })
    await expect(
      enrolWithCode(t.ctx, { serverUrl: await closedPortUrl(), code: await newCode() }),
    ).rejects.toMatchObject({ code: 'server_unreachable' })
    expect((await getDeviceStatus(t.ctx)).enrolled).toBe(false)
  })

  it('re-enrolment keeps everything unsynced, which then syncs under the new enrolment', async () => {
    await enrolWithCode(t.ctx, { serverUrl: server.url, code: await newCode() })
    const a = await recordVisit(t.ctx, makeHouseholdResponse())
    await recordVisit(t.ctx, makeHouseholdResponse({ answers: { head_name: 'Lò Thị Mai' } }))
    // An upload sealed with the first key whose answer never came.
    t.setNetwork(async () => {
      throw new TypeError('fetch failed')
    })
    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'server_unreachable' })
    t.setNetwork(network.fetch)

    await enrolWithCode(t.ctx, { serverUrl: server.url, code: await newCode() })

    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 2, sent: 0, rejected: 0 })
    expect(await listHouseholds(t.ctx, {})).toHaveLength(2)
    expect(await runSync(t.ctx)).toMatchObject({ batches: 1, sent: 2, accepted: 2 })
    expect(await server.householdIds()).toContain(a.householdId)
    expect(await server.revisionCount()).toBe(2)
  })
})

describe('enrolment with a file (no network)', () => {
  it('verifies the signed file offline, then presents its token at the first sync', async () => {
    const file = await createEnrolmentFile(admin, server.url)
    const offline = await openTestMain({
      fetch: async () => {
        throw new TypeError('offline')
      },
    })
    try {
      const status = await enrolWithFile(offline.ctx, { content: JSON.stringify(file.envelope) })
      expect(status).toMatchObject({
        enrolled: true,
        method: 'file',
        commune: { code: '00700' },
        serverUrl: server.url,
        awaitingServer: true,
        provinceKeyId: file.envelope.keyId,
      })
      const saved = await recordVisit(offline.ctx, makeHouseholdResponse())

      offline.setNetwork(network.fetch)
      expect(await runSync(offline.ctx)).toMatchObject({ sent: 1, accepted: 1 })
      expect((await getDeviceStatus(offline.ctx)).awaitingServer).toBe(false)
      expect(await server.householdIds()).toEqual([saved.householdId])
    } finally {
      await offline.dispose()
    }
  })

  it('refuses an altered file and a file signed by another key than the trusted one', async () => {
    const file = await createEnrolmentFile(admin, server.url)
    const payload = JSON.parse(Buffer.from(file.envelope.payload, 'base64').toString('utf8'))
    payload.commune = { code: '00706', name: 'Xã khác' }
    const altered = {
      ...file.envelope,
      payload: Buffer.from(JSON.stringify(payload)).toString('base64'),
    }
    await expect(enrolWithFile(t.ctx, { content: JSON.stringify(altered) })).rejects.toMatchObject({
      code: 'enrolment_file_invalid',
    })
    await expect(enrolWithFile(t.ctx, { content: 'not json' })).rejects.toMatchObject({
      code: 'enrolment_file_invalid',
    })
    expect((await getDeviceStatus(t.ctx)).enrolled).toBe(false)

    // Trust on first use: once enrolled, a file from another province key is refused.
    await enrolWithFile(t.ctx, { content: JSON.stringify(file.envelope) })
    const elsewhere = await startTestServer()
    try {
      const otherAdmin = await setUpProvince(elsewhere)
      const foreign = await createEnrolmentFile(otherAdmin, elsewhere.url)
      await expect(
        enrolWithFile(t.ctx, { content: JSON.stringify(foreign.envelope) }),
      ).rejects.toMatchObject({ code: 'province_key_mismatch' })
    } finally {
      await elsewhere.stop()
    }
  })
})

describe('enrolment through IPC', () => {
  it('answers device.status and enrols with device.enrolWithCode', async () => {
    expect(await dispatch(t.ctx, 'device.status', {})).toMatchObject({
      ok: true,
      data: { enrolled: false },
    })
    const enrolled = await dispatch(t.ctx, 'device.enrolWithCode', {
      serverUrl: server.url,
      code: (await newCode()).toLowerCase().replaceAll('-', ' '),
      deviceName: 'Laptop xã Ngọc Đường',
    })
    expect(enrolled).toMatchObject({
      ok: true,
      data: { enrolled: true, deviceName: 'Laptop xã Ngọc Đường' },
    })
  })
})
