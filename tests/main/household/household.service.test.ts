import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startDraft } from '../../../src/main/drafts/draft.service'
import {
  getHousehold,
  getHouseholdVisit,
  listHouseholds,
  listHouseholdVisits,
} from '../../../src/main/household/household.service'
import { listMembers } from '../../../src/main/household/member.repository'
import { openRevision } from '../../../src/main/store/sealed-columns'
import { addTeamMember, updateTeam } from '../../../src/main/team/team.service'
import { householdDetailSchema } from '../../../src/shared/api/ipc.contract'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import {
  FIXTURE_VILLAGE,
  FIXTURE_VISIT_DATE,
  makeHouseholdResponse,
} from '../../support/household-fixtures'
import { countRows, openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

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

describe('saving a visit', () => {
  it('lists, reads and keeps a household with three members across reopening', async () => {
    const saved = await recordVisit(t.ctx, makeHouseholdResponse({ members: THREE_MEMBERS }))

    expect(await listHouseholds(t.ctx, {})).toEqual([
      expect.objectContaining({
        id: saved.householdId,
        villageCode: FIXTURE_VILLAGE,
        headName: 'Nguyễn Văn A',
        memberCount: 3,
        visitResult: 'completed',
        visitDate: FIXTURE_VISIT_DATE,
        syncState: 'pending',
        rejectReason: null,
        draftId: null,
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
    const members = await listMembers(t.ctx.db, saved.householdId)
    expect(members.map((m) => [m.position, m.full_name])).toEqual([
      [0, 'Nguyễn Văn A'],
      [1, 'Trần Thị Bình'],
      [2, 'Nguyễn Minh Châu'],
    ])

    await t.reopen()
    expect(await getHousehold(t.ctx, saved.householdId)).toEqual(detail)
    expect(await countRows(t.ctx)).toEqual({
      households: 1,
      members: 3,
      visits: 1,
      revisions: 1,
      drafts: 0,
    })
  })

  it('queues a sealed revision in the outbox naming the team member', async () => {
    const member = await addTeamMember(t.ctx, 'Lò Thị Mai')
    const saved = await recordVisit(t.ctx, makeHouseholdResponse())
    const row = await t.ctx.db.selectFrom('revisions').selectAll().executeTakeFirstOrThrow()
    expect(row.payload_json.startsWith('enc1:')).toBe(true)
    const revision = openRevision(t.ctx.cipher, row)
    expect(revision).toMatchObject({
      id: saved.revisionId,
      householdId: saved.householdId,
      baseRevisionId: null,
      deviceId: t.ctx.deviceId,
      villageCode: FIXTURE_VILLAGE,
      formId: 'household-digital-readiness',
      visitDate: FIXTURE_VISIT_DATE,
      enumerator: { id: member.id, name: 'Lò Thị Mai' },
    })
    expect(row.hlc).toBe(revision.hlc)
  })

  it('stores the cleaned response: answers to questions that are not asked are dropped', async () => {
    const saved = await recordVisit(
      t.ctx,
      makeHouseholdResponse({ answers: { h_business: false, h_ecommerce: true } }),
    )
    const detail = await getHousehold(t.ctx, saved.householdId)
    expect(detail.response.answers).not.toHaveProperty('h_ecommerce')
    expect(detail.response.answers.h_business).toBe(false)
  })

  it('keeps the roster when a revisit finds nobody at home', async () => {
    const first = await recordVisit(t.ctx, makeHouseholdResponse({ members: THREE_MEMBERS }))
    await recordVisit(
      t.ctx,
      {
        answers: { village: FIXTURE_VILLAGE, head_name: 'Nguyễn Văn A', visit_result: 'absent' },
        repeats: {},
      },
      { householdId: first.householdId, visitDate: '2026-03-02' },
    )
    const [listed] = await listHouseholds(t.ctx, { query: 'chau' })
    expect(listed).toMatchObject({
      id: first.householdId,
      visitResult: 'absent',
      visitDate: '2026-03-02',
      memberCount: 3,
    })
    expect(await listMembers(t.ctx.db, first.householdId)).toHaveLength(3)
    expect(await listHouseholds(t.ctx, { query: '0912345678' })).toHaveLength(1)
  })
})

/** Every Vietnamese letter with a diacritic, lower case (upper case is derived). */
const DIACRITIC_LETTERS = [
  ...'àáảãạ',
  ...'ăằắẳẵặ',
  ...'âầấẩẫậ',
  ...'èéẻẽẹ',
  ...'êềếểễệ',
  ...'ìíỉĩị',
  ...'òóỏõọ',
  ...'ôồốổỗộ',
  ...'ơờớởỡợ',
  ...'ùúủũụ',
  ...'ưừứửữự',
  ...'ỳýỷỹỵ',
  'đ',
]
const BASE: Record<string, string> = { đ: 'd' }
const baseLetter = (c: string) => BASE[c] ?? c.normalize('NFD').charAt(0)

describe('search', () => {
  it('finds names carrying every Vietnamese diacritic, upper and lower case, without accents', async () => {
    const letters = [...DIACRITIC_LETTERS, ...DIACRITIC_LETTERS.map((c) => c.toUpperCase())]
    const ids: string[] = []
    for (const [i, letter] of letters.entries()) {
      const word = `${letter}${String(i).padStart(3, '0')}`
      const saved = await recordVisit(
        t.ctx,
        makeHouseholdResponse({
          answers: { head_name: `Hộ ${word}` },
          members: [{ full_name: `Hộ ${word}` }],
        }),
      )
      ids.push(saved.householdId)
    }
    for (const [i, letter] of letters.entries()) {
      const tag = String(i).padStart(3, '0')
      const folded = `${baseLetter(letter.toLowerCase())}${tag}`
      const found = (await listHouseholds(t.ctx, { query: folded })).map((h) => h.id)
      expect(found, `${letter} as ${folded}`).toEqual([ids[i]])
      const accented = await listHouseholds(t.ctx, { query: `${letter.toUpperCase()}${tag}` })
      expect(accented.map((h) => h.id)).toEqual([ids[i]])
    }
  })

  it('finds a household by head or member name in any order, by address, phone or citizen id', async () => {
    const anh = await recordVisit(
      t.ctx,
      makeHouseholdResponse({
        answers: { head_name: 'Nguyễn Thị Ánh', address: 'Xóm Nà Thác', phone: '0912345678' },
        members: [
          { full_name: 'Nguyễn Thị Ánh', sex: 'female', citizen_id: '008180001234' },
          { full_name: 'Đặng Văn Hùng', relation: 'spouse', mobile: '0387654321' },
        ],
      }),
    )
    const other = await recordVisit(
      t.ctx,
      makeHouseholdResponse({
        answers: { head_name: 'Lò Văn Sinh', phone: '0977000111' },
        members: [{ full_name: 'Lò Văn Sinh' }],
      }),
    )
    const ids = async (query: string) => (await listHouseholds(t.ctx, { query })).map((h) => h.id)

    expect(await ids('nguyen thi anh')).toEqual([anh.householdId])
    expect(await ids('Ánh Nguyễn')).toEqual([anh.householdId])
    expect(await ids('ANH')).toEqual([anh.householdId])
    expect(await ids('dang hung')).toEqual([anh.householdId])
    expect(await ids('ng th an')).toEqual([anh.householdId])
    expect(await ids('na thac')).toEqual([anh.householdId])
    expect(await ids('0912 345 678')).toEqual([anh.householdId])
    expect(await ids('+84 912 345 678')).toEqual([anh.householdId])
    expect(await ids('0387.654.321')).toEqual([anh.householdId])
    expect(await ids('008180001234')).toEqual([anh.householdId])
    expect(await ids('van')).toEqual([other.householdId, anh.householdId])
    expect(await ids('nguyen sinh')).toEqual([])
    expect(await ids('0912 345 679')).toEqual([])
    expect(await ids('hung 0977000111')).toEqual([])
    expect(await ids('')).toEqual([other.householdId, anh.householdId])
  })

  it('filters by village, by status and by open draft, most recently saved first, up to a limit', async () => {
    const [v1, v2] = PILOT_COMMUNE.villages
    const older = await recordVisit(t.ctx, makeHouseholdResponse())
    t.clock.advance(1000)
    const elsewhere = await recordVisit(
      t.ctx,
      makeHouseholdResponse({ answers: { village: v2?.code ?? '' } }),
      { villageCode: v2?.code ?? '' },
    )
    t.clock.advance(1000)
    const absent = await recordVisit(t.ctx, {
      answers: { village: v1?.code ?? '', head_name: 'Lò Văn Sinh', visit_result: 'absent' },
      repeats: {},
    })
    const draft = await startDraft(t.ctx, { householdId: older.householdId, villageCode: '' })

    const ids = async (filter: Parameters<typeof listHouseholds>[1]) =>
      (await listHouseholds(t.ctx, filter)).map((h) => h.id)
    expect(await ids({ villageCode: v1?.code })).toEqual([absent.householdId, older.householdId])
    expect(await ids({ villageCode: v2?.code })).toEqual([elsewhere.householdId])
    expect(await ids({ status: 'absent' })).toEqual([absent.householdId])
    expect(await ids({ status: 'completed', villageCode: v1?.code })).toEqual([older.householdId])
    expect(await ids({ status: 'pending' })).toHaveLength(3)
    expect(await ids({ status: 'rejected' })).toEqual([])
    expect(await ids({ status: 'draft' })).toEqual([older.householdId])
    expect(await ids({ limit: 1 })).toEqual([absent.householdId])
    const [withDraft] = await listHouseholds(t.ctx, { status: 'draft' })
    expect(withDraft?.draftId).toBe(draft.id)
  })
})

describe('visit history', () => {
  it('lists visits newest first with the team member, and shows each with the state before it', async () => {
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    const first = await recordVisit(t.ctx, makeHouseholdResponse({ members: THREE_MEMBERS }), {
      enumeratorId: mai.id,
    })
    const hung = await addTeamMember(t.ctx, 'Hoàng Văn Hùng')
    t.clock.advance(60_000)
    const second = await recordVisit(
      t.ctx,
      makeHouseholdResponse({ members: THREE_MEMBERS.slice(0, 2) }),
      { householdId: first.householdId, visitDate: '2026-03-02', enumeratorId: hung.id },
    )
    expect(second.householdId).toBe(first.householdId)
    await updateTeam(t.ctx, { id: mai.id, active: false })

    const visits = await listHouseholdVisits(t.ctx, first.householdId)
    expect(visits.map((v) => [v.visitDate, v.enumeratorName, v.visitResult])).toEqual([
      ['2026-03-02', 'Hoàng Văn Hùng', 'completed'],
      [FIXTURE_VISIT_DATE, 'Lò Thị Mai', 'completed'],
    ])

    const latest = await getHouseholdVisit(t.ctx, visits[0]?.id ?? '')
    expect(latest.response.repeats.members).toHaveLength(2)
    expect(latest.previous?.repeats.members).toHaveLength(3)
    const earliest = await getHouseholdVisit(t.ctx, visits[1]?.id ?? '')
    expect(earliest.previous).toBeNull()
    expect(earliest.visit.enumeratorName).toBe('Lò Thị Mai')

    const revisions = await t.ctx.db
      .selectFrom('revisions')
      .select(['id', 'base_revision_id'])
      .orderBy('hlc')
      .execute()
    expect(revisions.map((r) => [r.id, r.base_revision_id])).toEqual([
      [first.revisionId, null],
      [second.revisionId, first.revisionId],
    ])
  })

  it('keeps one visit per household and day: a second save the same day replaces it', async () => {
    const first = await recordVisit(t.ctx, makeHouseholdResponse())
    t.clock.advance(60_000)
    await recordVisit(t.ctx, makeHouseholdResponse({ answers: { address: 'Số 14' } }), {
      householdId: first.householdId,
    })
    const visits = await listHouseholdVisits(t.ctx, first.householdId)
    expect(visits).toHaveLength(1)
    expect((await getHouseholdVisit(t.ctx, visits[0]?.id ?? '')).response.answers.address).toBe(
      'Số 14',
    )
    expect(await countRows(t.ctx)).toMatchObject({ visits: 1, revisions: 2 })
  })

  it('answers not_found for unknown households and visits', async () => {
    const unknown = '019ab5e6-6c00-7000-8000-00000000beef'
    await expect(getHousehold(t.ctx, unknown)).rejects.toMatchObject({ code: 'not_found' })
    await expect(listHouseholdVisits(t.ctx, unknown)).rejects.toMatchObject({ code: 'not_found' })
    await expect(getHouseholdVisit(t.ctx, unknown)).rejects.toMatchObject({ code: 'not_found' })
  })
})
