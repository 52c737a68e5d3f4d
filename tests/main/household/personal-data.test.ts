import { describe, expect, it } from 'vitest'
import { normalizePersonal, personalValues } from '../../../src/main/household/personal-data'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { makeHouseholdResponse } from '../../support/household-fixtures'

describe('personalValues', () => {
  it('finds every phone and citizen id of the household and its members, normalised, once', () => {
    const response = makeHouseholdResponse({
      answers: { phone: '+84 912 345 678' },
      members: [
        { citizen_id: '0080 8000 1234', mobile: '0912345678' },
        { relation: 'spouse', mobile: '0387.654.321', citizen_id: 'not an id' },
      ],
    })
    expect(personalValues(defaultHouseholdForm, response)).toEqual([
      { kind: 'phone', value: '0912345678' },
      { kind: 'citizen_id', value: '008080001234' },
      { kind: 'phone', value: '0387654321' },
    ])
  })
})

describe('normalizePersonal', () => {
  it('accepts only well-formed phones and 12-digit citizen ids', () => {
    expect(normalizePersonal('phone', '84912345678')).toEqual({
      kind: 'phone',
      value: '0912345678',
    })
    expect(normalizePersonal('phone', '12345')).toBeNull()
    expect(normalizePersonal('citizen_id', '00808000123')).toBeNull()
    expect(normalizePersonal('citizen_id', 12)).toBeNull()
  })
})
