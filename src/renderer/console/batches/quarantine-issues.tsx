import { List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import {
  flattenQuestions,
  type Question,
  type Section,
} from '../../../shared/forms/form-definition.schema'
import type { Locale } from '../../../shared/forms/localized-text'
import type { ValidationIssue } from '../../../shared/forms/validation-issue'
import { issueMessage } from '../../common/forms/issue.messages'

/**
 * The quarantine names questions by the household form's labels: the list does not say
 * which form version a revision used, and question ids are stable across versions.
 */
const SECTIONS = new Map<string, Section>(defaultHouseholdForm.sections.map((s) => [s.id, s]))
const QUESTIONS = new Map<string, Question>(
  defaultHouseholdForm.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
)

/** A rejected revision's validation issues, each with its question and the desktop's message. */
export function QuarantineIssues({ issues }: { issues: ValidationIssue[] }) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi'
  const errors = issues.filter((issue) => issue.severity === 'error')
  if (errors.length === 0) return null
  return (
    <List size="sm" spacing={2}>
      {errors.map((issue) => {
        const question = QUESTIONS.get(issue.questionId)
        const where = question ? question.label[locale] : issue.questionId
        const row =
          issue.rowIndex === undefined
            ? ''
            : ` ${t('console.quarantine.row', { number: issue.rowIndex + 1 })}`
        return (
          <List.Item key={`${issue.rowId ?? ''}/${issue.questionId}/${issue.code}`}>
            <Text size="sm" span fw={600}>
              {where}
              {row}:
            </Text>{' '}
            <Text size="sm" span>
              {issueMessage(
                issue,
                question,
                t,
                locale,
                issue.repeat ? SECTIONS.get(issue.repeat) : undefined,
              )}
            </Text>
          </List.Item>
        )
      })}
    </List>
  )
}
