import type { TFunction } from 'i18next'
import type { Question, Section } from '../../../shared/forms/form-definition.schema'
import type { Locale } from '../../../shared/forms/localized-text'
import type { ValidationIssue } from '../../../shared/forms/validation-issue'

/**
 * What a validation issue says to the person filling the form. A failed constraint shows the
 * question's own message and a failed row-count rule ("exactly one head") the rule's own
 * message (the form author knows best what the rule means); every other code has a catalog
 * message, filled with the issue's params (bounds, expected year).
 */
export function issueMessage(
  issue: ValidationIssue,
  question: Question | undefined,
  t: TFunction,
  locale: Locale,
  section?: Section,
): string {
  if (issue.code === 'constraint' && question?.constraintMessage) {
    return question.constraintMessage[locale]
  }
  if (issue.code === 'repeat_row_count') {
    const rule = section?.rowCounts?.find((r) => r.id === issue.params?.rule)
    if (rule) return rule.message[locale]
  }
  return t(`validation.${issue.code}`, { ...issue.params })
}

/** Where an issue sits on the form: the household level or one member row. */
export function issueKey(questionId: string, rowId?: string): string {
  return rowId ? `${rowId}/${questionId}` : questionId
}
