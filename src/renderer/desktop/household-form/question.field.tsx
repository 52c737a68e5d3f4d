import { Box, Text } from '@mantine/core'
import type { KeyboardEvent } from 'react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Choice, Question } from '../../../shared/forms/form-definition.schema'
import type { Answer } from '../../../shared/forms/form-response.schema'
import { formatAnswer } from '../../common/forms/answer.format'
import { type AnswerChange, isMarkedChange } from '../../common/forms/answer-diff'
import { currentLocale } from '../../i18n/i18n'
import { ChangedBadge } from './changed.badge'
import { keyTargetOf } from './form-focus'
import { questionKeyAction } from './form-keyboard'
import { QuestionInput } from './question.input'

export interface QuestionFieldProps {
  question: Question
  value: Answer | undefined
  onChange: (value: Answer | undefined) => void
  /** The question's choices, reference data already filled in. */
  choices: readonly Choice[]
  /** DOM id of the question's block, for the issue summary and the draft cursor. */
  fieldId: string
  sectionId: string
  /** The member row, for questions inside the roster. */
  rowId?: string
  error?: string
  warning?: string
  /** On a revisit: this answer differs from the household's last saved state. */
  change?: AnswerChange
  /** Enter / Shift+Enter: move to the next or previous question. */
  onNavigate: (from: HTMLElement, step: 1 | -1) => void
  /** The focus left the question (the draft is written at once). */
  onLeave?: () => void
}

/**
 * One question, drawn by its type, with its keyboard: Enter moves on, 1–9 pick or tick
 * the n-th choice, yes/no take C/K (Y/N). A revisit marks a changed answer "đã đổi" and
 * shows the old one on hover or while the question has the focus.
 */
export function QuestionField(props: QuestionFieldProps) {
  const { question: q, value, choices, warning, fieldId, change, onChange } = props
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const blockRef = useRef<HTMLDivElement>(null)
  const words = { yes: t('answer.yes'), no: t('answer.no'), empty: t('answer.empty') }
  const oldValue = change ? formatAnswer(q, change.before, locale, words, choices) : null
  const marked = change !== undefined && isMarkedChange(change)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target
    if (event.defaultPrevented || target instanceof HTMLButtonElement) return
    // An open drop-down list uses Enter and the arrows itself.
    if (target instanceof HTMLElement && target.getAttribute('aria-expanded') === 'true') return
    const action = questionKeyAction(q, choices, value, event.nativeEvent, keyTargetOf(target))
    if (!action) return
    event.preventDefault()
    if (action.kind !== 'set') {
      props.onNavigate(event.currentTarget, action.kind === 'next' ? 1 : -1)
      return
    }
    onChange(action.value)
    if (q.type === 'select_one' || q.type === 'yes_no') {
      // Keep the focus on the choice just picked, as a click would — but only while it is
      // still in this question: a fast typist may already have pressed Enter and moved on
      // before the next frame, and the focus must not be pulled back.
      requestAnimationFrame(() => {
        const block = blockRef.current
        if (!block?.contains(document.activeElement)) return
        block.querySelector<HTMLElement>('input[type="radio"]:checked')?.focus()
      })
    }
  }

  return (
    <Box
      ref={blockRef}
      id={fieldId}
      className="question-block"
      data-question={q.id}
      data-section={props.sectionId}
      data-row-id={props.rowId}
      data-changed={marked ? 'true' : undefined}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onLeave?.()
      }}
    >
      <QuestionInput
        {...props}
        label={
          marked && oldValue !== null ? (
            <>
              {q.label[locale]} <ChangedBadge oldValue={oldValue} />
            </>
          ) : (
            q.label[locale]
          )
        }
      />
      {oldValue !== null ? (
        <Text
          size="sm"
          c="dimmed"
          mt={4}
          className={marked ? 'question-old-value' : undefined}
          data-testid="previous-answer"
        >
          {t('form.revisit.before', { value: oldValue })}
        </Text>
      ) : null}
      {warning ? (
        <Text size="sm" c="orange.9" mt={4} role="status">
          {warning}
        </Text>
      ) : null}
    </Box>
  )
}
