import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getDraft, startDraft, updateDraftAnswers } from '../../../src/main/drafts/draft.service'
import { finalizeDraft } from '../../../src/main/drafts/draft-finalize.service'
import { getHousehold } from '../../../src/main/household/household.service'
import { getSetting } from '../../../src/main/settings/settings.repository'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
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

/** A draft holding `response`, for a new household or a revisit. */
async function draftWith(response: FormResponse, householdId?: string): Promise<string> {
  const draft = await startDraft(t.ctx, {
    villageCode: FIXTURE_VILLAGE,
    ...(householdId ? { householdId } : {}),
  })
  await updateDraftAnswers(t.ctx, {
    id: draft.id,
    response,
    cursor: null,
    visitDate: FIXTURE_VISIT_DATE,
  })
  return draft.id
}

async function expectNothingSaved(draftId: string, households = 0): Promise<void> {
  expect(await countRows(t.ctx)).toMatchObject({ households, drafts: 1 })
  expect((await countRows(t.ctx)).revisions).toBe(households)
  await expect(getDraft(t.ctx, draftId)).resolves.toMatchObject({ id: draftId })
}

describe('finalizing a draft', () => {
  it('saves a valid visit and deletes the draft in the same transaction', async () => {
    const id = await draftWith(makeHouseholdResponse())
    const result = await finalizeDraft(t.ctx, { id, confirmWarnings: false })
    expect(result).toMatchObject({ status: 'saved', warnings: [] })
    if (result.status !== 'saved') return
    expect(await countRows(t.ctx)).toEqual({
      households: 1,
      members: 2,
      visits: 1,
      revisions: 1,
      drafts: 0,
    })
    expect((await getHousehold(t.ctx, result.householdId)).revisionId).toBe(result.revisionId)
    await expect(finalizeDraft(t.ctx, { id, confirmWarnings: true })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('blocks errors and writes nothing, not even a clock stamp', async () => {
    const id = await draftWith(makeHouseholdResponse({ omit: ['head_name'] }))
    const result = await finalizeDraft(t.ctx, { id, confirmWarnings: true })
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'required', questionId: 'head_name' }),
    )
    await expectNothingSaved(id)
    expect(await getSetting(t.ctx.db, 'hlc_last')).toBeNull()
  })

  it('blocks a consenting household whose roster has no head, or two', async () => {
    for (const relations of [['spouse', 'child'], ['head', 'head'], []]) {
      const id = await draftWith(
        makeHouseholdResponse({ members: relations.map((relation) => ({ relation })) }),
      )
      const result = await finalizeDraft(t.ctx, { id, confirmWarnings: true })
      expect(result).toEqual({
        status: 'invalid',
        issues: [
          expect.objectContaining({
            code: 'repeat_row_count',
            questionId: 'members',
            params: expect.objectContaining({
              rule: 'one_head',
              count: relations.filter((r) => r === 'head').length,
            }),
          }),
        ],
      })
    }
    expect((await countRows(t.ctx)).households).toBe(0)
  })

  it('asks to confirm warnings, then saves them with the visit', async () => {
    const id = await draftWith(makeHouseholdResponse({ answers: { phone: '0212345678' } }))
    const asked = await finalizeDraft(t.ctx, { id, confirmWarnings: false })
    expect(asked).toEqual({
      status: 'needs_confirmation',
      warnings: [expect.objectContaining({ code: 'phone_unknown_prefix', questionId: 'phone' })],
      duplicates: [],
    })
    await expectNothingSaved(id)

    const saved = await finalizeDraft(t.ctx, { id, confirmWarnings: true })
    expect(saved).toMatchObject({
      status: 'saved',
      warnings: [expect.objectContaining({ code: 'phone_unknown_prefix' })],
    })
  })

  it('flags a new household with a citizen id already on the laptop', async () => {
    const existing = await recordVisit(
      t.ctx,
      makeHouseholdResponse({
        answers: { head_name: 'Hoàng Văn Tư', village: '00700-03' },
        members: [{ full_name: 'Hoàng Văn Tư', citizen_id: '008080001234' }],
      }),
      { villageCode: '00700-03' },
    )
    const id = await draftWith(
      makeHouseholdResponse({
        answers: { head_name: 'Lò Thị Mai' },
        members: [
          { full_name: 'Lò Thị Mai', sex: 'female' },
          { relation: 'child', citizen_id: '0080 8000 1234' },
        ],
      }),
    )
    const asked = await finalizeDraft(t.ctx, { id, confirmWarnings: false })
    expect(asked).toMatchObject({
      status: 'needs_confirmation',
      duplicates: [
        {
          householdId: existing.householdId,
          headName: 'Hoàng Văn Tư',
          villageCode: '00700-03',
          reasons: ['citizen_id'],
        },
      ],
    })
    await expectNothingSaved(id, 1)
  })

  it('flags a new household whose head has a very similar name in the same village', async () => {
    const existing = await recordVisit(t.ctx, makeHouseholdResponse())
    const id = await draftWith(
      makeHouseholdResponse({
        answers: { head_name: 'nguyen van  A' },
        members: [{ full_name: 'Nguyen Van A' }],
      }),
    )
    const asked = await finalizeDraft(t.ctx, { id, confirmWarnings: false })
    expect(asked).toMatchObject({
      status: 'needs_confirmation',
      warnings: [],
      duplicates: [{ householdId: existing.householdId, reasons: ['similar_name'] }],
    })
    expect(await finalizeDraft(t.ctx, { id, confirmWarnings: true })).toMatchObject({
      status: 'saved',
    })
    expect((await countRows(t.ctx)).households).toBe(2)
  })

  it('does not flag a revisited household as its own duplicate', async () => {
    const saved = await recordVisit(
      t.ctx,
      makeHouseholdResponse({ members: [{ citizen_id: '008080001234' }] }),
    )
    const draft = await startDraft(t.ctx, { householdId: saved.householdId, villageCode: 'x' })
    await updateDraftAnswers(t.ctx, {
      id: draft.id,
      response: {
        ...draft.response,
        answers: { ...draft.response.answers, visit_result: 'completed', consent: true },
      },
      cursor: null,
    })
    const result = await finalizeDraft(t.ctx, { id: draft.id, confirmWarnings: false })
    expect(result).toMatchObject({ status: 'saved', householdId: saved.householdId })
  })

  it('keeps only the visit result when the household does not consent', async () => {
    const id = await draftWith(makeHouseholdResponse({ answers: { consent: false } }))
    const result = await finalizeDraft(t.ctx, { id, confirmWarnings: true })
    if (result.status !== 'saved') throw new Error(JSON.stringify(result))
    const detail = await getHousehold(t.ctx, result.householdId)
    expect(Object.keys(detail.response.answers).sort()).toEqual(
      ['address', 'consent', 'head_name', 'village', 'visit_result'].sort(),
    )
    expect(detail.response.repeats).toEqual({})
    expect(detail.memberCount).toBe(0)
  })
})
