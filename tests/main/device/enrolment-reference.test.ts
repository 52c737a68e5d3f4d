import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enrolWithCode, enrolWithFile } from '../../../src/main/device/device-enrolment.service'
import { currentForm, localFormOrNull } from '../../../src/main/forms/local-forms'
import {
  listVillageSummaries,
  villageProgress,
} from '../../../src/main/places/village-progress.service'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import { dataOf } from '../../server/api-client'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import {
  countingFetch,
  type FakeServer,
  startFakeServer,
  startTestServer,
  type TestServer,
} from '../sync/sync-test-servers'
import {
  createEnrolmentCode,
  createEnrolmentFile,
  createVillage,
  makeTestProvince,
  publishFormVersionTwo,
  setUpProvince,
} from './device-test-kit'

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

const storedVersions = async (main: TestMain) =>
  (
    await main.ctx.db.selectFrom('form_versions').select('version').orderBy('version').execute()
  ).map((r) => r.version)

describe('a laptop enrolled by code', () => {
  it('records on the newest published form and shows registers before any pull', async () => {
    const village = await createVillage(admin, 'Thôn Bản Mới', 42)
    const versionTwo = await publishFormVersionTwo(admin)

    const { code } = await createEnrolmentCode(admin, server.url)
    network.calls.length = 0
    await enrolWithCode(t.ctx, { serverUrl: server.url, code })

    // Enrolment was the only request: no pull brought any of this.
    expect(network.calls.map((url) => new URL(url).pathname)).toEqual(['/api/v1/devices/enrol'])
    expect(currentForm(t.ctx.db)).toEqual(versionTwo)
    expect(localFormOrNull(defaultHouseholdForm.id, 1, t.ctx.db)).toEqual(defaultHouseholdForm)
    expect(await storedVersions(t)).toEqual([1, 2])
    const progress = await villageProgress(t.ctx, village.code)
    expect(progress.village).toMatchObject({ registered: 42, households: 0, notVisited: 42 })
    const summaries = await listVillageSummaries(t.ctx)
    expect(summaries.find((v) => v.code === village.code)?.registered).toBe(42)
  })

  it('re-enrolled by an older file keeps the fresher register the code enrolment gave', async () => {
    const village = await createVillage(admin, 'Thôn Bản Mới', 42)
    const file = await createEnrolmentFile(admin, server.url)
    dataOf(
      'places.updateVillage',
      await admin.call('PUT', `/api/v1/places/villages/${village.code}`, {
        registeredHouseholds: 50,
      }),
    )
    const { code } = await createEnrolmentCode(admin, server.url)
    await enrolWithCode(t.ctx, { serverUrl: server.url, code })
    expect((await villageProgress(t.ctx, village.code)).village.registered).toBe(50)

    await enrolWithFile(t.ctx, { content: JSON.stringify(file.envelope) })

    expect((await villageProgress(t.ctx, village.code)).village.registered).toBe(50)
  })
})

describe('a laptop enrolled by file (no network)', () => {
  it('records on the newest published form and shows registers from the file alone', async () => {
    const village = await createVillage(admin, 'Thôn Bản Mới', 42)
    const versionTwo = await publishFormVersionTwo(admin)
    const file = await createEnrolmentFile(admin, server.url)
    const offline = await openTestMain({
      fetch: async () => {
        throw new TypeError('offline')
      },
    })
    try {
      await enrolWithFile(offline.ctx, { content: JSON.stringify(file.envelope) })

      expect(currentForm(offline.ctx.db)).toEqual(versionTwo)
      expect(await storedVersions(offline)).toEqual([1, 2])
      const progress = await villageProgress(offline.ctx, village.code)
      expect(progress.village).toMatchObject({ registered: 42, notVisited: 42 })
    } finally {
      await offline.dispose()
    }
  })
})

describe('a laptop enrolled by an older server', () => {
  let old: FakeServer

  afterEach(async () => {
    await old?.close()
  })

  it('enrols from an answer without form versions or registers, as before', async () => {
    const province = makeTestProvince()
    const [first] = PILOT_COMMUNE.villages
    old = await startFakeServer((body) => {
      const request = JSON.parse(body.toString('utf8')) as { deviceId: string; deviceName: string }
      // The answer as servers gave it before enrolment carried reference data.
      const data = {
        deviceId: request.deviceId,
        deviceName: request.deviceName,
        commune: { code: PILOT_COMMUNE.code, name: PILOT_COMMUNE.name },
        province: { code: PILOT_COMMUNE.provinceCode, name: PILOT_COMMUNE.provinceName },
        villages: PILOT_COMMUNE.villages.map((v) => ({ code: v.code, name: v.name })),
        provincePublicKeys: {
          signingKeyId: province.signingKeyId,
          signingPublicKey: province.signingPublicKey,
          encryptionKeyId: province.encryptionKeyId,
          encryptionPublicKey: province.encryptionPublicKey,
        },
        serverTime: '2025-11-25T02:00:00.000Z',
      }
      return { status: 200, body: JSON.stringify({ ok: true, data }) }
    })

    const status = await enrolWithCode(t.ctx, { serverUrl: old.url, code: 'AAAA-BBBB-CCCC' })

    expect(status).toMatchObject({ enrolled: true, commune: { code: PILOT_COMMUNE.code } })
    expect(currentForm(t.ctx.db)).toEqual(defaultHouseholdForm)
    expect(await storedVersions(t)).toEqual([])
    expect((await villageProgress(t.ctx, first?.code ?? '')).village.registered).toBeNull()
  })
})
