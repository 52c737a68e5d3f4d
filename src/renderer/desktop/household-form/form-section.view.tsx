import { Paper, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Section } from '../../../shared/forms/form-definition.schema'
import type { Answer, Answers } from '../../../shared/forms/form-response.schema'
import type { AnswerChange } from '../../common/forms/answer-diff'
import { currentLocale } from '../../i18n/i18n'
import { FormItems, type FormItemsContext } from './form-items.view'

export interface FieldsSectionViewProps {
  section: Section
  answers: Answers
  context: Omit<FormItemsContext, 'sectionId'>
  changes: ReadonlyMap<string, AnswerChange> | undefined
  onAnswer: (questionId: string, value: Answer | undefined) => void
}

/** A section of plain (household-level) questions, in a card. */
export function FieldsSectionView({
  section,
  answers,
  context,
  changes,
  onAnswer,
}: FieldsSectionViewProps) {
  const { i18n } = useTranslation()
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby={`section-${section.id}`}
    >
      <Title order={2} size="h3" mb="md" id={`section-${section.id}`} tabIndex={-1}>
        {section.label[currentLocale(i18n)]}
      </Title>
      <FormItems
        {...context}
        sectionId={section.id}
        items={section.items}
        answers={answers}
        changes={changes}
        onAnswer={onAnswer}
      />
    </Paper>
  )
}
