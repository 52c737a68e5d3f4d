import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm as form } from '../../../src/shared/forms/default-household-form'
import type { Answers, FormResponse } from '../../../src/shared/forms/form-response.schema'
import { sequentialIds } from '../../../src/shared/ids/uuid'
import {
  type CompletedVisit,
  computeIndicators,
  householdContribution,
  indicatorValues,
  sumContributions,
} from '../../../src/shared/indicators/compute-indicators'
import { defaultIndicators as indicators } from '../../../src/shared/indicators/default-indicators'

const nextId = sequentialIds()
const visit = (answers: Answers, members: Answers[] = []): CompletedVisit => ({
  visitDate: '2026-11-25',
  response: { answers, repeats: { members: members.map((a) => ({ id: nextId(), answers: a })) } },
})
const consenting = { visit_result: 'completed', consent: true }

const h1 = visit({ ...consenting, h_internet: 'fibre' }, [
  {
    birth_year: 1980,
    residence: 'permanent',
    m_phone: 'smartphone',
    m_vneid: 'level2',
    m_payment_accounts: ['bank'],
    m_skills: ['messaging', 'search', 'install_apps', 'payments'],
    m_cashless_30d: true,
    m_digital_signature: 'yes',
    m_public_service_12m: 'self',
    m_ehealth: 'yes',
    m_support_given: ['install_vneid'],
  },
  // 14 years old: a member, not an adult.
  {
    birth_year: 2012,
    residence: 'permanent',
    m_phone: 'smartphone',
    m_ehealth: 'no',
    m_support_given: ['install_apps', 'install_vneid'],
  },
  // Away: a member, not counted among adults.
  { birth_year: 1950, residence: 'away', m_phone: 'basic', m_ehealth: 'yes' },
])
const h2 = visit({ ...consenting, h_internet: 'none' }, [
  {
    birth_year: 1990,
    residence: 'temporary',
    m_phone: 'basic',
    m_vneid: 'level1',
    m_payment_accounts: ['none'],
    m_skills: ['messaging', 'search'],
    m_cashless_30d: false,
    m_digital_signature: 'no',
    m_public_service_12m: 'no',
    m_ehealth: 'unknown',
  },
])
const h3 = visit({ visit_result: 'completed', consent: false })
const h4 = visit({ visit_result: 'absent' })

const byId = (values: ReturnType<typeof computeIndicators>) =>
  Object.fromEntries(
    values.map((v) => [v.id, v.kind === 'tally' ? v.counts : [v.numerator, v.denominator]]),
  )

describe('computeIndicators', () => {
  it('matches hand-computed figures', () => {
    const values = computeIndicators(form, indicators, [h1, h2, h3, h4, null], 10)
    expect(byId(values)).toEqual({
      coverage: [3, 10],
      smartphone_adults: [1, 2],
      fibre_households: [1, 2],
      payment_account_adults: [1, 2],
      vneid_level2: [1, 2],
      vneid_any: [2, 2],
      online_public_service_adults: [1, 2],
      digital_signature_adults: [1, 2],
      basic_skills_adults: [1, 2],
      ehealth_members: [2, 4],
      cashless_adults: [1, 2],
      support_given: { install_vneid: 2, install_apps: 1 },
    })
    const smartphone = values.find((v) => v.id === 'smartphone_adults')
    expect(smartphone).toMatchObject({ value: 0.5, target: 0.8 })
  })

  it('uses the adult age setting', () => {
    const values = computeIndicators(form, indicators, [h1], 1, { adultAge: 10 })
    expect(byId(values).smartphone_adults).toEqual([2, 2])
  })

  it('gives no value when nothing can be divided', () => {
    const values = computeIndicators(form, indicators, [], 0)
    expect(values.every((v) => v.value === null)).toBe(true)
  })

  it('adds up per-household contributions to the same figures', () => {
    const parts = [h1, h2, h3, h4].map((v) => householdContribution(form, indicators, v))
    const summed = indicatorValues(indicators, sumContributions(indicators, parts), 10)
    expect(summed).toEqual(computeIndicators(form, indicators, [h1, h2, h3, h4], 10))
  })

  it('ignores answers to questions that are not asked', () => {
    const hidden: FormResponse = {
      answers: { ...consenting, h_internet: 'fibre' },
      // A 5-year-old is not asked about phones: a stray answer must not count.
      repeats: { members: [{ id: nextId(), answers: { birth_year: 2021, m_ehealth: 'yes' } }] },
    }
    const values = computeIndicators(
      form,
      indicators,
      [{ visitDate: '2026-11-25', response: hidden }],
      1,
    )
    expect(byId(values).ehealth_members).toEqual([0, 1])
  })
})
