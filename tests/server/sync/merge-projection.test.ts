import { afterEach, describe, expect, it } from 'vitest'
import type { SyncBatch } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { completeSetup } from '../auth/auth-test-kit'
import { concurrentScenario, DEVICE_A, DEVICE_B, DEVICE_C, edited } from './merge-scenario'

/** Arrival orders of the scenario's four batches, with re-sent (duplicated) batches. */
const ORDERS = [
  [0, 1, 2, 3],
  [3, 2, 1, 0],
  [2, 0, 2, 3, 1, 3],
  [1, 3, 0, 2, 0],
]

describe.each(serverStores())('field-level merge on $name', (variant) => {
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  /** The scenario's three laptops, enrolled on the server `start` made last. */
  let laptops: HouseholdSeeder
  const start = async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS + 3_600_000) })
    laptops = await HouseholdSeeder.enrol(t, await completeSetup(t), [DEVICE_A, DEVICE_B, DEVICE_C])
    return t
  }
  const upload = (batch: SyncBatch) => laptops.upload(batch)

  /** The household's stored state and its conflicts, as comparable plain data. */
  const snapshot = async (server: TestServer, householdId: string) => {
    const db = server.store.db
    const household = await db
      .selectFrom('households')
      .select(['revision_id', 'hlc', 'merged', 'response_json', 'member_count', 'head_name'])
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow()
    const conflicts = await db
      .selectFrom('conflicts')
      .select([
        'id',
        'question_id',
        'row_id',
        'winner_value_json',
        'loser_value_json',
        'winner_revision_id',
        'loser_revision_id',
        'status',
      ])
      .where('household_id', '=', householdId)
      .orderBy('id')
      .execute()
    const members = await db
      .selectFrom('members')
      .select(['id', 'position'])
      .where('household_id', '=', householdId)
      .orderBy('position')
      .execute()
    return {
      household: { ...household, merged: Number(household.merged) },
      response: JSON.parse(household.response_json) as FormResponse,
      conflicts,
      members,
    }
  }

  it('keeps one-sided changes of three devices and records both-sided ones as conflicts', async () => {
    const server = await start()
    const s = concurrentScenario()
    for (const batch of s.batches) await upload(batch)
    const [r1, r2, r3, r4] = s.revisions
    const { household, response, conflicts, members } = await snapshot(server, s.householdId)

    expect(household.revision_id).toBe(r4.id)
    expect(household.merged).toBe(1)
    expect(response.answers.phone).toBe('0900000002')
    expect(response.answers.h_mobile_signal).toBe('weak')
    expect(response.answers.address).toBe('Số 14, xóm Khuổi My')
    expect(response.repeats.members?.[0]?.answers.birth_year).toBe(1978)
    expect(members).toHaveLength(3)
    expect(household.member_count).toBe(3)
    expect(
      conflicts.map((c) => [c.question_id, c.winner_value_json, c.loser_value_json]).sort(),
    ).toEqual([
      ['birth_year', '1978', '1979'],
      ['phone', '"0900000002"', '"0900000001"'],
    ])
    const phone = conflicts.find((c) => c.question_id === 'phone')
    expect(phone).toMatchObject({ winner_revision_id: r3.id, loser_revision_id: r2.id })
    expect(conflicts.every((c) => c.status === 'open')).toBe(true)
    expect(r1.baseRevisionId).toBeNull()
  })

  it('reaches the same state and conflicts whatever order (and how often) the batches arrive', async () => {
    const states: unknown[] = []
    for (const order of ORDERS) {
      const server = await start()
      const s = concurrentScenario()
      for (const k of order) {
        const batch = s.batches[k]
        if (batch) await upload(batch)
      }
      states.push(await snapshot(server, s.householdId))
      await server.close()
      t = undefined
    }
    const [first, ...rest] = states
    for (const state of rest) expect(state).toEqual(first)
  })

  it('takes an edit made from the merged state whole, keeping the recorded conflicts', async () => {
    const server = await start()
    const s = concurrentScenario()
    for (const batch of s.batches) await upload(batch)
    const merged = await snapshot(server, s.householdId)
    const next = makeRevision({
      householdId: s.householdId,
      deviceId: DEVICE_A,
      baseRevisionId: merged.household.revision_id,
      savedAtMs: FIXTURE_MS + 10_000,
      response: edited(merged.response, (r) => {
        r.answers.h_business = true
        r.answers.h_ecommerce = false
        r.answers.h_qr_payment = true
      }),
    })
    await upload(makeBatch([next], { deviceId: DEVICE_A }))
    const after = await snapshot(server, s.householdId)
    expect(after.household.revision_id).toBe(next.id)
    expect(after.household.merged).toBe(0)
    expect(after.response.answers.phone).toBe('0900000002')
    expect(after.response.answers.h_business).toBe(true)
    expect(after.conflicts).toEqual(merged.conflicts)
  })
})
