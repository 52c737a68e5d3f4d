import { describe, expect, it } from 'vitest'
import {
  decodeContribution,
  encodeContribution,
  sumStoredContributions,
} from '../../../src/main/indicators/stored-contribution'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import {
  householdContribution,
  sumContributions,
} from '../../../src/shared/indicators/compute-indicators'
import { defaultIndicators } from '../../../src/shared/indicators/default-indicators'
import { makeHouseholdResponse } from '../../support/household-fixtures'

const contributionOf = (members: Parameters<typeof makeHouseholdResponse>[0]) =>
  householdContribution(defaultHouseholdForm, defaultIndicators, {
    visitDate: '2025-11-24',
    response: makeHouseholdResponse(members),
  })

describe('stored contributions', () => {
  const a = contributionOf({ members: [{ m_support_given: ['install_vneid', 'other'] }] })
  const b = contributionOf({ answers: { h_internet: 'none' } })

  it('decode what they encode', () => {
    expect(decodeContribution(defaultIndicators, encodeContribution(defaultIndicators, a))).toEqual(
      a,
    )
    const json = encodeContribution(defaultIndicators, b)
    expect(json).not.toContain('"t"') // no help given: no tallies stored
    expect(decodeContribution(defaultIndicators, json)).toEqual(b)
  })

  it('sum to what the shared function sums', () => {
    const stored = [a, b, a].map((c) => encodeContribution(defaultIndicators, c))
    expect(sumStoredContributions(defaultIndicators, stored)).toEqual(
      sumContributions(defaultIndicators, [a, b, a]),
    )
  })

  it('refuse a value of another shape', () => {
    expect(() => decodeContribution(defaultIndicators, '{"r":[1,2]}')).toThrow(/malformed/)
  })
})
