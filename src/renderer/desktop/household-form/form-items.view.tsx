import { Fieldset, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Item } from '../../../shared/forms/form-definition.schema'
import type { Answer, Answers } from '../../../shared/forms/form-response.schema'
import type { Relevance } from '../../../shared/forms/relevance'
import type { AnswerChange } from '../../common/forms/answer-diff'
import { questionChoices, type VillageChoice } from '../../common/forms/form-text'
import { issueKey } from '../../common/forms/issue.messages'
import { currentLocale } from '../../i18n/i18n'
import { type FieldMessages, fieldDomId } from './form-issues'
import { QuestionField } from './question.field'

/** What every question of the form needs besides its own answer. */
export interface FormItemsContext {
  sectionId: string
  relevance: Relevance
  villages: readonly VillageChoice[]
  messages: ReadonlyMap<string, FieldMessages>
  onNavigate: (from: HTMLElement, step: 1 | -1) => void
  onLeave: () => void
}

export interface FormItemsProps extends FormItemsContext {
  items: readonly Item[]
  answers: Answers
  /** Set for the items of one repeat row (a member). */
  rowId?: string
  /** On a revisit: the answers of this level that differ from the last visit. */
  changes?: ReadonlyMap<string, AnswerChange>
  onAnswer: (questionId: string, value: Answer | undefined) => void
}

/**
 * The items of a section or a member, in order. Questions whose `relevant` rule is false
 * are not drawn; they appear as soon as an answer makes them relevant.
 */
export function FormItems(props: FormItemsProps) {
  const { items, answers, relevance, rowId, villages, messages, changes, onAnswer } = props
  const { i18n } = useTranslation()
  const locale = currentLocale(i18n)
  return (
    <Stack gap="lg">
      {items.map((item) => {
        if (!relevance.isRelevant(item.id, rowId)) return null
        if (item.kind === 'group') {
          return (
            <Fieldset key={item.id} legend={item.label[locale]} variant="filled">
              <FormItems {...props} items={item.items} />
            </Fieldset>
          )
        }
        const shown = messages.get(issueKey(item.id, rowId))
        const change = changes?.get(item.id)
        return (
          <QuestionField
            key={item.id}
            question={item}
            value={answers[item.id]}
            choices={questionChoices(item, villages)}
            fieldId={fieldDomId(item.id, rowId)}
            sectionId={props.sectionId}
            {...(rowId ? { rowId } : {})}
            {...(change ? { change } : {})}
            error={shown?.error}
            warning={shown?.warning}
            onChange={(value) => onAnswer(item.id, value)}
            onNavigate={props.onNavigate}
            onLeave={props.onLeave}
          />
        )
      })}
    </Stack>
  )
}
