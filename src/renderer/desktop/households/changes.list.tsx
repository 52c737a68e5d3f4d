import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type FormDefinition, flattenQuestions } from '../../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../../shared/forms/form-response.schema'
import { formatAnswer } from '../../common/forms/answer.format'
import { changeLines, diffResponses } from '../../common/forms/answer-diff'
import { questionChoices, type VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import { rowTitleText } from '../household-form/form-issues'

interface ChangesListProps {
  form: FormDefinition
  previous: FormResponse
  current: FormResponse
  villages: readonly VillageChoice[]
}

/** "What changed" between two visits: question, before, after; members added and gone. */
export function ChangesList({ form, previous, current, villages }: ChangesListProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const lines = changeLines(form, current, diffResponses(previous, current))
  if (lines.length === 0) return <Text c="dimmed">{t('visits.noChanges')}</Text>
  const questions = new Map(
    form.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
  )
  const roster = form.sections.find((s) => s.kind === 'repeat')
  const words = { yes: t('answer.yes'), no: t('answer.no'), empty: t('answer.empty') }
  const memberName = (row: FormResponse['repeats'][string][number]) =>
    rowTitleText(roster, row, 0, t)

  return (
    <Table withTableBorder verticalSpacing="xs" fz="sm" data-testid="visit-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="40%">{t('visits.changeQuestion')}</Table.Th>
          <Table.Th>{t('visits.changeBefore')}</Table.Th>
          <Table.Th>{t('visits.changeAfter')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => {
          if (line.kind !== 'answer') {
            const added = line.kind === 'member_added'
            return (
              <Table.Tr key={`${line.kind}:${line.row.id}`}>
                <Table.Td colSpan={3}>
                  <Text fw={600} size="sm" c={added ? 'teal.8' : 'red.8'}>
                    {t(added ? 'visits.memberAdded' : 'visits.memberRemoved', {
                      name: memberName(line.row),
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          }
          const q = questions.get(line.questionId)
          const label = q?.label[locale] ?? line.questionId
          const where = line.row ? `${memberName(line.row)} — ${label}` : label
          const show = (value: (typeof line.change)['before']) =>
            q
              ? formatAnswer(q, value, locale, words, questionChoices(q, villages))
              : String(value ?? '')
          return (
            <Table.Tr key={`${line.row?.id ?? ''}:${line.questionId}`}>
              <Table.Td fw={600}>{where}</Table.Td>
              <Table.Td c="dimmed" td="line-through">
                {show(line.change.before)}
              </Table.Td>
              <Table.Td>{show(line.change.after)}</Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
