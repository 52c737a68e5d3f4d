import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FormResponse, RepeatRow } from '../../../shared/forms/form-response.schema'
import { changeLines, diffResponses } from '../../common/forms/answer-diff'
import type { VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import { HOUSEHOLD_FORM, questionLabel, showAnswer } from './form-questions'

const EMPTY: FormResponse = { answers: {}, repeats: {} }

/**
 * What one revision changed against the revision it was made from, field by field:
 * household answers in form order, then each member's (by name), members added and gone.
 * The same diff as the desktop's "what changed" list.
 */
export function RevisionChanges({
  base,
  response,
  villages,
}: {
  base: FormResponse | null
  response: FormResponse
  villages: readonly VillageChoice[]
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const lines = changeLines(HOUSEHOLD_FORM, response, diffResponses(base ?? EMPTY, response))
  if (lines.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('console.records.history.noChanges')}
      </Text>
    )
  }
  const memberName = (row: RepeatRow, index: number) =>
    typeof row.answers.full_name === 'string' && row.answers.full_name.trim() !== ''
      ? row.answers.full_name
      : t('console.records.history.member', { n: index + 1 })
  const position = (row: RepeatRow) =>
    Math.max(
      0,
      (response.repeats.members ?? base?.repeats.members ?? []).findIndex((r) => r.id === row.id),
    )

  return (
    <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="revision-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="42%">{t('console.records.history.question')}</Table.Th>
          <Table.Th>{t('console.records.history.before')}</Table.Th>
          <Table.Th>{t('console.records.history.after')}</Table.Th>
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
                    {t(
                      added
                        ? 'console.records.history.memberAdded'
                        : 'console.records.history.memberRemoved',
                      { name: memberName(line.row, position(line.row)) },
                    )}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          }
          const label = questionLabel(line.questionId, locale)
          const where = line.row ? `${memberName(line.row, position(line.row))} — ${label}` : label
          const show = (value: (typeof line.change)['before']) =>
            showAnswer(line.questionId, value, locale, t, villages)
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
