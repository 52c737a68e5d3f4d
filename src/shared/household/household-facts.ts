import type { FormResponse } from '../forms/form-response.schema'
import { foldText } from '../text/fold'

/** The roster repeat of the household form. */
export const MEMBERS_REPEAT = 'members'

/** Denormalised facts of a household response, for list columns and search. */
export interface HouseholdFacts {
  headName: string
  address: string | null
  visitResult: string | null
  villageCode: string | null
  memberCount: number
  memberNames: string[]
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null

export function householdFacts(response: FormResponse): HouseholdFacts {
  const members = response.repeats[MEMBERS_REPEAT] ?? []
  return {
    headName: asText(response.answers.head_name) ?? '',
    address: asText(response.answers.address),
    visitResult: asText(response.answers.visit_result),
    villageCode: asText(response.answers.village),
    memberCount: members.length,
    memberNames: members.flatMap((m) => asText(m.answers.full_name) ?? []),
  }
}

/**
 * The folded text a household is found by: head and member names, address, phone numbers
 * (digits only, in the national 0… form even when written +84…) and the members' citizen
 * ids (digits only). Queries are folded the same way (queryTokens); the console matches
 * names by word prefix and numbers only whole.
 */
export function householdSearchText(response: FormResponse): string {
  const facts = householdFacts(response)
  const members = response.repeats[MEMBERS_REPEAT] ?? []
  const numbers = [
    response.answers.phone,
    ...members.map((m) => m.answers.mobile),
    ...members.map((m) => m.answers.citizen_id),
  ]
    .flatMap((p) => asText(p) ?? [])
    .map(nationalDigits)
  // One fold over the joined names: folding collapses the separators as it would the
  // spaces between separately folded names, at a fraction of the cost (ingest does this
  // for every household of a batch).
  const words = foldText([facts.headName, ...facts.memberNames, facts.address ?? ''].join(' '))
  return [words, ...numbers].filter(Boolean).join(' ')
}

/** Digits only; a phone written in the international form (84 + 9 digits) in its 0… form. */
function nationalDigits(text: string): string {
  const digits = text.replace(/\D/g, '')
  return /^84\d{9}$/.test(digits) ? `0${digits.slice(2)}` : digits
}
