import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  getHousehold,
  listHouseholds,
  listVillageSummaries,
  saveHousehold,
} from '../../../src/main/household/household.service'
import { listMembers } from '../../../src/main/household/member.repository'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { householdDetailSchema } from '../../../src/shared/api/ipc.contract'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { householdRevisionSchema } from '../../../src/shared/household/household-revision.schema'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import {
  FIXTURE_VILLAGE,
  FIXTURE_VISIT_DATE,
  makeHouseholdResponse,
} from '../../support/household-fixtures'
import { countRows, openTestMain, type TestMain } from '../main-test-context'

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

const THREE_MEMBERS = [
  {},
  { full_name: 'Trần Thị Bình', relation: 'spouse', sex: 'female', birth_year: 1983 },
  { full_name: 'Nguyễn Minh Châu', relation: 'child', sex: 'male', birth_year: 2008 },
]

async function save(
  response: FormResponse,
  extra: { householdId?: string; visitDate?: string } = {},
) {
  const result = await saveHousehold(t.ctx, {
    villageCode: FIXTURE_VILLAGE,
    visitDate: extra.visitDate ?? FIXTURE_VISIT_DATE,
    response,
    ...(extra.householdId ? { householdId: extra.householdId } : {}),
  })
  if (result.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(result.issues)}`)
  return result
}

describe('saveHousehold', () => {
  it('saves a household with three members; it is listed, readable and survives reopening', async () => {
    const response = makeHouseholdResponse({ members: THREE_MEMBERS })
    const saved = await save(response)

    const listed = await listHouseholds(t.ctx, {})
    expect(listed).toEqual([
      expect.objectContaining({
        id: saved.householdId,
        villageCode: FIXTURE_VILLAGE,
        headName: 'Nguyễn Văn A',
        memberCount: 3,
        visitResult: 'completed',
        visitDate: FIXTURE_VISIT_DATE,
        syncState: 'pending',
      }),
    ])

    const detail = await getHousehold(t.ctx, saved.householdId)
    expect(householdDetailSchema.parse(detail)).toEqual(detail)
    expect(detail.revisionId).toBe(saved.revisionId)
    expect(detail.response.repeats.members?.map((m) => m.answers.full_name)).toEqual([
      'Nguyễn Văn A',
      'Trần Thị Bình',
      'Nguyễn Minh Châu',
    ])
    expect(detail.rejectReason).toBeNull()
    const members = await listMembers(t.ctx.db, saved.householdId)
    expect(members.map((m) => [m.position, m.full_name])).toEqual([
      [0, 'Nguyễn Văn A'],
      [1, 'Trần Thị Bình'],
      [2, 'Nguyễn Minh Châu'],
    ])

    await t.reopen()
    expect(await getHousehold(t.ctx, saved.householdId)).toEqual(detail)
    expect(await countRows(t.ctx)).toEqual({ households: 1, members: 3, visits: 1, revisions: 1 })
  })

  it('queues a complete revision in the outbox, stamped and tied to the device', async () => {
    const saved = await save(makeHouseholdResponse())
    const row = await t.ctx.db.selectFrom('revisions').selectAll().executeTakeFirstOrThrow()
    const revision = householdRevisionSchema.parse(JSON.parse(row.payload_json))
    expect(row.status).toBe('pending')
    expect(revision).toMatchObject({
      id: saved.revisionId,
      householdId: saved.householdId,
      baseRevisionId: null,
      deviceId: t.ctx.deviceId,
      communeCode: PILOT_COMMUNE.code,
      villageCode: FIXTURE_VILLAGE,
      formId: 'household-digital-readiness',
      formVersion: 1,
      visitDate: FIXTURE_VISIT_DATE,
      savedAt: new Date(t.clock.now()).toISOString(),
    })
    expect(row.hlc).toBe(revision.hlc)
    expect(await getSetting(t.ctx.db, 'hlc_last')).toBe(revision.hlc)
  })

  it('stores the cleaned response: answers to questions that are not asked are dropped', async () => {
    // h_ecommerce is asked only of households running a business.
    const saved = await save(
      makeHouseholdResponse({ answers: { h_business: false, h_ecommerce: true } }),
    )
    const detail = await getHousehold(t.ctx, saved.householdId)
    expect(detail.response.answers).not.toHaveProperty('h_ecommerce')
    expect(detail.response.answers.h_business).toBe(false)
  })

  it('refuses a response with errors and writes nothing', async () => {
    const result = await saveHousehold(t.ctx, {
      villageCode: FIXTURE_VILLAGE,
      visitDate: FIXTURE_VISIT_DATE,
      response: makeHouseholdResponse({ omit: ['head_name'] }),
    })
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'required', questionId: 'head_name' }),
    )
    expect(await countRows(t.ctx)).toEqual({ households: 0, members: 0, visits: 0, revisions: 0 })
    expect(await getSetting(t.ctx.db, 'hlc_last')).toBeNull()
  })

  it('returns warnings with a saved household (an unknown mobile prefix does not block)', async () => {
    const result = await saveHousehold(t.ctx, {
      villageCode: FIXTURE_VILLAGE,
      visitDate: FIXTURE_VISIT_DATE,
      response: makeHouseholdResponse({ answers: { phone: '0212345678' } }),
    })
    expect(result.status).toBe('saved')
    if (result.status !== 'saved') return
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ severity: 'warning', questionId: 'phone' }),
    )
  })

  it('takes the village from the input when the form left it blank', async () => {
    const other = PILOT_COMMUNE.villages[2]?.code ?? ''
    const saved = await saveHousehold(t.ctx, {
      villageCode: other,
      visitDate: FIXTURE_VISIT_DATE,
      response: makeHouseholdResponse({ omit: ['village'] }),
    })
    expect(saved.status).toBe('saved')
    expect(await listHouseholds(t.ctx, { villageCode: other })).toHaveLength(1)
  })

  it('updates a household: same-day saves share the visit, each revision builds on the last', async () => {
    const first = await save(makeHouseholdResponse({ members: THREE_MEMBERS }))
    const response = makeHouseholdResponse({ members: THREE_MEMBERS.slice(0, 2) })
    t.clock.advance(60_000)
    const second = await save(response, { householdId: first.householdId })
    t.clock.advance(60_000)
    const third = await save(response, { householdId: first.householdId, visitDate: '2025-11-25' })

    expect(second.householdId).toBe(first.householdId)
    const revisions = await t.ctx.db
      .selectFrom('revisions')
      .select(['id', 'base_revision_id', 'visit_id', 'hlc'])
      .orderBy('hlc')
      .execute()
    expect(revisions.map((r) => [r.id, r.base_revision_id])).toEqual([
      [first.revisionId, null],
      [second.revisionId, first.revisionId],
      [third.revisionId, second.revisionId],
    ])
    expect(revisions[0]?.visit_id).toBe(revisions[1]?.visit_id)
    expect(revisions[2]?.visit_id).not.toBe(revisions[1]?.visit_id)
    expect(await countRows(t.ctx)).toEqual({ households: 1, members: 2, visits: 2, revisions: 3 })
    const detail = await getHousehold(t.ctx, first.householdId)
    expect(detail).toMatchObject({
      revisionId: third.revisionId,
      memberCount: 2,
      visitDate: '2025-11-25',
    })
  })

  it('refuses to update a household that does not exist, writing nothing', async () => {
    const missing = saveHousehold(t.ctx, {
      householdId: '019ab5e6-6c00-7000-8000-00000000dead',
      villageCode: FIXTURE_VILLAGE,
      visitDate: FIXTURE_VISIT_DATE,
      response: makeHouseholdResponse(),
    })
    await expect(missing).rejects.toMatchObject({ code: 'not_found' })
    expect(await countRows(t.ctx)).toEqual({ households: 0, members: 0, visits: 0, revisions: 0 })
  })
})

describe('listHouseholds', () => {
  it('finds households accent-free by head name, member name, address and phone', async () => {
    const a = await save(makeHouseholdResponse({ members: THREE_MEMBERS }))
    const b = await save(
      makeHouseholdResponse({
        answers: { head_name: 'Đặng Thị Hoa', address: 'Xóm Nà Thác', phone: '0987654321' },
        members: [{ full_name: 'Đặng Thị Hoa', relation: 'head', sex: 'female', birth_year: 1990 }],
      }),
    )
    const ids = async (query: string) => (await listHouseholds(t.ctx, { query })).map((h) => h.id)

    expect(await ids('nguyen van a')).toEqual([a.householdId])
    expect(await ids('NGUYỄN văn')).toEqual([a.householdId])
    expect(await ids('chau minh')).toEqual([a.householdId])
    expect(await ids('dang hoa')).toEqual([b.householdId])
    expect(await ids('na thac')).toEqual([b.householdId])
    expect(await ids('0987 654 321')).toEqual([b.householdId])
    expect(await ids('thi')).toEqual([b.householdId, a.householdId])
    expect(await ids('nguyen hoa')).toEqual([])
    expect(await ids('')).toEqual([b.householdId, a.householdId])
  })

  it('filters by village and lists the most recently saved first', async () => {
    const [v1, v2] = PILOT_COMMUNE.villages
    const older = await save(makeHouseholdResponse())
    t.clock.advance(1000)
    const other = await save(makeHouseholdResponse({ answers: { village: v2?.code ?? '' } }))
    t.clock.advance(1000)
    const newer = await save(makeHouseholdResponse({ answers: { head_name: 'Lò Văn Sinh' } }))

    const inV1 = await listHouseholds(t.ctx, { villageCode: v1?.code })
    expect(inV1.map((h) => h.id)).toEqual([newer.householdId, older.householdId])
    const inV2 = await listHouseholds(t.ctx, { villageCode: v2?.code })
    expect(inV2.map((h) => h.id)).toEqual([other.householdId])
  })
})

describe('listVillageSummaries', () => {
  it('lists every pilot village with its household and pending counts', async () => {
    await save(makeHouseholdResponse())
    await save(makeHouseholdResponse())
    const summaries = await listVillageSummaries(t.ctx)
    expect(summaries.map((s) => s.code)).toEqual(PILOT_COMMUNE.villages.map((v) => v.code))
    expect(summaries[0]).toMatchObject({ code: FIXTURE_VILLAGE, households: 2, pending: 2 })
    expect(summaries.slice(1).every((s) => s.households === 0 && s.pending === 0)).toBe(true)
  })
})

describe('getHousehold', () => {
  it('answers not_found for an unknown id', async () => {
    await expect(getHousehold(t.ctx, '019ab5e6-6c00-7000-8000-00000000beef')).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    )
  })
})
