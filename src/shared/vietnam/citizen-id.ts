import { BIRTH_PROVINCE_PREFIXES } from './birth-provinces'

export type Sex = 'male' | 'female'

/** What a 12-digit citizen id (số định danh cá nhân) says about its holder. */
export interface CitizenIdFacts {
  provinceKnown: boolean
  sex: Sex
  /** First year of the century encoded by digit 4 (1900, 2000, …). */
  century: number
  /** Digits 5–6: the last two digits of the birth year. */
  yearOfCentury: number
}

/**
 * Decodes a citizen id: 3-digit birth province, 1 digit for century and sex
 * (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, …), 2 digits of birth year and
 * 6 random digits. Returns null when it is not 12 digits.
 */
export function decodeCitizenId(id: string): CitizenIdFacts | null {
  if (!/^\d{12}$/.test(id)) return null
  const code = Number(id[3])
  return {
    provinceKnown: BIRTH_PROVINCE_PREFIXES.has(id.slice(0, 3)),
    sex: code % 2 === 0 ? 'male' : 'female',
    century: 1900 + Math.floor(code / 2) * 100,
    yearOfCentury: Number(id.slice(4, 6)),
  }
}

/** The birth year a citizen id encodes. */
export function citizenIdBirthYear(facts: CitizenIdFacts): number {
  return facts.century + facts.yearOfCentury
}
