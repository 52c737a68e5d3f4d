import type { TFunction } from 'i18next'
import type { FormDefinition, Section } from '../../../shared/forms/form-definition.schema'
import type { FormResponse, RepeatRow } from '../../../shared/forms/form-response.schema'
import type { Locale } from '../../../shared/forms/localized-text'
import type { ValidationIssue } from '../../../shared/forms/validation-issue'
import { issueKey, issueMessage } from '../../common/forms/issue.messages'
import { questionIndex } from './form-state'

/** The messages shown under one question after a save attempt. */
export interface FieldMessages {
  error?: string
  warning?: string
}

/** DOM id of a question's block, unique across member rows. */
export function fieldDomId(questionId: string, rowId?: string): string {
  return `q-${issueKey(questionId, rowId).replace('/', '--')}`
}

/** An issue ready to show: where it is (in words and on the page) and what it says. */
export interface ShownIssue {
  key: string
  severity: ValidationIssue['severity']
  rowId: string | undefined
  /** "Họ tên chủ hộ", or "Nguyễn Văn B — Năm sinh" inside a member. */
  where: string
  text: string
  /** DOM id to scroll to. */
  targetId: string
}

/** Names a repeat row for messages (the member's name, or "Thành viên n"). */
export type RowTitle = (repeat: string, row: RepeatRow, index: number) => string

/** Turns the issues a save returned into messages placed on their questions, in form order. */
export function describeIssues(
  issues: readonly ValidationIssue[],
  form: FormDefinition,
  response: FormResponse,
  rowTitle: RowTitle,
  t: TFunction,
  locale: Locale,
): ShownIssue[] {
  const questions = questionIndex(form)
  const sections = new Map(form.sections.map((s) => [s.id, s]))
  return issues.map((issue) => {
    const question = questions.get(issue.questionId)
    const label =
      question?.label[locale] ?? sections.get(issue.questionId)?.label[locale] ?? issue.questionId
    const rows = issue.repeat ? (response.repeats[issue.repeat] ?? []) : []
    const index = issue.rowId ? rows.findIndex((r) => r.id === issue.rowId) : -1
    const row = rows[index]
    const where =
      issue.repeat && row
        ? t('form.issues.inMember', { member: rowTitle(issue.repeat, row, index), question: label })
        : label
    const targetId = question
      ? fieldDomId(issue.questionId, row?.id)
      : `section-${issue.questionId}`
    return {
      key: issueKey(issue.questionId, row?.id),
      severity: issue.severity,
      rowId: row?.id,
      where,
      text: issueMessage(issue, question, t, locale, sections.get(issue.questionId)),
      targetId,
    }
  })
}

/** The first error and the first warning of each question, for the text under it. */
export function fieldMessages(shown: readonly ShownIssue[]): Map<string, FieldMessages> {
  const byKey = new Map<string, FieldMessages>()
  for (const issue of shown) {
    const current = byKey.get(issue.key) ?? {}
    if (issue.severity === 'error' && current.error === undefined) current.error = issue.text
    if (issue.severity === 'warning' && current.warning === undefined) current.warning = issue.text
    byKey.set(issue.key, current)
  }
  return byKey
}

/** The title of a repeat row: its label answer (the member's name) or "Thành viên n". */
export function rowTitleText(
  section: Section | undefined,
  row: RepeatRow,
  index: number,
  t: TFunction,
): string {
  const label = section?.rowLabel ? row.answers[section.rowLabel] : undefined
  return typeof label === 'string' && label.trim() !== ''
    ? label
    : t('form.members.untitled', { n: index + 1 })
}
