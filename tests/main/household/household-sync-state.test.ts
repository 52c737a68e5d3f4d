import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listHouseholds } from '../../../src/main/household/household.service'
import { listVillageSummaries } from '../../../src/main/places/village-progress.service'
import { releaseUnsettledBatches } from '../../../src/main/sync/sealed-batch.repository'
import { exportBatchFile, runSync } from '../../../src/main/sync/sync.service'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import { FIXTURE_VILLAGE, makeHouseholdResponse } from '../../support/household-fixtures'
import { enrolWithServer } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { startTestServer, type TestServer } from '../sync/sync-test-servers'
import { recordVisit } from '../visit-test-helpers'

/**
 * The household list and the village counts tell the states apart: waiting to be sent
 * ("Chờ gửi"), awaiting the province's receipt ("Chờ biên nhận"), sent, rejected.
 */

const OTHER_VILLAGE = PILOT_COMMUNE.villages[1]?.code ?? '00700-02'

let server: TestServer
let t: TestMain

beforeEach(async () => {
  server = await startTestServer()
  t = await openTestMain()
  await enrolWithServer(t.ctx, server)
})

afterEach(async () => {
  await t.dispose()
  await server.stop()
})

async function save(headName: string, villageCode = FIXTURE_VILLAGE) {
  // The form's village answer is where the household is recorded.
  const response = makeHouseholdResponse({ answers: { head_name: headName, village: villageCode } })
  return recordVisit(t.ctx, response, { villageCode })
}

/** Head names per filter, to read the list the way the team does. */
async function namesWith(status: 'pending' | 'awaiting') {
  const listed = await listHouseholds(t.ctx, { status })
  return listed.map((h) => h.headName).sort()
}

/** A fetch that lets every request reach the server and loses every answer. */
function losingEveryAnswer(): typeof fetch {
  return async (input, init) => {
    await (await fetch(input, init)).arrayBuffer()
    throw new TypeError('fetch failed')
  }
}

describe('household sync states in lists and village counts', () => {
  it('counts waiting and awaiting households apart, per village, and filters by each', async () => {
    await save('Lò Văn Một')
    await runSync(t.ctx) // sent
    await save('Lò Văn Hai')
    await save('Lò Văn Ba', OTHER_VILLAGE)
    await exportBatchFile(t.ctx) // both awaiting
    await save('Lò Văn Bốn') // waiting to be sent

    const villages = new Map((await listVillageSummaries(t.ctx)).map((v) => [v.code, v]))

    expect(villages.get(FIXTURE_VILLAGE)).toMatchObject({ households: 3, pending: 1, awaiting: 1 })
    expect(villages.get(OTHER_VILLAGE)).toMatchObject({ households: 1, pending: 0, awaiting: 1 })
    expect(await namesWith('pending')).toEqual(['Lò Văn Bốn'])
    expect(await namesWith('awaiting')).toEqual(['Lò Văn Ba', 'Lò Văn Hai'])
    const states = await listHouseholds(t.ctx, { villageCode: FIXTURE_VILLAGE })
    expect(states.map((h) => [h.headName, h.syncState])).toEqual([
      ['Lò Văn Bốn', 'pending'],
      ['Lò Văn Hai', 'awaiting'],
      ['Lò Văn Một', 'sent'],
    ])

    await runSync(t.ctx)

    const after = await listVillageSummaries(t.ctx)
    expect(after.map((v) => [v.pending, v.awaiting])).toEqual(after.map(() => [0, 0]))
    expect(await server.revisionCount()).toBe(4)
  })

  it('after a re-enrolment releases unanswered uploads, their households wait again', async () => {
    await save('Lò Văn Hai')
    await exportBatchFile(t.ctx)
    await save('Lò Văn Một')
    t.setNetwork(losingEveryAnswer())
    // The upload carries both: an exported record is sent over the network as well.
    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'server_unreachable' })
    expect(await namesWith('awaiting')).toEqual(['Lò Văn Hai', 'Lò Văn Một'])
    const viaUpload = await listHouseholds(t.ctx, { status: 'awaiting' })
    expect(viaUpload.map((h) => h.awaitingVia)).toEqual(['upload', 'upload'])

    await t.ctx.db
      .transaction()
      .execute((trx) => releaseUnsettledBatches(trx, new Date(t.clock.now()).toISOString()))

    // The export still carries the first; the second left only in the released upload.
    const left = await listHouseholds(t.ctx, { status: 'awaiting' })
    expect(left.map((h) => [h.headName, h.awaitingVia])).toEqual([['Lò Văn Hai', 'export']])
    expect(await namesWith('pending')).toEqual(['Lò Văn Một'])
    t.setNetwork(globalThis.fetch.bind(globalThis))
    expect(await runSync(t.ctx)).toMatchObject({ batches: 1, sent: 2 })
    expect(await namesWith('awaiting')).toEqual([])
    expect(await server.revisionCount()).toBe(2)
  })
})

describe('migration 0005 on a store sealed before it', () => {
  it('marks households already in an unsettled batch as awaiting', async () => {
    const exported = await save('Lò Văn Một')
    await exportBatchFile(t.ctx)
    await save('Lò Văn Hai')
    // Back to the schema of 0004: no awaiting columns, the 0002 count index.
    await sql`drop index households_village_result_state_awaiting`.execute(t.ctx.db)
    await sql`alter table households drop column awaiting_since`.execute(t.ctx.db)
    await sql`alter table households drop column awaiting_via`.execute(t.ctx.db)
    await sql`create index households_village_result_state
      on households (village_code, visit_result, sync_state)`.execute(t.ctx.db)
    await sql`delete from kysely_migration where name = '0005_awaiting_receipt'`.execute(t.ctx.db)

    await t.reopen()

    const listed = await listHouseholds(t.ctx, {})
    expect(listed.map((h) => [h.headName, h.syncState, h.awaitingVia])).toEqual([
      ['Lò Văn Hai', 'pending', null],
      ['Lò Văn Một', 'awaiting', 'export'],
    ])
    expect(listed.find((h) => h.id === exported.householdId)?.awaitingSince).not.toBeNull()
  })
})
