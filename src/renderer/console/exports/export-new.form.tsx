import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  EXPORT_FORMATS,
  type ExportFilter,
  type ExportFormat,
  type ExportJob,
} from '../../../shared/api/http.contract'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { useSession } from '../app/session.context'
import { useAction } from '../common/action.hook'
import { useCommunes } from '../common/communes.hook'
import { readDayRange } from '../common/dates'
import { DayRangeInputs } from '../common/day-range.inputs'
import { ErrorAlert } from '../common/error.alert'
import { accentFreeFilter } from '../common/select-filter'
import { useExportErrorWords } from './export-errors'

const visitResults =
  flattenQuestions(defaultHouseholdForm.sections.flatMap((s) => s.items)).find(
    (q) => q.id === 'visit_result',
  )?.choices ?? []

interface Choices {
  format: ExportFormat
  commune: string | null
  village: string | null
  visitResult: string | null
  from: string
  to: string
}

/**
 * What to export: the format, then which households — a commune (a commune viewer's own,
 * fixed), a village, a visit result, a range of visit days. "Tạo tệp xuất" asks the
 * server to write it; the new export appears in the list below with its progress.
 */
export function ExportNewForm({ onCreated }: { onCreated: (job: ExportJob) => void }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const { user } = useSession()
  const communes = useCommunes()
  const errorWords = useExportErrorWords()
  const viewerCommune = user.role === 'commune_viewer' ? user.communeCode : null
  const [choices, setChoices] = useState<Choices>({
    format: 'xlsx',
    commune: null,
    village: null,
    visitResult: null,
    from: '',
    to: '',
  })
  const commune = viewerCommune ?? choices.commune
  const villages = useAsyncData(
    () =>
      commune
        ? client.call('places.villages', { communeCode: commune, status: 'all' })
        : Promise.resolve(null),
    [client, commune],
  )
  const range = readDayRange(choices.from, choices.to)
  const rangeOk = !range.fromError && !range.toError
  const set = <K extends keyof Choices>(key: K, value: Choices[K]) =>
    setChoices((current) => ({ ...current, [key]: value }))

  const create = useAction(async () => {
    const filter: ExportFilter = {
      ...(choices.commune && !viewerCommune ? { communeCode: choices.commune } : {}),
      ...(choices.village ? { villageCode: choices.village } : {}),
      ...(choices.visitResult ? { visitResult: choices.visitResult } : {}),
      ...(range.from ? { from: range.from } : {}),
      ...(range.to ? { to: range.to } : {}),
    }
    onCreated(await client.call('exports.create', { format: choices.format, filter }))
  })

  const villageOptions =
    villages.state === 'done' && villages.data
      ? villages.data.items.map((v) => ({ value: v.code, label: v.name }))
      : []

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('console.exports.newTitle')}
        </Title>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('console.exports.format')}
          </Text>
          <Group gap="md" wrap="nowrap">
            <SegmentedControl
              size="md"
              value={choices.format}
              onChange={(value) => set('format', value as ExportFormat)}
              data={EXPORT_FORMATS.map((f) => ({
                value: f,
                label: t(`console.exports.formats.${f}`),
              }))}
              aria-label={t('console.exports.format')}
            />
            <Text c="dimmed" size="sm">
              {t(`console.exports.formatHints.${choices.format}`)}
            </Text>
          </Group>
        </Stack>
        <Group align="flex-start" gap="md">
          <Select
            label={t('console.exports.commune')}
            placeholder={t('console.exports.allCommunes')}
            data={communes.options}
            value={commune}
            disabled={viewerCommune !== null}
            onChange={(value) => setChoices((c) => ({ ...c, commune: value, village: null }))}
            filter={accentFreeFilter}
            searchable
            clearable
            w={230}
          />
          <Select
            label={t('console.exports.village')}
            placeholder={
              commune ? t('console.exports.allVillages') : t('console.exports.chooseCommuneFirst')
            }
            data={villageOptions}
            value={choices.village}
            disabled={!commune}
            onChange={(value) => set('village', value)}
            filter={accentFreeFilter}
            searchable
            clearable
            w={220}
          />
          <Select
            label={t('console.exports.visitResult')}
            placeholder={t('console.exports.allResults')}
            data={visitResults.map((c) => ({
              value: c.value,
              label: choiceLabel(visitResults, c.value, locale),
            }))}
            value={choices.visitResult}
            onChange={(value) => set('visitResult', value)}
            clearable
            w={170}
          />
          <DayRangeInputs
            from={choices.from}
            to={choices.to}
            range={range}
            labels={{
              from: t('console.exports.from'),
              to: t('console.exports.to'),
              placeholder: t('console.exports.datePlaceholder'),
            }}
            onChange={set}
            width={140}
          />
        </Group>
        {create.failure ? <ErrorAlert failure={create.failure} overrides={errorWords} /> : null}
        <Group>
          <Button
            size="md"
            loading={create.pending}
            disabled={!rangeOk}
            onClick={() => void create.run()}
          >
            {t('console.exports.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
