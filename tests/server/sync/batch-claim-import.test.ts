import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/server/cli/cli'
import type { CliIo } from '../../../src/server/cli/cli-io'
import { ManualClock } from '../../../src/shared/clock/clock'
import { openReceipt } from '../../../src/shared/sync/batch-codec.node.js'
import { generateDeviceKeyPair } from '../../../src/shared/sync/device-signature.node.js'
import { PROVINCE_SIGNING_KEY } from '../../fixtures/batches/batch-keys'
import { serverStores, type TestServer } from '../../support/server-stores'
import { countRows, dataOf, errorOf } from '../api-client'
import {
  type ConsoleSession,
  consoleCall,
  enrol,
  newTestDevice,
  OTHER_COMMUNE,
  setUpProvince,
  type TestDevice,
} from '../devices/device-test-kit'
import { CLAIM_DEVICE_NAME, createEnrolmentToken, sealClaiming } from './batch-claim-kit'
import {
  enrolDevice,
  householdsOf,
  importFile,
  sealFor,
  startSealedServer,
  uploadSealed,
} from './sealed-batch-kit'

const START = Date.parse('2025-11-24T09:00:00Z')

class RecordingIo implements CliIo {
  readonly lines: string[] = []
  readonly errors: string[] = []
  out(line: string) {
    this.lines.push(line)
  }
  err(line: string) {
    this.errors.push(line)
  }
  async readNewPassword(): Promise<string> {
    throw new Error('not asked')
  }
}

describe.each(serverStores())('a batch file that registers its laptop, on $name', (variant) => {
  const clock = new ManualClock(START)
  let t: TestServer
  let admin: ConsoleSession
  let laptop: TestDevice
  let file: { id: string; token: string }

  beforeEach(async () => {
    clock.set(START)
    t = await startSealedServer(variant, clock)
    admin = await setUpProvince(t, clock)
    laptop = newTestDevice()
    file = await createEnrolmentToken(t, admin)
  })
  afterEach(async () => {
    await t?.close()
  })

  /** devices.enrol with the file's token, as the laptop does at its first online contact. */
  const enrolOnline = (device: TestDevice, token: string) =>
    enrol(t, device, { enrolmentToken: token }, CLAIM_DEVICE_NAME)
  const devices = async () =>
    dataOf('devices.list', await consoleCall(t.url, admin, 'GET', '/api/v1/devices')).items
  const tokenState = async () => {
    const codes = dataOf(
      'devices.enrolmentCodes',
      await consoleCall(t.url, admin, 'GET', '/api/v1/devices/enrolment-codes'),
    )
    return codes.items.find((code) => code.id === file.id)
  }
  const refusedReasons = async () =>
    dataOf(
      'batches.list',
      await consoleCall(t.url, admin, 'GET', '/api/v1/batches?status=refused'),
    ).items.map((row) => row.errorCode)

  it('console import: registers the laptop, stores its households; the same file again is a duplicate', async () => {
    const revisions = householdsOf(laptop, 3)
    const bytes = sealClaiming(laptop, revisions, file.token)

    const first = dataOf('batches.importFile', await importFile(t, admin, bytes))
    expect(first.deviceEnrolment).toEqual({ outcome: 'enrolled', deviceName: CLAIM_DEVICE_NAME })
    expect(first.receipt).toMatchObject({ accepted: 3, duplicate: 0, rejected: 0 })
    expect(openReceipt(first.signedReceipt, PROVINCE_SIGNING_KEY.publicBase64).accepted).toBe(3)
    expect(await countRows(t.store.db)).toMatchObject({ batches: 1, revisions: 3, households: 3 })
    expect(await devices()).toEqual([
      expect.objectContaining({
        id: laptop.id,
        name: CLAIM_DEVICE_NAME,
        communeCode: '00700',
        status: 'active',
      }),
    ])
    expect(await tokenState()).toMatchObject({ state: 'used', deviceId: laptop.id })
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'details_json', 'actor_kind'])
      .where('action', 'in', ['device.enrol', 'batch.imported'])
      .orderBy('at')
      .orderBy('action', 'desc')
      .execute()
    expect(audit.map((a) => [a.action, a.target_id, a.actor_kind])).toEqual([
      ['device.enrol', laptop.id, 'user'],
      ['batch.imported', first.receipt.batchId, 'user'],
    ])
    expect(JSON.parse(audit[0]?.details_json ?? '{}')).toMatchObject({
      kind: 'file',
      via: 'batch',
      batchId: first.receipt.batchId,
      source: 'file',
    })
    expect(JSON.parse(audit[1]?.details_json ?? '{}')).toMatchObject({
      deviceEnrolment: 'enrolled',
    })

    clock.advance(60_000)
    const again = dataOf('batches.importFile', await importFile(t, admin, bytes))
    expect(again.deviceEnrolment).toEqual({ outcome: 'retry', deviceName: CLAIM_DEVICE_NAME })
    expect(again.receipt).toMatchObject({ accepted: 0, duplicate: 3 })
    expect(await countRows(t.store.db)).toMatchObject({ batches: 1, revisions: 3, households: 3 })
    const enrolments = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['device.enrol', 'device.reenrol'])
      .execute()
    expect(enrolments).toHaveLength(1)
  })

  it('a later batch still claiming goes through, by file or signed upload, once registered', async () => {
    await importFile(t, admin, sealClaiming(laptop, householdsOf(laptop, 1, 1), file.token))

    const second = dataOf(
      'batches.importFile',
      await importFile(t, admin, sealClaiming(laptop, householdsOf(laptop, 2, 2), file.token)),
    )
    expect(second.deviceEnrolment?.outcome).toBe('retry')
    expect(second.receipt).toMatchObject({ accepted: 2, duplicate: 0 })

    // The registered laptop's stored upload still carries the claim: same bytes over HTTP.
    const upload = await uploadSealed(
      t,
      laptop,
      sealClaiming(laptop, householdsOf(laptop, 1, 3), file.token),
    )
    const receipt = openReceipt(
      dataOf('sync.uploadSealedBatch', upload),
      PROVINCE_SIGNING_KEY.publicBase64,
    )
    expect(receipt.accepted).toBe(1)
    expect(await countRows(t.store.db)).toMatchObject({ batches: 3, households: 4 })
  })

  it('goes on after the laptop was registered but nothing ingested (online enrolment first)', async () => {
    // The state a failure between registration and ingest leaves: token redeemed by this
    // laptop with this key, no batch stored.
    const online = await enrolOnline(laptop, file.token)
    expect(online.body.ok).toBe(true)

    const imported = dataOf(
      'batches.importFile',
      await importFile(t, admin, sealClaiming(laptop, householdsOf(laptop, 2), file.token)),
    )
    expect(imported.deviceEnrolment?.outcome).toBe('retry')
    expect(imported.receipt.accepted).toBe(2)
  })

  it.each([
    ['expired', 'enrolment_code_expired'],
    ['used by another laptop', 'enrolment_code_used'],
    ['cancelled', 'enrolment_code_invalid'],
    ['for another commune', 'enrolment_commune_mismatch'],
  ])(
    'refuses a token %s with its reason, storing nothing and registering no one',
    async (why, reason) => {
      let token = file.token
      if (why === 'expired') {
        token = (await createEnrolmentToken(t, admin, { validHours: 1 })).token
        clock.advance(2 * 3600_000)
      }
      if (why === 'used by another laptop') {
        const other = newTestDevice()
        expect((await enrolOnline(other, token)).body.ok).toBe(true)
      }
      if (why === 'cancelled') {
        await consoleCall(t.url, admin, 'POST', `/api/v1/devices/enrolment-codes/${file.id}/cancel`)
      }
      if (why === 'for another commune') {
        token = (await createEnrolmentToken(t, admin, { communeCode: OTHER_COMMUNE })).token
      }
      const answer = await importFile(
        t,
        admin,
        sealClaiming(laptop, householdsOf(laptop, 2), token),
      )

      expect(answer.status).toBe(422)
      expect(errorOf(answer).code).toBe(reason)
      expect(await countRows(t.store.db)).toMatchObject({ revisions: 0, households: 0 })
      expect((await devices()).map((d) => d.id)).not.toContain(laptop.id)
      expect(await refusedReasons()).toEqual([reason])
    },
  )

  it('re-enrols a laptop known under a code whose new enrolment by file claims with a new key', async () => {
    await enrolDevice(t, admin, laptop)
    const renewed: TestDevice = { id: laptop.id, keys: generateDeviceKeyPair() }

    const imported = dataOf(
      'batches.importFile',
      await importFile(t, admin, sealClaiming(renewed, householdsOf(renewed, 1), file.token)),
    )
    expect(imported.deviceEnrolment?.outcome).toBe('reenrolled')
    expect(imported.receipt.accepted).toBe(1)
    const row = await t.store.db
      .selectFrom('devices')
      .select(['public_key', 'name'])
      .where('id', '=', laptop.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ public_key: renewed.keys.publicKey, name: CLAIM_DEVICE_NAME })
    // A batch under the replaced key no longer verifies.
    const stale = await importFile(t, admin, sealFor(laptop, householdsOf(laptop, 1, 9)))
    expect(errorOf(stale).code).toBe('device_unknown')
  })

  it('refuses a revoked laptop even when its batch claims again', async () => {
    await importFile(t, admin, sealClaiming(laptop, householdsOf(laptop, 1, 1), file.token))
    await consoleCall(t.url, admin, 'POST', `/api/v1/devices/${laptop.id}/revoke`)

    const answer = await importFile(
      t,
      admin,
      sealClaiming(laptop, householdsOf(laptop, 1, 2), file.token),
    )
    expect(answer.status).toBe(403)
    expect(errorOf(answer).code).toBe('device_revoked')
    expect(await countRows(t.store.db)).toMatchObject({ revisions: 1, households: 1 })
    expect((await devices())[0]?.status).toBe('revoked')
  })

  it('batch:import CLI registers the laptop from the file and says so', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'langso-usb-'))
    try {
      const bytes = sealClaiming(laptop, householdsOf(laptop, 2), file.token)
      const usb = path.join(dir, 'lo.langso-batch')
      await writeFile(usb, bytes)
      const env = { LANGSO_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' }
      const io = new RecordingIo()
      expect(await runCli('batch:import', [usb], env, io, clock)).toBe(0)
      expect(io.lines).toContain('  Nhận mới / Accepted: 2')
      expect(io.lines).toContain(
        `  Đã đăng ký máy từ tệp / Device registered from the file: ${CLAIM_DEVICE_NAME}`,
      )
      expect((await devices()).map((d) => d.id)).toEqual([laptop.id])
      const enrolled = await t.store.db
        .selectFrom('audit_log')
        .select(['actor_kind'])
        .where('action', '=', 'device.enrol')
        .execute()
      expect(enrolled).toEqual([{ actor_kind: 'cli' }])
      expect(await t.store.db.selectFrom('households').select('id').execute()).toHaveLength(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
