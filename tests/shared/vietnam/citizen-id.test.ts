import { describe, expect, it } from 'vitest'
import { citizenIdBirthYear, decodeCitizenId } from '../../../src/shared/vietnam/citizen-id'

describe('decodeCitizenId', () => {
  it('reads province, sex and birth year', () => {
    const facts = decodeCitizenId('008185012345')
    expect(facts).toEqual({ provinceKnown: true, sex: 'female', century: 1900, yearOfCentury: 85 })
    expect(facts && citizenIdBirthYear(facts)).toBe(1985)
  })

  it('reads the 21st century digits', () => {
    const facts = decodeCitizenId('001205000001')
    expect(facts).toMatchObject({ sex: 'male', century: 2000, yearOfCentury: 5 })
    expect(facts && citizenIdBirthYear(facts)).toBe(2005)
  })

  it('notices an unknown birth province', () => {
    expect(decodeCitizenId('003090000001')?.provinceKnown).toBe(false)
  })

  it('returns null unless 12 digits', () => {
    expect(decodeCitizenId('00818501234')).toBeNull()
    expect(decodeCitizenId('00818501234a')).toBeNull()
  })
})
