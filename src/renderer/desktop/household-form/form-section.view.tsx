import { Paper, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Section } from '../../../shared/forms/form-definition.schema'
import type { Answer, FormResponse } from '../../../shared/forms/form-response.schema'
import type { Relevance } from '../../../shared/forms/relevance'
import type { VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import type { FieldMessages } from './form-issues'
import { FormItems } from './form-items.view'
import { MembersSection } from './members.section'

export interface SectionViewProps {
  section: Section
  response: FormResponse
  relevance: Relevance
  villages: readonly VillageChoice[]
  messages: ReadonlyMap<string, FieldMessages>
  rowsWithErrors: ReadonlySet<string>
  opened: string[]
  onOpenedChange: (opened: string[]) => void
  onHouseholdAnswer: (questionId: string, value: Answer | undefined) => void
  onRowAnswer: (rowId: string, questionId: string, value: Answer | undefined) => void
  onAddRow: () => void
  onRemoveRow: (rowId: string) => void
}

/** One section of the form: plain questions in a card, or the member roster. */
export function SectionView(props: SectionViewProps) {
  const { section, response, relevance, villages, messages } = props
  const { i18n } = useTranslation()
  if (section.kind === 'repeat') {
    return (
      <MembersSection
        section={section}
        rows={response.repeats[section.id] ?? []}
        relevance={relevance}
        villages={villages}
        messages={messages}
        rowsWithErrors={props.rowsWithErrors}
        opened={props.opened}
        onOpenedChange={props.onOpenedChange}
        onAnswer={props.onRowAnswer}
        onAdd={props.onAddRow}
        onRemove={props.onRemoveRow}
      />
    )
  }
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby={`section-${section.id}`}
    >
      <Title order={2} size="h3" mb="md" id={`section-${section.id}`}>
        {section.label[currentLocale(i18n)]}
      </Title>
      <FormItems
        items={section.items}
        answers={response.answers}
        relevance={relevance}
        villages={villages}
        messages={messages}
        onAnswer={props.onHouseholdAnswer}
      />
    </Paper>
  )
}
