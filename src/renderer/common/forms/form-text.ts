import type { Choice, Question } from '../../../shared/forms/form-definition.schema'
import type { Locale, LocalizedText } from '../../../shared/forms/localized-text'

/** A label carried by form data in the reader's language. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale]
}

/** A village as the choice lists need it: the code is the answer, the name the label. */
export interface VillageChoice {
  code: string
  name: string
}

/**
 * The choices of a select question. Choices that come from reference data (the commune's
 * villages) are filled in at run time, because the form is the same for every commune.
 */
export function questionChoices(q: Question, villages: readonly VillageChoice[]): Choice[] {
  if (q.choicesFrom === 'villages') {
    return villages.map((v) => ({ value: v.code, label: { vi: v.name, en: v.name } }))
  }
  return q.choices ?? []
}
