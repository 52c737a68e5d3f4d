import { Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConsoleHouseholdDetail } from '../../../shared/api/http.contract'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions, type Question } from '../../../shared/forms/form-definition.schema'
import { type Answer, answerSchema } from '../../../shared/forms/form-response.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { formatAnswer } from '../../common/forms/answer.format'
import { questionChoices, type VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink } from '../app/navigation'
import { LoadError } from '../common/error.alert'
import { shortId } from '../common/short-id'

/** Member questions shown as columns of the roster, in this order. */
const MEMBER_COLUMNS = [
  ['relation', 'relation'],
  ['sex', 'sex'],
  ['birthYear', 'birth_year'],
  ['phone', 'm_phone'],
  ['vneid', 'm_vneid'],
] as const

const form = defaultHouseholdForm
const questions = new Map(
  form.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
)
const householdQuestions = form.sections
  .filter((s) => s.kind === 'fields')
  .flatMap((s) => flattenQuestions(s.items))

/** One household as the server holds it: its answers and its members. */
export function HouseholdDetailScreen({ id }: { id: string }) {
  const client = useConsoleClient()
  const detail = useAsyncData(() => client.call('households.get', { id }), [client, id])
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <RouteLink to={{ page: 'households' }} size="md" w="fit-content">
        {t('console.detail.back')}
      </RouteLink>
      {detail.state === 'loading' ? <Loader /> : null}
      {detail.state === 'failed' ? <LoadError code={detail.code} onRetry={detail.reload} /> : null}
      {detail.state === 'done' ? <Detail household={detail.data} /> : null}
    </Stack>
  )
}

function Detail({ household: h }: { household: ConsoleHouseholdDetail }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const words = { yes: t('answer.yes'), no: t('answer.no'), empty: t('answer.empty') }
  const show = (q: Question | undefined, value: Answer | undefined) =>
    q
      ? formatAnswer(q, value, locale, words, questionChoices(q, ownVillage(h)))
      : String(value ?? '')
  const answered = householdQuestions.filter((q) => h.response.answers[q.id] !== undefined)

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {h.headName}
        </Title>
        <Group gap="md">
          <Badge size="lg" radius="sm" variant="light">
            {h.villageName ?? h.villageCode}
          </Badge>
          <Text c="dimmed">{formatIsoDate(h.visitDate)}</Text>
          <Text c="dimmed">
            {t('console.detail.receivedAt', { time: formatDateTime(h.receivedAt) })}
          </Text>
          <Text c="dimmed">{t('console.detail.device', { device: shortId(h.deviceId) })}</Text>
        </Group>
        <Text c="dimmed" size="sm">
          {t('console.detail.formVersion', { form: form.title[locale], version: h.formVersion })}
        </Text>
      </Stack>

      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="md">
          {t('console.detail.answers')}
        </Title>
        <Table variant="vertical" withTableBorder fz="md" layout="fixed">
          <Table.Tbody>
            {answered.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Th w="40%">{q.label[locale]}</Table.Th>
                <Table.Td>{show(q, h.response.answers[q.id])}</Table.Td>
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
                        {show(questions.get(questionId), asAnswer(m.answers[questionId]))}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  )
}

/** A member answer from the wire, or no answer when it has a shape answers never have. */
function asAnswer(value: unknown): Answer | undefined {
  const parsed = answerSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/**
 * The village question's answer is the household's village code; the server names it from
 * the province's village list.
 */
function ownVillage(h: ConsoleHouseholdDetail): VillageChoice[] {
  return h.villageName ? [{ code: h.villageCode, name: h.villageName }] : []
}
