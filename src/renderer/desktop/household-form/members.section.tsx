import { Accordion, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Section } from '../../../shared/forms/form-definition.schema'
import type { Answer, RepeatRow } from '../../../shared/forms/form-response.schema'
import type { Relevance } from '../../../shared/forms/relevance'
import type { VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import type { FieldMessages } from './form-issues'
import { rowTitleText } from './form-issues'
import { FormItems } from './form-items.view'

export interface MembersSectionProps {
  section: Section
  rows: readonly RepeatRow[]
  relevance: Relevance
  villages: readonly VillageChoice[]
  messages: ReadonlyMap<string, FieldMessages>
  /** Rows that hold at least one error, marked in their title. */
  rowsWithErrors: ReadonlySet<string>
  /** Ids of the rows whose questions are shown. */
  opened: string[]
  onOpenedChange: (opened: string[]) => void
  onAnswer: (rowId: string, questionId: string, value: Answer | undefined) => void
  onAdd: () => void
  onRemove: (rowId: string) => void
}

/**
 * A repeat section (the member roster): one folding card per member, titled by the
 * member's name, with add and remove. Removing asks once, since a tap can slip.
 */
export function MembersSection(props: MembersSectionProps) {
  const { section, rows, opened, onOpenedChange, onAdd } = props
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const rowTitle = (row: RepeatRow, index: number) => rowTitleText(section, row, index, t)
  const full = section.maxRows !== undefined && rows.length >= section.maxRows

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby={`section-${section.id}`}
    >
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id={`section-${section.id}`}>
            {section.label[locale]}
          </Title>
          <Text c="dimmed">{t('form.members.count', { count: rows.length })}</Text>
        </Group>
        {rows.length === 0 ? <Text c="dimmed">{t('form.members.empty')}</Text> : null}
        <Accordion
          multiple
          variant="separated"
          value={opened}
          onChange={onOpenedChange}
          transitionDuration={0}
          chevronPosition="left"
        >
          {rows.map((row, index) => (
            <Accordion.Item key={row.id} value={row.id} data-member-row={index}>
              <Accordion.Control>
                <Group gap="sm">
                  <Text fw={600} size="lg">
                    {rowTitle(row, index)}
                  </Text>
                  {props.rowsWithErrors.has(row.id) ? (
                    <Badge color="red" variant="light">
                      {t('form.members.hasErrors')}
                    </Badge>
                  ) : null}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <MemberPanel {...props} row={row} title={rowTitle(row, index)} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Group>
          <Button variant="light" onClick={onAdd} disabled={full}>
            + {t('form.members.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function MemberPanel(props: MembersSectionProps & { row: RepeatRow; title: string }) {
  const { section, row, title, relevance, villages, messages, onAnswer, onRemove } = props
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  return (
    <Stack gap="lg" pt="xs">
      <FormItems
        items={section.items}
        answers={row.answers}
        relevance={relevance}
        rowId={row.id}
        villages={villages}
        messages={messages}
        onAnswer={(questionId, value) => onAnswer(row.id, questionId, value)}
      />
      {confirming ? (
        <Group gap="sm">
          <Text fw={600}>{t('form.members.confirmRemove', { name: title })}</Text>
          <Button color="red" onClick={() => onRemove(row.id)}>
            {t('form.members.confirmYes')}
          </Button>
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('form.members.confirmNo')}
          </Button>
        </Group>
      ) : (
        <Group>
          <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
            {t('form.members.remove')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
