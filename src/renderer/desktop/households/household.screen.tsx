import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HouseholdDetail, VisitSummary } from '../../../shared/api/ipc.contract'
import { type FormDefinition, flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { ageInYear, formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { formatAnswer } from '../../common/forms/answer.format'
import type { VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import { callMain } from '../api/desktop.client'
import { rowTitleText } from '../household-form/form-issues'
import { FormVersionAlert } from './form-version.alert'
import { householdFormRef, useRecordForm } from './record-form.hook'
import { rejectReasonText, SyncStateBadge } from './sync-state.badge'
import { VisitViewModal } from './visit-view.modal'

interface HouseholdScreenProps {
  householdId: string
  /** The form new visits use; saved visits are shown with the version they were made on. */
  form: FormDefinition
  villages: readonly VillageChoice[]
  dataVersion: number
  starting: boolean
  onBackToVillages: () => void
  onBackToVillage: (villageCode: string) => void
  /** Opens the visit in progress, or starts a revisit from the latest state. */
  onVisit: (household: HouseholdDetail) => void
}

/** A household: its latest state, who is in it, every visit so far, and "Khảo sát lại". */
export function HouseholdScreen(props: HouseholdScreenProps) {
  const { householdId, dataVersion } = props
  const loaded = useAsyncData(
    async () => ({
      detail: await callMain('households.get', { id: householdId }),
      visits: await callMain('households.visits', { householdId }),
    }),
    [householdId, dataVersion],
  )
  if (loaded.state === 'loading') return <Loader m="xl" />
  if (loaded.state === 'failed')
    return <LoadFailedAlert code={loaded.code} onRetry={loaded.reload} />
  return <HouseholdWithForm {...props} detail={loaded.data.detail} visits={loaded.data.visits} />
}

type LoadedHouseholdProps = HouseholdScreenProps & {
  detail: HouseholdDetail
  visits: VisitSummary[]
}

/** Loads the form version of the household's latest state before showing it. */
function HouseholdWithForm(props: LoadedHouseholdProps) {
  const { t } = useTranslation()
  const formRef = householdFormRef(props.detail)
  const recordForm = useRecordForm(formRef, props.form)
  if (recordForm.state === 'loading') return <Loader m="xl" />
  if (recordForm.state === 'failed') {
    return (
      <Stack gap="md" align="flex-start">
        <FormVersionAlert code={recordForm.code} formRef={formRef} onRetry={recordForm.reload} />
        <Button variant="default" onClick={() => props.onBackToVillage(props.detail.villageCode)}>
          {t('app.back')}
        </Button>
      </Stack>
    )
  }
  return <HouseholdView {...props} currentForm={props.form} form={recordForm.data} />
}

function HouseholdView(
  props: LoadedHouseholdProps & {
    /** The form new visits use: the visit modal resolves each visit's own version from it. */
    currentForm: FormDefinition
  },
) {
  const { detail, visits, form, villages } = props
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const [viewing, setViewing] = useState<VisitSummary | null>(null)
  const questions = new Map(
    form.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
  )
  const roster = form.sections.find((s) => s.kind === 'repeat')
  const members = roster ? (detail.response.repeats[roster.id] ?? []) : []
  const words = { yes: t('answer.yes'), no: t('answer.no'), empty: t('answer.empty') }
  const show = (id: string, answers = detail.response.answers) => {
    const q = questions.get(id)
    return q ? formatAnswer(q, answers[id], locale, words) : t('answer.empty')
  }
  const villageName =
    villages.find((v) => v.code === detail.villageCode)?.name ?? detail.villageCode

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component="button" type="button" onClick={props.onBackToVillages}>
          {t('households.breadcrumbVillages')}
        </Anchor>
        <Anchor
          component="button"
          type="button"
          onClick={() => props.onBackToVillage(detail.villageCode)}
        >
          {villageName}
        </Anchor>
        <Text>{detail.headName}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {detail.headName}
          </Title>
          <Text c="dimmed">{[detail.address, villageName].filter(Boolean).join(' · ')}</Text>
        </Stack>
        <Button
          size="lg"
          onClick={() => props.onVisit(detail)}
          loading={props.starting}
          data-autofocus
        >
          {detail.draftId ? t('household.resume') : t('household.revisit')}
        </Button>
      </Group>
      {detail.syncState === 'rejected' && detail.rejectReason ? (
        <Alert color="red" variant="light" title={t('form.rejectedTitle')}>
          <Text>{rejectReasonText(detail.rejectReason, t)}</Text>
          <Text size="sm">{t('form.rejectedHint')}</Text>
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p="lg" h="100%">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('household.latestTitle')}
              </Title>
              <Fact label={t('household.visitDate')} value={formatIsoDate(detail.visitDate)} />
              <Fact
                label={questions.get('visit_result')?.label[locale] ?? ''}
                value={show('visit_result')}
              />
              <Fact label={questions.get('phone')?.label[locale] ?? ''} value={show('phone')} />
              <Fact
                label={questions.get('h_internet')?.label[locale] ?? ''}
                value={show('h_internet')}
              />
              <Group gap="xs">
                <Text c="dimmed" size="sm">
                  {t('households.columns.sync')}:
                </Text>
                <SyncStateBadge household={detail} />
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="lg" h="100%">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('household.membersTitle', { count: members.length })}
              </Title>
              {members.length === 0 ? (
                <Text c="dimmed">{t('household.noMembers')}</Text>
              ) : (
                <Table verticalSpacing={4} fz="sm">
                  <Table.Tbody>
                    {members.map((row, index) => {
                      const age = ageInYear(row.answers.birth_year, detail.visitDate)
                      return (
                        <Table.Tr key={row.id}>
                          <Table.Td fw={600}>{rowTitleText(roster, row, index, t)}</Table.Td>
                          <Table.Td>{show('relation', row.answers)}</Table.Td>
                          <Table.Td>
                            {age === null ? '' : t('form.members.age', { count: age })}
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('visits.historyTitle', { count: visits.length })}
          </Title>
          <Table verticalSpacing="xs" fz="md" data-testid="visit-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('visits.date')}</Table.Th>
                <Table.Th>{t('visits.result')}</Table.Th>
                <Table.Th>{t('visits.enumerator')}</Table.Th>
                <Table.Th>{t('visits.savedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visits.map((v) => (
                <Table.Tr key={v.id} data-visit={v.id}>
                  <Table.Td fw={600}>{formatIsoDate(v.visitDate)}</Table.Td>
                  <Table.Td>
                    {v.visitResult
                      ? show('visit_result', { visit_result: v.visitResult })
                      : t('answer.empty')}
                  </Table.Td>
                  <Table.Td>{v.enumeratorName ?? t('visits.unknownEnumerator')}</Table.Td>
                  <Table.Td>{formatDateTime(v.savedAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Button variant="light" size="sm" onClick={() => setViewing(v)}>
                      {t('visits.view')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      <VisitViewModal
        visit={viewing}
        household={detail}
        currentForm={props.currentForm}
        villages={villages}
        onClose={() => setViewing(null)}
      />
    </Stack>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text c="dimmed" size="sm">
        {label}:
      </Text>
      <Text fw={600}>{value}</Text>
    </Group>
  )
}
