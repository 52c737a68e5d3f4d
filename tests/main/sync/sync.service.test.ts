import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getHousehold, listHouseholds } from '../../../src/main/household/household.service'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { openRevision, sealedAt } from '../../../src/main/store/sealed-columns'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { retryDelayMs } from '../../../src/main/sync/sync.client'
import { runSync, SYNC_BATCH_SIZE, setServerUrl } from '../../../src/main/sync/sync.service'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { countingFetch, startTestServer, type TestServer } from './sync-test-servers'

let server: TestServer
let t: TestMain
let network: ReturnType<typeof countingFetch>

// A fresh server per test: every test's device makes the same deterministic ids.
beforeEach(async () => {
  server = await startTestServer()
  network = countingFetch()
  t = await openTestMain({ fetch: network.fetch })
  await setServerUrl(t.ctx, server.server.url)
})

afterEach(async () => {
  await t.dispose()
  await server.stop()
})

async function save(response: FormResponse = makeHouseholdResponse(), householdId?: string) {
  return recordVisit(t.ctx, response, householdId ? { householdId } : {})
}

async function revisionStates() {
  return t.ctx.db.selectFrom('revisions').select(['id', 'status', 'reason', 'batch_id']).execute()
}

async function serverHouseholdIds(): Promise<string[]> {
  return server.householdIds()
}

describe('runSync against the provincial server', () => {
  it('sends pending revisions and marks them sent from the receipt', async () => {
    const a = await save()
    const b = await save(makeHouseholdResponse({ answers: { head_name: 'Lò Thị Mai' } }))

    const report = await runSync(t.ctx)

    expect(report).toEqual({ batches: 1, sent: 2, accepted: 2, duplicate: 0, rejected: 0 })
    expect(network.calls).toEqual([`${server.server.url}/api/v1/sync/batches`])
    const states = await revisionStates()
    expect(states.map((s) => s.status)).toEqual(['sent', 'sent'])
    expect(states[0]?.batch_id).toBeTruthy()
    expect((await listHouseholds(t.ctx, {})).map((h) => h.syncState)).toEqual(['sent', 'sent'])
    expect(await getSetting(t.ctx.db, 'last_sync_at')).toBe(new Date(t.clock.now()).toISOString())
    expect((await serverHouseholdIds()).sort()).toEqual([a.householdId, b.householdId].sort())
  })

  it('marks nothing before the receipt has arrived', async () => {
    const seenWhileSending: Record<string, number>[] = []
    const observing: typeof fetch = async (input, init) => {
      seenWhileSending.push(await countRevisionsByStatus(t.ctx.db))
      return fetch(input, init)
    }
    await t.dispose()
    t = await openTestMain({ fetch: observing })
    await setServerUrl(t.ctx, server.server.url)
    await save()

    await runSync(t.ctx)

    expect(seenWhileSending).toEqual([{ pending: 1, sent: 0, rejected: 0 }])
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 1, rejected: 0 })
  })

  it('sends nothing on a second sync', async () => {
    await save()
    await runSync(t.ctx)
    t.clock.advance(60_000)

    const again = await runSync(t.ctx)

    expect(again).toEqual({ batches: 0, sent: 0, accepted: 0, duplicate: 0, rejected: 0 })
    expect(network.calls).toHaveLength(1)
    expect(await getSetting(t.ctx.db, 'last_sync_at')).toBe(new Date(t.clock.now()).toISOString())
  })

  it(`drains a large outbox in batches of ${SYNC_BATCH_SIZE}, oldest first`, async () => {
    for (let i = 0; i < SYNC_BATCH_SIZE + 5; i++) await save()

    const report = await runSync(t.ctx)

    expect(report).toMatchObject({
      batches: 2,
      sent: SYNC_BATCH_SIZE + 5,
      accepted: SYNC_BATCH_SIZE + 5,
    })
    expect(network.calls).toHaveLength(2)
    expect((await countRevisionsByStatus(t.ctx.db)).pending).toBe(0)
    expect(await serverHouseholdIds()).toHaveLength(SYNC_BATCH_SIZE + 5)
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

    expect(report).toEqual({ batches: 1, sent: 2, accepted: 1, duplicate: 0, rejected: 1 })
    const rejected = await getHousehold(t.ctx, bad.householdId)
    expect(rejected).toMatchObject({ syncState: 'rejected', rejectReason: 'validation_failed' })
    expect(await getHousehold(t.ctx, good.householdId)).toMatchObject({
      syncState: 'sent',
      rejectReason: null,
    })
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 1, rejected: 1 })
    expect((await runSync(t.ctx)).sent).toBe(0) // a rejected revision is not re-sent as is

    await save(makeHouseholdResponse({ answers: { head_name: 'Hoàng Văn Tư' } }), bad.householdId)
    expect((await getHousehold(t.ctx, bad.householdId)).syncState).toBe('pending')
    expect(await runSync(t.ctx)).toMatchObject({ sent: 1, accepted: 1 })
    expect(await getHousehold(t.ctx, bad.householdId)).toMatchObject({
      syncState: 'sent',
      rejectReason: null,
    })
  })

  it('retries after network failures with growing delays and never double-counts', async () => {
    let failuresLeft = 2
    const flaky: typeof fetch = async (input, init) => {
      if (failuresLeft-- > 0) throw new TypeError('fetch failed')
      return fetch(input, init)
    }
    await t.dispose()
    t = await openTestMain({ fetch: flaky })
    await setServerUrl(t.ctx, server.server.url)
    await save()

    expect(await runSync(t.ctx)).toMatchObject({ sent: 1, accepted: 1 })
    expect(t.sleeps).toEqual([retryDelayMs(1), retryDelayMs(2)])
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1))
  })

  it('joins a running sync instead of sending twice', async () => {
    await save()
    await save()

    const [first, second] = await Promise.all([runSync(t.ctx), runSync(t.ctx)])

    expect(first).toEqual({ batches: 1, sent: 2, accepted: 2, duplicate: 0, rejected: 0 })
    expect(second).toEqual(first)
    expect(network.calls).toHaveLength(1)
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 2, rejected: 0 })
  })

  it('is safe to press twice through IPC', async () => {
    await save()
    const [first, second] = await Promise.all([
      dispatch(t.ctx, 'sync.run', {}),
      dispatch(t.ctx, 'sync.run', {}),
    ])
    expect(first).toEqual({
      ok: true,
      data: { batches: 1, sent: 1, accepted: 1, duplicate: 0, rejected: 0 },
    })
    expect(second).toEqual(first)
    expect(network.calls).toHaveLength(1)
  })
})
