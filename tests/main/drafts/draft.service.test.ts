import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  discardDraft,
  getDraft,
  listOpenDrafts,
  startDraft,
  updateDraftAnswers,
} from '../../../src/main/drafts/draft.service'
import { addTeamMember, updateTeam } from '../../../src/main/team/team.service'
import { draftSchema } from '../../../src/shared/api/ipc.contract'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import { FIXTURE_VILLAGE, makeHouseholdResponse } from '../../support/household-fixtures'
import { countRows, openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

const TODAY = '2025-11-24' // FIXTURE_MS is 23:00 on this day in Vietnam

describe('starting a draft', () => {
  it('starts a new household empty in its village, dated today, with the current team member', async () => {
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    const draft = await startDraft(t.ctx, { villageCode: FIXTURE_VILLAGE })
    expect(draftSchema.parse(draft)).toEqual(draft)
    expect(draft).toMatchObject({
      householdId: null,
      villageCode: FIXTURE_VILLAGE,
      visitDate: TODAY,
      enumeratorId: mai.id,
      formId: 'household-digital-readiness',
      formVersion: 1,
      response: { answers: { village: FIXTURE_VILLAGE }, repeats: { members: [] } },
      previous: null,
      previousVisitDate: null,
      cursor: null,
    })
  })

  it('refuses a village that is not the commune’s and a household that does not exist', async () => {
    await expect(startDraft(t.ctx, { villageCode: '99999-01' })).rejects.toMatchObject({
      code: 'unknown_village',
    })
    const missing = startDraft(t.ctx, {
      householdId: '019ab5e6-6c00-7000-8000-00000000beef',
      villageCode: FIXTURE_VILLAGE,
    })
    await expect(missing).rejects.toMatchObject({ code: 'not_found' })
    expect((await countRows(t.ctx)).drafts).toBe(0)
  })

  it('starts a revisit from the latest state: same members, visit answers cleared, previous kept', async () => {
    const response = makeHouseholdResponse({
      members: [{ m_support_given: ['install_vneid'] }, { relation: 'spouse', sex: 'female' }],
    })
    const saved = await recordVisit(t.ctx, response)
    t.clock.advance(90 * 24 * 3600_000)

    const draft = await startDraft(t.ctx, {
      householdId: saved.householdId,
      villageCode: FIXTURE_VILLAGE,
    })

    expect(draft.householdId).toBe(saved.householdId)
    expect(draft.visitDate).toBe('2026-02-22')
    expect(draft.previousVisitDate).toBe('2025-11-24')
    expect(draft.response.answers).not.toHaveProperty('visit_result')
    expect(draft.response.answers).not.toHaveProperty('consent')
    expect(draft.response.answers).toMatchObject({ head_name: 'Nguyễn Văn A', h_internet: 'fibre' })
    const rows = draft.response.repeats.members ?? []
    expect(rows.map((r) => r.id)).toEqual(response.repeats.members?.map((r) => r.id))
    expect(rows[0]?.answers).not.toHaveProperty('m_support_given')
    expect(rows[0]?.answers.m_vneid).toBe('level2')
    expect(draft.previous?.answers.visit_result).toBe('completed')
    expect(draft.previous?.repeats.members?.[0]?.answers.m_support_given).toEqual(['install_vneid'])
  })

  it('resumes the household’s open draft instead of starting a second one', async () => {
    const saved = await recordVisit(t.ctx, makeHouseholdResponse())
    const first = await startDraft(t.ctx, { householdId: saved.householdId, villageCode: 'x' })
    const again = await startDraft(t.ctx, { householdId: saved.householdId, villageCode: 'x' })
    expect(again.id).toBe(first.id)
    expect((await countRows(t.ctx)).drafts).toBe(1)
  })

  it('leaves the enumerator empty when the current member was deactivated', async () => {
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    await updateTeam(t.ctx, { id: mai.id, active: false })
    expect((await startDraft(t.ctx, { villageCode: FIXTURE_VILLAGE })).enumeratorId).toBeNull()
  })
})

describe('autosave', () => {
  it('survives closing and reopening: same answers, same member, same question', async () => {
    const draft = await startDraft(t.ctx, { villageCode: FIXTURE_VILLAGE })
    const response = makeHouseholdResponse({ answers: { head_name: 'Đinh Thị Hoa' } })
    const member = response.repeats.members?.[1]?.id ?? ''
    t.clock.advance(5000)
    const saved = await updateDraftAnswers(t.ctx, {
      id: draft.id,
      response,
      cursor: { sectionId: 'members', rowId: member, questionId: 'birth_year' },
    })
    expect(saved.updatedAt).toBe(new Date(t.clock.now()).toISOString())

    await t.reopen()

    const reopened = await getDraft(t.ctx, draft.id)
    expect(reopened.response).toEqual(response)
    expect(reopened.cursor).toEqual({
      sectionId: 'members',
      rowId: member,
      questionId: 'birth_year',
    })
    expect(reopened.updatedAt).toBe(saved.updatedAt)
    expect(await listOpenDrafts(t.ctx)).toEqual([
      {
        id: draft.id,
        householdId: null,
        villageCode: FIXTURE_VILLAGE,
        headName: 'Đinh Thị Hoa',
        visitDate: TODAY,
        updatedAt: saved.updatedAt,
      },
    ])
  })

  it('changes the visit date, the team member and the village with the answers', async () => {
    const hung = await addTeamMember(t.ctx, 'Hoàng Văn Hùng')
    const draft = await startDraft(t.ctx, { villageCode: FIXTURE_VILLAGE })
    const other = PILOT_COMMUNE.villages[3]?.code ?? ''
    await updateDraftAnswers(t.ctx, {
      id: draft.id,
      response: makeHouseholdResponse({ answers: { village: other } }),
      cursor: null,
      visitDate: '2025-11-20',
      enumeratorId: hung.id,
    })
    expect(await getDraft(t.ctx, draft.id)).toMatchObject({
      villageCode: other,
      visitDate: '2025-11-20',
      enumeratorId: hung.id,
    })
    await updateDraftAnswers(t.ctx, {
      id: draft.id,
      response: makeHouseholdResponse(),
      cursor: null,
      enumeratorId: null,
    })
    expect((await getDraft(t.ctx, draft.id)).enumeratorId).toBeNull()
  })

  it('refuses an unknown draft or team member, and a deactivated member', async () => {
    const draft = await startDraft(t.ctx, { villageCode: FIXTURE_VILLAGE })
    const unknown = '019ab5e6-6c00-7000-8000-00000000beef'
    const update = (id: string, enumeratorId?: string) =>
      updateDraftAnswers(t.ctx, {
        id,
        response: makeHouseholdResponse(),
        cursor: null,
        ...(enumeratorId ? { enumeratorId } : {}),
      })
    await expect(update(unknown)).rejects.toMatchObject({ code: 'not_found' })
    await expect(update(draft.id, unknown)).rejects.toMatchObject({ code: 'not_found' })
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    await updateTeam(t.ctx, { id: mai.id, active: false })
    await expect(update(draft.id, mai.id)).rejects.toMatchObject({ code: 'team_member_inactive' })
  })
})

describe('discarding', () => {
  it('deletes only the draft, never the saved visit, and may be repeated', async () => {
    const saved = await recordVisit(t.ctx, makeHouseholdResponse())
    const draft = await startDraft(t.ctx, { householdId: saved.householdId, villageCode: 'x' })
    expect(await discardDraft(t.ctx, draft.id)).toEqual({})
    expect(await discardDraft(t.ctx, draft.id)).toEqual({})
    await expect(getDraft(t.ctx, draft.id)).rejects.toMatchObject({ code: 'not_found' })
    expect(await countRows(t.ctx)).toMatchObject({ households: 1, visits: 1, drafts: 0 })
  })
})
