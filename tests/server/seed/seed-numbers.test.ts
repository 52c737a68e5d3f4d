import { describe, expect, it } from 'vitest'
import { IdNumbers } from '../../../src/server/seed/id-numbers'
import { apportion } from '../../../src/server/seed/province-plan'
import { campaignOf } from '../../../src/server/seed/seed-campaign'
import { SeedError } from '../../../src/server/seed/seed-errors'
import { DigitPermutation } from '../../../src/server/seed/seed-ids'
import { SeedRandom } from '../../../src/server/seed/seed-random'
import { decodeCitizenId } from '../../../src/shared/vietnam/citizen-id'

describe('seed numbers', () => {
  it('permutes serials without collisions (a bijection of the digit range)', () => {
    const permutation = new DigitPermutation(4, SeedRandom.of('t', 'perm'))
    const seen = new Set(Array.from({ length: 10_000 }, (_, n) => permutation.apply(n)))
    expect(seen.size).toBe(10_000)
    expect([...seen].every((s) => /^\d{4}$/.test(s))).toBe(true)
  })

  it('gives each commune its own slice of citizen ids and mobiles', () => {
    const communes = [0, 1, 2].map((slot) => new IdNumbers('t', slot, 3))
    const random = SeedRandom.of('t', 'phones')
    const ids = communes.flatMap((c) =>
      Array.from({ length: 500 }, () => c.citizenId('008', 'female', 1987)),
    )
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => id.startsWith('008187'))).toBe(true)
    expect(decodeCitizenId(ids[0] ?? '')).toMatchObject({
      sex: 'female',
      century: 1900,
      yearOfCentury: 87,
    })
    expect(communes[0]?.citizenId('001', 'male', 2003).slice(0, 6)).toBe('001203')
    const phones = communes.flatMap((c) => Array.from({ length: 2000 }, () => c.mobile(random)))
    expect(new Set(phones).size).toBe(phones.length)
  })

  it('streams of the same labels repeat; other labels differ', () => {
    const draw = (label: string) =>
      Array.from({ length: 5 }, () => SeedRandom.of('s', label).fork('x').uint32())
    expect(draw('a')).toEqual(draw('a'))
    expect(draw('a')).not.toEqual(draw('b'))
  })

  it('shares totals exactly and checks the campaign dates', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(apportion(1_000_000, [0.7, 1.3, 2]).reduce((a, b) => a + b, 0)).toBe(1_000_000)
    const campaign = campaignOf('2025-07-01', 6)
    expect(new Date(campaign.startMs).toISOString()).toBe('2025-06-30T17:00:00.000Z')
    expect(new Date(campaign.endMs).toISOString()).toBe('2025-12-31T17:00:00.000Z')
    expect(() => campaignOf('2025-02-30', 6)).toThrow(SeedError)
    expect(() => campaignOf('2025-07-01', 0)).toThrow(SeedError)
  })
})
