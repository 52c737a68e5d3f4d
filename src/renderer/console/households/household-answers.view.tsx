import { Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConsoleHouseholdDetail } from '../../../shared/api/http.contract'
import { type Answer, answerSchema } from '../../../shared/forms/form-response.schema'
import { currentLocale } from '../../i18n/i18n'
import { householdQuestions, showAnswer } from './form-questions'

/** Member questions shown as columns of the roster, in this order. */
const MEMBER_COLUMNS = [
  ['relation', 'relation'],
  ['sex', 'sex'],
  ['birthYear', 'birth_year'],
  ['phone', 'm_phone'],
  ['vneid', 'm_vneid'],
] as const

/** The household's answers as the server holds them now, and its roster. */
export function HouseholdAnswersView({ household: h }: { household: ConsoleHouseholdDetail }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const village = h.villageName ? [{ code: h.villageCode, name: h.villageName }] : []
  const show = (questionId: string, value: Answer | undefined) =>
    showAnswer(questionId, value, locale, t, village)
  const answered = householdQuestions.filter((q) => h.response.answers[q.id] !== undefined)
  return (
    <>
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="md">
          {t('console.detail.answers')}
        </Title>
        <Table variant="vertical" withTableBorder fz="md" layout="fixed">
          <Table.Tbody>
            {answered.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Th w="40%">{q.label[locale]}</Table.Th>
                <Table.Td>{show(q.id, h.response.answers[q.id])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="md">
          {t('console.detail.members', { count: h.members.length })}
        </Title>
        {h.members.length === 0 ? (
          <Text c="dimmed">{t('console.detail.membersEmpty')}</Text>
        ) : (
          <Table striped withTableBorder fz="md" data-testid="console-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.detail.columns.name')}</Table.Th>
                {MEMBER_COLUMNS.map(([key]) => (
                  <Table.Th key={key}>{t(`console.detail.columns.${key}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...h.members]
                .sort((a, b) => a.position - b.position)
                .map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td fw={600}>{m.fullName}</Table.Td>
                    {MEMBER_COLUMNS.map(([key, questionId]) => (
                      <Table.Td key={key}>
                        {show(questionId, asAnswer(m.answers[questionId]))}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  )
}

/** A member answer from the wire, or no answer when it has a shape answers never have. */
function asAnswer(value: unknown): Answer | undefined {
  const parsed = answerSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}
