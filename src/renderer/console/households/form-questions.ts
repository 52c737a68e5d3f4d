import type { TFunction } from 'i18next'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions, type Question } from '../../../shared/forms/form-definition.schema'
import type { Answer } from '../../../shared/forms/form-response.schema'
import type { Locale } from '../../../shared/forms/localized-text'
import { formatAnswer } from '../../common/forms/answer.format'
import { questionChoices, type VillageChoice } from '../../common/forms/form-text'

/**
 * The questions the household pages label answers with: the default form's. An answer to
 * a question it does not know (another form version) shows by its id and as entered.
 */
export const HOUSEHOLD_FORM = defaultHouseholdForm

export const FORM_QUESTIONS: ReadonlyMap<string, Question> = new Map(
  HOUSEHOLD_FORM.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
)

/** The household-level questions, in form order. */
export const householdQuestions: readonly Question[] = HOUSEHOLD_FORM.sections
  .filter((s) => s.kind === 'fields')
  .flatMap((s) => flattenQuestions(s.items))

/** A question's label, or its id when the form does not know it. */
export function questionLabel(questionId: string, locale: Locale): string {
  return FORM_QUESTIONS.get(questionId)?.label[locale] ?? questionId
}

/** An answer as a person reads it (choice labels, Có/Không, dd/mm/yyyy). */
export function showAnswer(
  questionId: string,
  value: Answer | undefined,
  locale: Locale,
  t: TFunction,
  villages: readonly VillageChoice[],
): string {
  const q = FORM_QUESTIONS.get(questionId)
  const words = { yes: t('answer.yes'), no: t('answer.no'), empty: t('answer.empty') }
  if (!q) return value === undefined || value === null ? words.empty : String(value)
  return formatAnswer(q, value, locale, words, questionChoices(q, villages))
}
