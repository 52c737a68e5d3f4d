import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { Answers, FormResponse } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import {
  type AnswerOverrides,
  FIXTURE_MS,
  makeBatch,
  makeHouseholdResponse,
  makeRevision,
} from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { addUser, type ConsoleClient, completeSetup, OTHER_COMMUNE } from '../auth/auth-test-kit'

const LAPTOP_A = '019ab5e6-6c00-7000-8000-00000000000a'
const LAPTOP_B = '019ab5e6-6c00-7000-8000-00000000000b'
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const HA = { id: '019ab5e6-6c00-7000-8000-0000000000e1', name: 'Nông Thị Hà' }
const NAM = { id: '019ab5e6-6c00-7000-8000-0000000000e2', name: 'Hoàng Văn Nam' }

/** Answers merged over others; an answer set to undefined is removed. */
function merged(answers: Answers, changes: AnswerOverrides): Answers {
  const result: Answers = { ...answers }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key]
    else result[key] = value
  }
  return result
}

/** A copy of a response with some household answers and one member's answers changed. */
function edited(
  response: FormResponse,
  answers: AnswerOverrides,
  member?: { index: number; answers: AnswerOverrides },
): FormResponse {
  const members = (response.repeats.members ?? []).map((row, i) =>
    member && i === member.index ? { ...row, answers: merged(row.answers, member.answers) } : row,
  )
  return { answers: merged(response.answers, answers), repeats: { members } }
}

/**
 * A household's history over real HTTP on both stores: two visits by two laptops, each
 * revision with its team member and laptop, a rejected revision, and a revision the server
 * wrote when staff settled a conflict for the other value.
 */
describe.each(serverStores())('household history on $name', (variant) => {
  let t: TestServer
  let staff: ConsoleClient
  let outsider: ConsoleClient
  let created: HouseholdRevision
  let corrected: HouseholdRevision
  let revisit: HouseholdRevision
  let late: HouseholdRevision
  let broken: HouseholdRevision

  const history = async (client: ConsoleClient = staff) =>
    dataOf(
      'households.history',
      await client.get(`/api/v1/households/${created.householdId}/history`),
    )

  beforeAll(async () => {
    const clock = new ManualClock(FIXTURE_MS)
    t = await startTestServer(variant, { clock })
    const admin = await completeSetup(t)
    staff = (await addUser(t, admin, { username: 'staff', role: 'province_staff' })).client
    outsider = (
      await addUser(t, admin, {
        username: 'viewer',
        role: 'commune_viewer',
        communeCode: OTHER_COMMUNE,
      })
    ).client
    const laptops = await HouseholdSeeder.enrol(t, admin, [LAPTOP_A, LAPTOP_B])

    const first = makeHouseholdResponse()
    created = { ...makeRevision({ deviceId: LAPTOP_A, response: first }), enumerator: HA }
    // Same visit, a minute later: the signal was weak after all, the spouse has a smartphone.
    corrected = {
      ...makeRevision({
        deviceId: LAPTOP_A,
        householdId: created.householdId,
        visitId: created.visitId,
        baseRevisionId: created.id,
        savedAtMs: FIXTURE_MS + MINUTE,
        response: edited(
          first,
          { h_mobile_signal: 'weak' },
          { index: 1, answers: { m_phone: 'smartphone', m_no_smartphone_reason: undefined } },
        ),
      }),
      enumerator: HA,
    }
    expect(
      (await laptops.upload(makeBatch([created, corrected], { deviceId: LAPTOP_A }))).accepted,
    ).toBe(2)

    // The next day, laptop B revisits: the household got fibre... and laptop A, not synced
    // since the first visit, records "no internet" on the same visit: a conflict.
    const base = corrected.response
    revisit = {
      ...makeRevision({
        deviceId: LAPTOP_B,
        householdId: created.householdId,
        baseRevisionId: corrected.id,
        savedAtMs: FIXTURE_MS + DAY,
        visitDate: '2025-11-25',
        response: edited(base, { h_internet: 'other', h_no_fibre_reason: ['cost'] }),
      }),
      enumerator: NAM,
    }
    late = {
      ...makeRevision({
        deviceId: LAPTOP_A,
        householdId: created.householdId,
        visitId: created.visitId,
        baseRevisionId: corrected.id,
        savedAtMs: FIXTURE_MS + DAY + MINUTE,
        response: edited(base, { h_internet: 'none', h_no_fibre_reason: ['no_infra'] }),
      }),
      enumerator: HA,
    }
    // A save the form refuses (the head's name is gone): kept in the quarantine.
    const withoutHead = { ...revisit.response.answers }
    delete withoutHead.head_name
    broken = {
      ...makeRevision({
        deviceId: LAPTOP_B,
        householdId: created.householdId,
        visitId: revisit.visitId,
        baseRevisionId: revisit.id,
        savedAtMs: FIXTURE_MS + DAY + 2 * MINUTE,
        visitDate: '2025-11-25',
        response: { ...revisit.response, answers: withoutHead },
      }),
      enumerator: NAM,
    }
    clock.advance(MINUTE)
    const fromB = await laptops.upload(makeBatch([revisit, broken], { deviceId: LAPTOP_B }))
    expect(fromB).toMatchObject({ accepted: 1, rejected: 1 })
    clock.advance(MINUTE)
    expect((await laptops.upload(makeBatch([late], { deviceId: LAPTOP_A }))).accepted).toBe(1)

    // Staff keep laptop B's answer: the server writes a revision setting it.
    const conflicts = dataOf(
      'conflicts.list',
      await staff.get(`/api/v1/conflicts?householdId=${created.householdId}&status=open`),
    )
    const internet = conflicts.items.find((c) => c.questionId === 'h_internet')
    expect(internet?.winnerRevisionId).toBe(late.id)
    clock.advance(MINUTE)
    dataOf(
      'conflicts.resolve',
      await staff.post(`/api/v1/conflicts/${internet?.id}/resolve`, { choose: 'loser' }),
    )
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  it('lists every revision newest first, with its laptop, team member and outcome', async () => {
    const { revisions, truncated } = await history()
    expect(truncated).toBe(false)
    expect(revisions).toHaveLength(6)
    const settled = revisions.find((r) => r.madeByServer)
    // Stamp order: the server's revision follows the head it was made from (`late`).
    expect(revisions.map((r) => r.id)).toEqual([
      broken.id,
      settled?.id,
      late.id,
      revisit.id,
      corrected.id,
      created.id,
    ])
    expect(settled).toMatchObject({
      madeByServer: true,
      deviceName: null,
      enumeratorName: null,
      settledBy: 'staff',
      baseRevisionId: late.id,
      isHead: true,
      status: 'accepted',
    })
    expect(settled?.response.answers.h_internet).toBe('other')
    const byId = new Map(revisions.map((r) => [r.id, r]))
    expect(byId.get(created.id)).toMatchObject({
      deviceId: LAPTOP_A,
      deviceName: `Laptop ${LAPTOP_A.slice(-4)}`,
      enumeratorName: HA.name,
      baseRevisionId: null,
      status: 'accepted',
      isHead: false,
      madeByServer: false,
    })
    expect(byId.get(revisit.id)).toMatchObject({
      deviceName: `Laptop ${LAPTOP_B.slice(-4)}`,
      enumeratorName: NAM.name,
      baseRevisionId: corrected.id,
      visitId: revisit.visitId,
    })
    expect(byId.get(broken.id)).toMatchObject({
      status: 'rejected',
      reason: 'validation_failed',
      enumeratorName: NAM.name,
    })
  })

  it('carries each revision’s response, so what it changed against its base can be shown', async () => {
    const byId = new Map((await history()).revisions.map((r) => [r.id, r]))
    const before = byId.get(created.id)?.response
    const after = byId.get(corrected.id)?.response
    expect(before?.answers.h_mobile_signal).toBe('good')
    expect(after?.answers.h_mobile_signal).toBe('weak')
    expect(before?.repeats.members?.[1]?.answers.m_phone).toBe('basic')
    expect(after?.repeats.members?.[1]?.answers.m_phone).toBe('smartphone')
    expect(after?.repeats.members?.map((m) => m.id)).toEqual(
      before?.repeats.members?.map((m) => m.id),
    )
  })

  it('lists the visits newest first with how many revisions each received', async () => {
    const { visits } = await history()
    expect(visits.map((v) => [v.id, v.visitDate, v.revisionCount])).toEqual([
      [revisit.visitId, '2025-11-25', 2],
      [created.visitId, '2025-11-24', 4],
    ])
    expect(visits[0]?.visitResult).toBe('completed')
  })

  it('answers 404 for an unknown household and 403 to a viewer of another commune', async () => {
    const unknown = await staff.get(
      '/api/v1/households/019ab5e6-6c00-7000-8000-0000000000ff/history',
    )
    expect(unknown.status).toBe(404)
    expect(errorOf(unknown).code).toBe('not_found')
    const refused = await outsider.get(`/api/v1/households/${created.householdId}/history`)
    expect(refused.status).toBe(403)
    expect(errorOf(refused).code).toBe('forbidden')
  })
})
