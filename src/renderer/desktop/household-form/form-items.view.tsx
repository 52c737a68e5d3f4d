import { Fieldset, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Item } from '../../../shared/forms/form-definition.schema'
import type { Answer, Answers } from '../../../shared/forms/form-response.schema'
import type { Relevance } from '../../../shared/forms/relevance'
import { questionChoices, type VillageChoice } from '../../common/forms/form-text'
import { issueKey } from '../../common/forms/issue.messages'
import { currentLocale } from '../../i18n/i18n'
import { type FieldMessages, fieldDomId } from './form-issues'
import { QuestionField } from './question.field'

export interface FormItemsProps {
  items: readonly Item[]
  answers: Answers
  relevance: Relevance
  /** Set for the items of one repeat row (a member). */
  rowId?: string
  villages: readonly VillageChoice[]
  messages: ReadonlyMap<string, FieldMessages>
  onAnswer: (questionId: string, value: Answer | undefined) => void
}

/**
 * The items of a section or a member, in order. Questions whose `relevant` rule is false
 * are not drawn; they appear as soon as an answer makes them relevant.
 */
export function FormItems({
  items,
  answers,
  relevance,
  rowId,
  villages,
  messages,
  onAnswer,
}: FormItemsProps) {
  const { i18n } = useTranslation()
  const locale = currentLocale(i18n)
  return (
    <Stack gap="lg">
      {items.map((item) => {
        if (!relevance.isRelevant(item.id, rowId)) return null
        if (item.kind === 'group') {
          return (
            <Fieldset key={item.id} legend={item.label[locale]} variant="filled">
              <FormItems
                items={item.items}
                answers={answers}
                relevance={relevance}
                rowId={rowId}
                villages={villages}
                messages={messages}
                onAnswer={onAnswer}
              />
            </Fieldset>
          )
        }
        const shown = messages.get(issueKey(item.id, rowId))
        return (
          <QuestionField
            key={item.id}
            question={item}
            value={answers[item.id]}
            choices={questionChoices(item, villages)}
            fieldId={fieldDomId(item.id, rowId)}
            error={shown?.error}
            warning={shown?.warning}
            onChange={(value) => onAnswer(item.id, value)}
          />
        )
      })}
    </Stack>
  )
}
