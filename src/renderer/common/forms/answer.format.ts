import type { Choice, Question } from '../../../shared/forms/form-definition.schema'
import type { Answer } from '../../../shared/forms/form-response.schema'
import type { Locale } from '../../../shared/forms/localized-text'
import { formatIsoDate } from '../format/date.format'

/** The words an answer may be shown with, from the active message catalog. */
export interface AnswerWords {
  yes: string
  no: string
  empty: string
}

/**
 * An answer as a person reads it: choice labels instead of codes, Có/Không for yes/no,
 * dates as dd/mm/yyyy. Numbers are shown as entered (a birth year never gets a separator).
 * `choices` overrides the question's own (villages come from reference data).
 */
export function formatAnswer(
  q: Question,
  value: Answer | undefined,
  locale: Locale,
  words: AnswerWords,
  choices: readonly Choice[] = q.choices ?? [],
): string {
  if (value === undefined || value === null || value === '') return words.empty
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty
    return value.map((v) => choiceLabel(choices, v, locale)).join(', ')
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (typeof value === 'number') return String(value)
  switch (q.type) {
    case 'select_one':
    case 'select_multiple':
      return choiceLabel(choices, value, locale)
    case 'date':
      return formatIsoDate(value)
    default:
      return value
  }
}

/** The label of a choice value; an unknown value (from another form version) shows as is. */
export function choiceLabel(choices: readonly Choice[], value: string, locale: Locale): string {
  const choice = choices.find((c) => c.value === value)
  return choice ? choice.label[locale] : value
}
