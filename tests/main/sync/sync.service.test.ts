import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getHousehold, listHouseholds } from '../../../src/main/household/household.service'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { openRevision, sealedAt } from '../../../src/main/store/sealed-columns'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { retryDelayMs } from '../../../src/main/sync/sync.client'
import { exportBatchFile, runSync, SYNC_BATCH_SIZE } from '../../../src/main/sync/sync.service'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { readBatchManifest } from '../../../src/shared/sync/batch-codec.node.js'
import { dataOf } from '../../server/api-client'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { enrolWithServer, revokeDevice } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { countingFetch, startTestServer, type TestServer } from './sync-test-servers'

const SEALED_PATH = '/api/v1/sync/sealed-batches'

let server: TestServer
let t: TestMain
let admin: ConsoleClient
let network: ReturnType<typeof countingFetch>

// A fresh server per test: every test's device makes the same deterministic ids.
beforeEach(async () => {
  server = await startTestServer()
  network = countingFetch()
  t = await openTestMain({ fetch: network.fetch })
  admin = await enrolWithServer(t.ctx, server)
  network.calls.length = 0
})

afterEach(async () => {
  await t.dispose()
  await server.stop()
})

/** Restarts the laptop's main process (same store file) with another network. */
async function reopenWith(fetchImpl: typeof fetch): Promise<void> {
  t.setNetwork(fetchImpl)
  await t.reopen()
}

/** The sealed-batch uploads the laptop made (the pull after each sync is not counted). */
function uploads(): string[] {
  return network.calls.filter((url) => url.endsWith(SEALED_PATH))
}

async function save(response: FormResponse = makeHouseholdResponse(), householdId?: string) {
  return recordVisit(t.ctx, response, householdId ? { householdId } : {})
}

async function revisionStates() {
  return t.ctx.db.selectFrom('revisions').select(['id', 'status', 'reason', 'batch_id']).execute()
}

/** A fetch that lets the request reach the server, then loses its answer `times` times. */
function losingAnswers(times: number, bodies: Uint8Array[]): typeof fetch {
  let left = times
  return async (input, init) => {
    if (init?.body instanceof Uint8Array) bodies.push(new Uint8Array(init.body))
    const response = await fetch(input, init)
    if (left-- > 0) {
      await response.arrayBuffer()
      throw new TypeError('fetch failed')
    }
    return response
  }
}

describe('runSync with sealed batches against the provincial server', () => {
  it('uploads a signed sealed batch and marks revisions sent only from the verified receipt', async () => {
    const a = await save()
    const b = await save(makeHouseholdResponse({ answers: { head_name: 'Lò Thị Mai' } }))

    const report = await runSync(t.ctx)

    expect(report).toEqual({
      batches: 1,
      sent: 2,
      accepted: 2,
      duplicate: 0,
      rejected: 0,
      pulled: expect.objectContaining({ households: 0, skipped: 0 }),
    })
    expect(uploads()).toEqual([`${server.url}${SEALED_PATH}`])
    const states = await revisionStates()
    expect(states.map((s) => s.status)).toEqual(['sent', 'sent'])
    const batches = await t.ctx.db.selectFrom('sealed_batches').selectAll().execute()
    expect(batches).toHaveLength(1)
    expect(states[0]?.batch_id).toBe(batches[0]?.id)
    expect(batches[0]?.settled_at).not.toBeNull()
    expect(readBatchManifest(new Uint8Array(batches[0]?.body ?? []))).toMatchObject({
      batchId: batches[0]?.id,
      deviceId: t.ctx.deviceId,
      communeCode: '00700',
      counts: { revisions: 2, households: 2 },
    })
    expect((await listHouseholds(t.ctx, {})).map((h) => h.syncState)).toEqual(['sent', 'sent'])
    expect(await getSetting(t.ctx.db, 'last_sync_at')).toBe(new Date(t.clock.now()).toISOString())
    expect((await server.householdIds()).sort()).toEqual([a.householdId, b.householdId].sort())
  })

  it('stores the sealed batch before uploading and marks nothing before the receipt', async () => {
    const seen: { counts: Record<string, number>; stored: number }[] = []
    t.setNetwork(async (input, init) => {
      if (init?.method !== 'POST') return fetch(input, init)
      const stored = await t.ctx.db.selectFrom('sealed_batches').select('id').execute()
      seen.push({ counts: await countRevisionsByStatus(t.ctx.db), stored: stored.length })
      return fetch(input, init)
    })
    await save()

    await runSync(t.ctx)

    expect(seen).toEqual([{ counts: { pending: 1, sent: 0, rejected: 0 }, stored: 1 }])
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 1, rejected: 0 })
  })

  it('sends nothing on a second sync', async () => {
    await save()
    await runSync(t.ctx)
    t.clock.advance(60_000)

    const again = await runSync(t.ctx)

    expect(again).toEqual({
      batches: 0,
      sent: 0,
      accepted: 0,
      duplicate: 0,
      rejected: 0,
      pulled: expect.objectContaining({ households: 0, skipped: 0 }),
    })
    expect(uploads()).toHaveLength(1)
    expect(await server.revisionCount()).toBe(1)
  })

  it(`drains a large outbox in batches of ${SYNC_BATCH_SIZE}, oldest first`, async () => {
    for (let i = 0; i < SYNC_BATCH_SIZE + 5; i++) await save()

    const report = await runSync(t.ctx)

    expect(report).toMatchObject({ batches: 2, sent: SYNC_BATCH_SIZE + 5 })
    expect(uploads()).toHaveLength(2)
    expect((await countRevisionsByStatus(t.ctx.db)).pending).toBe(0)
    expect(await server.householdIds()).toHaveLength(SYNC_BATCH_SIZE + 5)
    const batchIds = (
      await t.ctx.db.selectFrom('revisions').select('batch_id').orderBy('hlc').execute()
    ).map((r) => r.batch_id)
    expect(new Set(batchIds.slice(0, SYNC_BATCH_SIZE)).size).toBe(1)
    expect(new Set(batchIds.slice(SYNC_BATCH_SIZE)).size).toBe(1)
    expect(batchIds[0]).not.toBe(batchIds[SYNC_BATCH_SIZE])
  })

  it('keeps a rejected revision visible with its reason until the household is saved again', async () => {
    const good = await save()
    const bad = await save(makeHouseholdResponse({ answers: { head_name: 'Hoàng Văn Tư' } }))
    // The server judges with its own copy of the rules; simulate a device whose copy let a
    // revision through that the server refuses (a required answer is missing).
    const row = await t.ctx.db
      .selectFrom('revisions')
      .select(['id', 'payload_json'])
      .where('id', '=', bad.revisionId)
      .executeTakeFirstOrThrow()
    const payload = openRevision(t.ctx.cipher, row)
    delete payload.response.answers.head_name
    await t.ctx.db
      .updateTable('revisions')
      .set({
        payload_json: t.ctx.cipher.sealJson(payload, sealedAt.revisionPayload(bad.revisionId)),
      })
      .where('id', '=', bad.revisionId)
      .execute()

    const report = await runSync(t.ctx)

    expect(report).toMatchObject({ batches: 1, sent: 2, rejected: 1 })
    const rejected = await getHousehold(t.ctx, bad.householdId)
    expect(rejected.syncState).toBe('rejected')
    expect(rejected.rejectReason).toBeTruthy()
    expect(await getHousehold(t.ctx, good.householdId)).toMatchObject({ syncState: 'sent' })
    expect((await runSync(t.ctx)).sent).toBe(0) // a rejected revision is not re-sent as is

    await save(makeHouseholdResponse({ answers: { head_name: 'Hoàng Văn Tư' } }), bad.householdId)
    expect((await getHousehold(t.ctx, bad.householdId)).syncState).toBe('pending')
    expect(await runSync(t.ctx)).toMatchObject({ sent: 1, accepted: 1 })
    expect(await getHousehold(t.ctx, bad.householdId)).toMatchObject({ syncState: 'sent' })
  })

  it('re-sends identical bytes after a lost answer, with growing delays, storing each record once', async () => {
    const bodies: Uint8Array[] = []
    t.setNetwork(losingAnswers(2, bodies))
    await save()
    await save()

    expect(await runSync(t.ctx)).toMatchObject({ batches: 1, sent: 2 })
    expect(t.sleeps).toEqual([retryDelayMs(1), retryDelayMs(2)])
    expect(bodies).toHaveLength(3)
    expect(Buffer.from(bodies[1] ?? []).equals(Buffer.from(bodies[0] ?? []))).toBe(true)
    expect(Buffer.from(bodies[2] ?? []).equals(Buffer.from(bodies[0] ?? []))).toBe(true)
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 2, rejected: 0 })
    expect(await server.revisionCount()).toBe(2)
  })

  it('after a restart, re-sends the batch it had sealed instead of sealing a new one', async () => {
    const bodies: Uint8Array[] = []
    t.setNetwork(losingAnswers(100, bodies))
    await save()
    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'server_unreachable' })
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 1, sent: 0, rejected: 0 })
    const firstBody = bodies[0] ?? new Uint8Array()

    // The same store file, now with a working network.
    const stored = await t.ctx.db.selectFrom('sealed_batches').selectAll().execute()
    expect(stored).toHaveLength(1)
    expect(Buffer.from(stored[0]?.body ?? []).equals(Buffer.from(firstBody))).toBe(true)
    const resent: Uint8Array[] = []
    await reopenWith(async (input, init) => {
      if (init?.body instanceof Uint8Array) resent.push(new Uint8Array(init.body))
      return fetch(input, init)
    })

    const report = await runSync(t.ctx)

    expect(report.batches).toBe(1)
    expect(Buffer.from(resent[0] ?? []).equals(Buffer.from(firstBody))).toBe(true)
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 1, rejected: 0 })
    expect(await server.revisionCount()).toBe(1)
  })

  it('marks nothing when the receipt was tampered with', async () => {
    await save()
    await reopenWith(async (input, init) => {
      const response = await fetch(input, init)
      const answer = (await response.json()) as { ok: boolean; data: { payload: string } }
      const receipt = JSON.parse(Buffer.from(answer.data.payload, 'base64').toString('utf8'))
      receipt.receivedAt = '2030-01-01T00:00:00.000Z'
      answer.data.payload = Buffer.from(JSON.stringify(receipt)).toString('base64')
      return new Response(JSON.stringify(answer), { status: response.status })
    })

    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'bad_receipt' })

    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 1, sent: 0, rejected: 0 })
    // It left in the upload; without a verified receipt it awaits one (and is sent again).
    expect((await listHouseholds(t.ctx, {}))[0]?.syncState).toBe('awaiting')
    const open = await t.ctx.db.selectFrom('sealed_batches').select('settled_at').execute()
    expect(open).toEqual([{ settled_at: null }])
  })

  it('answers device_revoked for a revoked laptop and marks nothing', async () => {
    await save()
    await revokeDevice(admin, t.ctx.deviceId)

    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'device_revoked' })

    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 1, sent: 0, rejected: 0 })
    expect(await server.revisionCount()).toBe(0)
    expect(uploads()).toHaveLength(1) // refused, not retried
  })

  it('exports a batch file; once imported, the next online sync settles its records as duplicates', async () => {
    const a = await save()
    await save()

    const exported = await exportBatchFile(t.ctx)

    expect(exported.revisions).toBe(2)
    expect(exported.fileName).toMatch(/^langso-00700-\d{8}-\d{4}-[0-9a-f]{8}\.langso-batch$/)
    const bytes = Buffer.from(exported.bytesBase64, 'base64')
    expect(readBatchManifest(bytes)).toMatchObject({
      batchId: exported.batchId,
      counts: { revisions: 2 },
    })
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 2, sent: 0, rejected: 0 })
    expect(await dispatch(t.ctx, 'sync.status', {})).toMatchObject({
      ok: true,
      data: { pending: 2, lastExport: { batchId: exported.batchId, revisions: 2 } },
    })
    expect(uploads()).toEqual([])

    // Province staff import the file from the USB stick in the console.
    const imported = dataOf(
      'batches.importFile',
      await admin.post('/api/v1/batches/import', {
        fileName: exported.fileName,
        contentBase64: exported.bytesBase64,
      }),
    )
    expect(imported.receipt.accepted).toBe(2)
    expect(await server.householdIds()).toContain(a.householdId)

    const report = await runSync(t.ctx)

    expect(report).toMatchObject({ batches: 1, sent: 2, accepted: 0, duplicate: 2 })
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 2, rejected: 0 })
    expect(await server.revisionCount()).toBe(2)
  })

  it('joins a running sync instead of sending twice', async () => {
    await save()
    await save()

    const [first, second] = await Promise.all([runSync(t.ctx), runSync(t.ctx)])

    expect(first).toMatchObject({ batches: 1, sent: 2, accepted: 2, duplicate: 0, rejected: 0 })
    expect(second).toEqual(first)
    expect(uploads()).toHaveLength(1)
  })

  it('is safe to press twice through IPC', async () => {
    await save()
    const [first, second] = await Promise.all([
      dispatch(t.ctx, 'sync.run', {}),
      dispatch(t.ctx, 'sync.run', {}),
    ])
    expect(first).toEqual({
      ok: true,
      data: {
        batches: 1,
        sent: 1,
        accepted: 1,
        duplicate: 0,
        rejected: 0,
        pulled: expect.objectContaining({ households: 0, skipped: 0 }),
      },
    })
    expect(second).toEqual(first)
    expect(uploads()).toHaveLength(1)
  })
})
