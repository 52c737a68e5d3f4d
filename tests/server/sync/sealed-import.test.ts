import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import { newId } from '../../../src/shared/ids/uuid'
import { BATCH_ERROR_REASONS, openReceipt } from '../../../src/shared/sync/batch-codec.node.js'
import { generateDeviceKeyPair } from '../../../src/shared/sync/device-signature.node.js'
import { PROVINCE_SIGNING_KEY } from '../../fixtures/batches/batch-keys'
import { hostileCorpus } from '../../fixtures/batches/hostile-corpus'
import { serverStores, type TestServer } from '../../support/server-stores'
import { countRows, dataOf, errorOf } from '../api-client'
import {
  COMMUNE,
  type ConsoleSession,
  consoleCall,
  newTestDevice,
  OTHER_COMMUNE,
  setUpProvince,
  signInAs,
  type TestDevice,
} from '../devices/device-test-kit'
import {
  CORPUS_DEVICE,
  enrolDevice,
  householdsOf,
  importFile,
  sealFor,
  startSealedServer,
  uploadSealed,
} from './sealed-batch-kit'

const START = Date.parse('2025-11-24T09:00:00Z')
/** Reasons that depend on the corpus's tight limits; the server's own limits are wider. */
const LIMIT_CASES = new Set([
  'oversized file',
  'too many revisions declared',
  'declared payload over the limit',
])

describe.each(serverStores())('sealed batch import on $name', (variant) => {
  const clock = new ManualClock(START)
  let t: TestServer
  let admin: ConsoleSession
  let device: TestDevice

  beforeEach(async () => {
    clock.set(START)
    t = await startSealedServer(variant, clock)
    admin = await setUpProvince(t, clock)
    device = newTestDevice()
    await enrolDevice(t, admin, device)
  })
  afterEach(async () => {
    await t?.close()
  })

  const inbox = async (session: ConsoleSession, query = '') =>
    dataOf('batches.list', await consoleCall(t.url, session, 'GET', `/api/v1/batches${query}`))

  it('accepts a signed upload with a verifiable receipt; the same file again, in the console or twice, counts nothing twice', async () => {
    const revisions = householdsOf(device, 3)
    const bytes = sealFor(device, revisions)

    const first = await uploadSealed(t, device, bytes)
    const receipt = openReceipt(
      dataOf('sync.uploadSealedBatch', first),
      PROVINCE_SIGNING_KEY.publicBase64,
    )
    expect(receipt).toMatchObject({ accepted: 3, duplicate: 0, rejected: 0 })
    expect(await countRows(t.store.db)).toMatchObject({ batches: 1, revisions: 3, households: 3 })

    clock.advance(60_000)
    const again = openReceipt(
      dataOf('sync.uploadSealedBatch', await uploadSealed(t, device, bytes)),
      PROVINCE_SIGNING_KEY.publicBase64,
      receipt.batchId,
    )
    expect(again).toMatchObject({ accepted: 0, duplicate: 3, rejected: 0 })

    const imported = dataOf('batches.importFile', await importFile(t, admin, bytes))
    expect(imported.receipt).toMatchObject({ accepted: 0, duplicate: 3 })
    expect(imported.manifest).toMatchObject({ batchId: receipt.batchId, revisions: 3 })
    expect(openReceipt(imported.signedReceipt, PROVINCE_SIGNING_KEY.publicBase64).batchId).toBe(
      receipt.batchId,
    )
    expect(await countRows(t.store.db)).toMatchObject({ batches: 1, revisions: 3, households: 3 })

    const listed = await inbox(admin)
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: receipt.batchId,
        deviceId: device.id,
        communeCode: COMMUNE,
        source: 'http',
        deviceCreatedAt: '2025-11-24T10:00:00.000Z',
        receivedAt: new Date(START).toISOString(),
        clockBehind: false,
        accepted: 3,
        duplicate: 0,
        status: 'ingested',
        fileBytes: bytes.length,
      }),
    ])
    const devices = dataOf(
      'devices.list',
      await consoleCall(t.url, admin, 'GET', '/api/v1/devices'),
    )
    expect(devices.items[0]?.lastSyncAt).toBe(new Date(START + 60_000).toISOString())
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'like', 'batch.%')
      .execute()
    expect(audit).toEqual([{ action: 'batch.imported', target_id: receipt.batchId }])
  })

  it('refuses a revoked device and stores nothing of its batch', async () => {
    const bytes = sealFor(device, householdsOf(device, 2))
    await consoleCall(t.url, admin, 'POST', `/api/v1/devices/${device.id}/revoke`)

    const upload = await uploadSealed(t, device, bytes)
    expect(upload.status).toBe(403)
    expect(errorOf(upload).code).toBe('device_revoked')
    const file = await importFile(t, admin, bytes)
    expect(file.status).toBe(403)
    expect(errorOf(file).code).toBe('device_revoked')

    expect(await countRows(t.store.db)).toMatchObject({ revisions: 0, households: 0 })
    const listed = await inbox(admin)
    expect(listed.items).toEqual([
      expect.objectContaining({ status: 'refused', errorCode: 'device_revoked', source: 'file' }),
    ])
  })

  it('refuses a batch uploaded by another device, or for another commune', async () => {
    const other = newTestDevice()
    await enrolDevice(t, admin, other)
    const bytes = sealFor(device, householdsOf(device, 1))
    const relayed = await uploadSealed(t, device, bytes, other)
    expect(relayed.status).toBe(403)
    expect(errorOf(relayed).code).toBe('device_mismatch')

    const elsewhere = { id: newId(), keys: generateDeviceKeyPair() }
    await enrolDevice(t, admin, elsewhere, OTHER_COMMUNE)
    // Sealed for the pilot commune by a device enrolled in another commune.
    const cross = await uploadSealed(t, elsewhere, sealFor(elsewhere, householdsOf(elsewhere, 1)))
    expect(cross.status).toBe(422)
    expect(errorOf(cross).code).toBe('wrong_commune')
    expect(await countRows(t.store.db)).toMatchObject({ revisions: 0, households: 0 })
  })

  it('refuses every hostile file with its reason, stores nothing and keeps serving', async () => {
    await enrolDevice(t, admin, CORPUS_DEVICE)
    const cases = hostileCorpus()
    for (const hostile of cases) {
      const answer = await importFile(t, admin, hostile.bytes)
      const { code } = errorOf(answer)
      expect(answer.status, hostile.name).toBeGreaterThanOrEqual(400)
      expect(answer.status, hostile.name).toBeLessThan(500)
      expect(BATCH_ERROR_REASONS as readonly string[], hostile.name).toContain(code)
      if (!LIMIT_CASES.has(hostile.name)) expect(code, hostile.name).toBe(hostile.reason)
    }
    const valid = sealFor(device, householdsOf(device, 2))
    const truncated = await uploadSealed(t, device, valid.subarray(0, valid.length - 10))
    expect(errorOf(truncated).code).toBe('batch_malformed')
    expect(truncated.status).toBe(400)

    expect(await countRows(t.store.db)).toMatchObject({
      batches: cases.length + 1,
      revisions: 0,
      households: 0,
      members: 0,
      visits: 0,
    })
    const refused = await inbox(admin, '?status=refused&limit=500')
    expect(refused.total).toBe(cases.length + 1)

    const receipt = dataOf('sync.uploadSealedBatch', await uploadSealed(t, device, valid))
    expect(openReceipt(receipt, PROVINCE_SIGNING_KEY.publicBase64).accepted).toBe(2)
  })

  it('flags a batch whose device clock is earlier than at its previous batch', async () => {
    await uploadSealed(
      t,
      device,
      sealFor(device, householdsOf(device, 1, 1), { createdAt: '2025-11-24T10:00:00.000Z' }),
    )
    clock.advance(3600_000)
    await uploadSealed(
      t,
      device,
      sealFor(device, householdsOf(device, 1, 2), { createdAt: '2024-01-01T00:00:00.000Z' }),
    )
    const listed = await inbox(admin, `?deviceId=${device.id}`)
    expect(listed.items.map((b) => [b.deviceCreatedAt, b.clockBehind])).toEqual([
      ['2024-01-01T00:00:00.000Z', true],
      ['2025-11-24T10:00:00.000Z', false],
    ])
  })

  it('shows a commune viewer only their commune inbox and quarantine', async () => {
    const revisions = householdsOf(device, 2)
    // One revision breaks a rule of the form: it is kept in quarantine, not dropped.
    const broken = { ...revisions[1], communeCode: COMMUNE } as (typeof revisions)[number]
    broken.response = { ...broken.response, answers: { ...broken.response.answers, village: 'x' } }
    const receipt = openReceipt(
      dataOf(
        'sync.uploadSealedBatch',
        await uploadSealed(t, device, sealFor(device, [revisions[0]!, broken])),
      ),
      PROVINCE_SIGNING_KEY.publicBase64,
    )
    expect(receipt).toMatchObject({ accepted: 1, rejected: 1 })

    const viewer = await signInAs(t, admin, 'xem-xa-khac', 'commune_viewer', OTHER_COMMUNE)
    expect((await inbox(viewer)).total).toBe(0)
    const forbidden = await consoleCall(
      t.url,
      viewer,
      'GET',
      `/api/v1/batches?communeCode=${COMMUNE}`,
    )
    expect(forbidden.status).toBe(403)
    const hidden = dataOf(
      'quarantine.list',
      await consoleCall(t.url, viewer, 'GET', '/api/v1/quarantine'),
    )
    expect(hidden.total).toBe(0)

    const own = await signInAs(t, admin, 'xem-xa', 'commune_viewer', COMMUNE)
    expect((await inbox(own)).total).toBe(1)
    const quarantine = dataOf(
      'quarantine.list',
      await consoleCall(t.url, own, 'GET', '/api/v1/quarantine'),
    )
    expect(quarantine.items).toEqual([
      expect.objectContaining({
        revisionId: broken.id,
        batchId: receipt.batchId,
        reason: 'validation_failed',
      }),
    ])
    expect(quarantine.items[0]?.issues.length).toBeGreaterThan(0)
  })
})
