import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startDraft } from '../../../src/main/drafts/draft.service'
import {
  listVillageSummaries,
  villageProgress,
} from '../../../src/main/places/village-progress.service'
import type { IndicatorValue } from '../../../src/shared/indicators/compute-indicators'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import { FIXTURE_VILLAGE, makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

/** The fixture's default spouse: basic phone, VNeID level 1, no payment account. */
const SPOUSE = {
  full_name: 'Trần Thị Bình',
  relation: 'spouse',
  sex: 'female',
  birth_year: 1983,
  m_phone: 'basic',
  m_no_smartphone_reason: 'cost',
  m_vneid: 'level1',
  m_public_service_12m: 'no',
  m_payment_accounts: ['none'],
  m_cashless_30d: false,
  m_skills: ['messaging'],
}
const OTHER_VILLAGE = PILOT_COMMUNE.villages[1]?.code ?? ''

/**
 * Six households, five in the village:
 * H1 completed (head + spouse, help given twice) · H2 completed without fibre (an elderly
 * head, a 10-year-old, an adult who is away) · H3 absent · H4 completed without consent ·
 * H6 completed, then found absent on a revisit (its completed visit still counts) ·
 * H5 completed in another village.
 */
async function recordVillage(): Promise<void> {
  await recordVisit(
    t.ctx,
    makeHouseholdResponse({
      members: [{ m_support_given: ['install_vneid', 'vneid_level2'] }, SPOUSE],
    }),
  )
  await recordVisit(
    t.ctx,
    makeHouseholdResponse({
      answers: { h_internet: 'none', head_name: 'Lò Văn Sinh' },
      members: [
        {
          full_name: 'Lò Văn Sinh',
          birth_year: 1950,
          m_phone: 'none',
          m_vneid: 'none',
          m_payment_accounts: ['none'],
          m_public_service_12m: 'no',
          m_cashless_30d: false,
          m_skills: [],
          m_ehealth: 'no',
          m_digital_signature: 'yes',
        },
        { full_name: 'Lò Thị Na', relation: 'grandchild', sex: 'female', birth_year: 2015 },
        {
          full_name: 'Lò Văn Dũng',
          relation: 'child',
          birth_year: 1995,
          residence: 'away',
          m_ehealth: 'unknown',
        },
      ],
    }),
  )
  await recordVisit(t.ctx, {
    answers: { village: FIXTURE_VILLAGE, head_name: 'Hà Văn Ba', visit_result: 'absent' },
    repeats: {},
  })
  await recordVisit(
    t.ctx,
    makeHouseholdResponse({ answers: { head_name: 'Đinh Văn Tư', consent: false } }),
  )
  await recordVisit(t.ctx, makeHouseholdResponse({ answers: { village: OTHER_VILLAGE } }), {
    villageCode: OTHER_VILLAGE,
  })
  const h6 = await recordVisit(
    t.ctx,
    makeHouseholdResponse({ answers: { head_name: 'Nông Văn Sáu' }, members: [{}, SPOUSE] }),
  )
  await recordVisit(
    t.ctx,
    {
      answers: { village: FIXTURE_VILLAGE, head_name: 'Nông Văn Sáu', visit_result: 'absent' },
      repeats: {},
    },
    { householdId: h6.householdId, visitDate: '2026-02-01' },
  )
}

const figures = (values: IndicatorValue[]) =>
  Object.fromEntries(values.map((v) => [v.id, [v.numerator, v.denominator]]))

describe('village progress', () => {
  it('counts households by latest visit result, pending saves and drafts', async () => {
    await recordVillage()
    await startDraft(t.ctx, { villageCode: FIXTURE_VILLAGE })
    const summaries = await listVillageSummaries(t.ctx)
    expect(summaries.map((s) => s.code)).toEqual(PILOT_COMMUNE.villages.map((v) => v.code))
    expect(summaries[0]).toEqual({
      code: FIXTURE_VILLAGE,
      name: PILOT_COMMUNE.villages[0]?.name,
      registered: null,
      households: 5,
      completed: 3,
      absent: 2,
      refused: 0,
      moved: 0,
      notVisited: null,
      pending: 5,
      awaiting: 0,
      drafts: 1,
    })
    expect(summaries[1]).toMatchObject({ households: 1, completed: 1, drafts: 0 })
    expect(summaries[2]).toMatchObject({ households: 0, completed: 0, pending: 0 })
  })

  it('computes the indicators from each household’s latest completed visit (hand-counted)', async () => {
    await recordVillage()
    const progress = await villageProgress(t.ctx, FIXTURE_VILLAGE)
    // Adults: H1 head and spouse, H2 head, H6 head and spouse (the child and the away member
    // are not). Households: H1, H2, H6. Members: 2 + 3 + 2.
    expect(figures(progress.indicators)).toEqual({
      coverage: [4, 0],
      smartphone_adults: [2, 5],
      fibre_households: [2, 3],
      payment_account_adults: [2, 5],
      vneid_level2: [2, 5],
      vneid_any: [4, 5],
      online_public_service_adults: [2, 5],
      digital_signature_adults: [1, 5],
      basic_skills_adults: [2, 5],
      ehealth_members: [5, 7],
      cashless_adults: [2, 5],
      support_given: [2, 0],
    })
    const byId = new Map(progress.indicators.map((i) => [i.id, i]))
    expect(byId.get('coverage')?.value).toBeNull() // no register yet
    expect(byId.get('fibre_households')).toMatchObject({ value: 2 / 3, target: 0.8 })
    expect(byId.get('support_given')?.counts).toEqual({ install_vneid: 1, vneid_level2: 1 })
    expect(progress.village).toMatchObject({ households: 5, completed: 3 })
  })

  it('measures coverage against the village register once it is known', async () => {
    await recordVillage()
    await t.ctx.db
      .insertInto('village_register')
      .values({ village_code: FIXTURE_VILLAGE, registered: 10, updated_at: '2025-11-01' })
      .execute()
    const progress = await villageProgress(t.ctx, FIXTURE_VILLAGE)
    expect(progress.village).toMatchObject({ registered: 10, notVisited: 5 })
    expect(progress.indicators.find((i) => i.id === 'coverage')).toMatchObject({
      numerator: 4,
      denominator: 10,
      value: 0.4,
    })
  })

  it('answers unknown_village for a code that is not the commune’s', async () => {
    await expect(villageProgress(t.ctx, '99999-01')).rejects.toMatchObject({
      code: 'unknown_village',
    })
  })
})
