import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadEnrolment } from '../../../src/main/device/device-enrolment.repository'
import { enrolWithFile, getDeviceStatus } from '../../../src/main/device/device-enrolment.service'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { exportBatchFile, runSync } from '../../../src/main/sync/sync.service'
import { readBatchManifest } from '../../../src/shared/sync/batch-codec.node.js'
import { dataOf } from '../../server/api-client'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { countingFetch, startTestServer, type TestServer } from '../sync/sync-test-servers'
import { recordVisit } from '../visit-test-helpers'
import { createEnrolmentFile, setUpProvince } from './device-test-kit'

const offline = async (): Promise<Response> => {
  throw new TypeError('offline')
}

let server: TestServer
let admin: ConsoleClient
let laptop: TestMain
let network: ReturnType<typeof countingFetch>

beforeEach(async () => {
  server = await startTestServer()
  admin = await setUpProvince(server)
  network = countingFetch()
  laptop = await openTestMain({ fetch: offline })
})

afterEach(async () => {
  await laptop.dispose()
  await server.stop()
})

/** Province staff import a file from a USB stick in the console. */
async function importInConsole(bytesBase64: string, fileName: string) {
  return dataOf(
    'batches.importFile',
    await admin.post('/api/v1/batches/import', { fileName, contentBase64: bytesBase64 }),
  )
}

describe('a laptop enrolled by file that never goes online', () => {
  it('exports a file that registers it when staff import it; once online it stops claiming', async () => {
    const file = await createEnrolmentFile(admin, server.url)
    const token = JSON.parse(Buffer.from(file.envelope.payload, 'base64').toString('utf8'))
      .enrolmentToken as string
    await enrolWithFile(laptop.ctx, {
      content: JSON.stringify(file.envelope),
      deviceName: 'Laptop bản Khuổi My',
    })
    // The token rests sealed with the other secrets of the enrolment.
    expect((await getSetting(laptop.ctx.db, 'device_enrolment')) ?? '').not.toContain(token)
    const first = await recordVisit(laptop.ctx, makeHouseholdResponse())
    const second = await recordVisit(
      laptop.ctx,
      makeHouseholdResponse({ answers: { head_name: 'Lò Thị Mai' } }),
    )

    const exported = await exportBatchFile(laptop.ctx)
    const bytes = Buffer.from(exported.bytesBase64, 'base64')
    const manifest = readBatchManifest(bytes)
    expect(manifest.formatVersion).toBe(3)
    expect(manifest.deviceId).toBe(laptop.ctx.deviceId)
    expect(manifest.enrolmentClaim?.devicePublicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(bytes.includes(Buffer.from(token))).toBe(false)
    expect(bytes.includes(Buffer.from('Laptop bản Khuổi My'))).toBe(false)

    const imported = await importInConsole(exported.bytesBase64, exported.fileName)
    expect(imported.deviceEnrolment).toEqual({
      outcome: 'enrolled',
      deviceName: 'Laptop bản Khuổi My',
    })
    expect(imported.receipt).toMatchObject({ accepted: 2, rejected: 0 })
    expect((await server.householdIds()).sort()).toEqual(
      [first.householdId, second.householdId].sort(),
    )
    const devices = dataOf('devices.list', await admin.get('/api/v1/devices'))
    expect(devices.items).toEqual([
      expect.objectContaining({ id: laptop.ctx.deviceId, name: 'Laptop bản Khuổi My' }),
    ])

    // Still offline, the laptop cannot know: a later export claims again, and imports.
    const third = await recordVisit(
      laptop.ctx,
      makeHouseholdResponse({ answers: { head_name: 'Hoàng Văn Sáng' } }),
    )
    const again = await exportBatchFile(laptop.ctx)
    expect(readBatchManifest(Buffer.from(again.bytesBase64, 'base64')).formatVersion).toBe(3)
    const reimported = await importInConsole(again.bytesBase64, again.fileName)
    expect(reimported.deviceEnrolment?.outcome).toBe('retry')
    expect(reimported.receipt).toMatchObject({ accepted: 1, duplicate: 2 })
    expect(await server.householdIds()).toContain(third.householdId)

    // Online at last: the token answers as a retry, the receipts settle everything.
    laptop.setNetwork(network.fetch)
    expect(await runSync(laptop.ctx)).toMatchObject({ sent: 3, accepted: 0, duplicate: 3 })
    expect((await getDeviceStatus(laptop.ctx)).awaitingServer).toBe(false)
    expect(await countRevisionsByStatus(laptop.ctx.db)).toEqual({
      pending: 0,
      sent: 3,
      rejected: 0,
    })
    expect((await loadEnrolment(laptop.ctx.db, laptop.ctx.cipher))?.pendingToken).toBeNull()

    await recordVisit(laptop.ctx, makeHouseholdResponse({ answers: { head_name: 'Ma Văn Tài' } }))
    const later = await exportBatchFile(laptop.ctx)
    const plain = readBatchManifest(Buffer.from(later.bytesBase64, 'base64'))
    expect(plain.formatVersion).toBe(3)
    expect(plain.enrolmentClaim).toBeUndefined()
    expect((await importInConsole(later.bytesBase64, later.fileName)).deviceEnrolment).toBeNull()
  })

  it('a laptop enrolled by file that synced online seals its next files without a claim', async () => {
    const file = await createEnrolmentFile(admin, server.url)
    await enrolWithFile(laptop.ctx, { content: JSON.stringify(file.envelope) })
    laptop.setNetwork(network.fetch)
    await recordVisit(laptop.ctx, makeHouseholdResponse())
    // The first online contact presents the token; from then on nothing claims.
    expect(await runSync(laptop.ctx)).toMatchObject({ accepted: 1 })
    await recordVisit(laptop.ctx, makeHouseholdResponse({ answers: { head_name: 'Lò Thị Mai' } }))
    const exported = await exportBatchFile(laptop.ctx)
    expect(readBatchManifest(Buffer.from(exported.bytesBase64, 'base64')).enrolmentClaim).toBe(
      undefined,
    )
  })
})
