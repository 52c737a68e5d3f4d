import {
  Box,
  EmptyState,
  Grid,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { IpcOutput } from '../../../shared/api/ipc.contract'
import { type FormDefinition, flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { defaultIndicators } from '../../../shared/indicators/default-indicators'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { formatCount, formatPercent } from '../../common/format/number.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { callMain } from '../api/desktop.client'

type IndicatorValue = IpcOutput<'places.villageProgress'>['indicators'][number]

/** Households surveyed over households registered: needs the commune's register. */
const COVERAGE = 'coverage'

interface IndicatorsPanelProps {
  villageCode: string
  form: FormDefinition
  dataVersion: number
}

/**
 * The village's indicators so far (the shared indicator function, run by the main
 * process over each household's latest completed visit): a bar per indicator with the
 * national target marked, and the help the team gave by kind.
 */
export function IndicatorsPanel({ villageCode, form, dataVersion }: IndicatorsPanelProps) {
  const { t } = useTranslation()
  const progress = useAsyncData(
    () => callMain('places.villageProgress', { villageCode }),
    [villageCode, dataVersion],
  )
  if (progress.state === 'loading') return <Loader m="md" />
  if (progress.state === 'failed')
    return <LoadFailedAlert code={progress.code} onRetry={progress.reload} />
  const { indicators, village } = progress.data
  if (village.completed === 0) {
    return <EmptyState title={t('indicators.emptyTitle')} description={t('indicators.empty')} />
  }
  const ratios = indicators.filter((i) => i.kind === 'ratio')
  const tallies = indicators.filter((i) => i.kind === 'tally')
  return (
    <Stack gap="lg" data-testid="indicators">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="baseline">
            <Title order={2} size="h4">
              {t('indicators.title')}
            </Title>
            <Group gap={6}>
              <Box w={3} h={14} bg="dark.6" aria-hidden="true" />
              <Text size="sm" c="dimmed">
                {t('indicators.targetLegend')}
              </Text>
            </Group>
          </Group>
          {ratios.map((indicator) => (
            <RatioRow
              key={indicator.id}
              indicator={indicator}
              noDataText={
                indicator.id === COVERAGE && village.registered === null
                  ? t('indicators.noRegister')
                  : t('indicators.noData')
              }
            />
          ))}
          <Text size="sm" c="dimmed">
            {t('indicators.note', { age: form.settings.adultAge })}
          </Text>
        </Stack>
      </Paper>
      {tallies.map((indicator) => (
        <TallyCard key={indicator.id} indicator={indicator} form={form} />
      ))}
    </Stack>
  )
}

function indicatorLabel(id: string, locale: 'vi' | 'en'): string {
  return defaultIndicators.find((d) => d.id === id)?.label[locale] ?? id
}

function RatioRow({ indicator, noDataText }: { indicator: IndicatorValue; noDataText: string }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const { value, target, numerator, denominator } = indicator
  const met = value !== null && target !== null && value >= target
  return (
    <Grid gap="sm" align="center" data-indicator={indicator.id}>
      <Grid.Col span={5}>
        <Text fw={600}>{indicatorLabel(indicator.id, locale)}</Text>
      </Grid.Col>
      <Grid.Col span={4}>
        <Box pos="relative">
          <Progress
            value={(value ?? 0) * 100}
            size="xl"
            radius="sm"
            color={met ? 'green.7' : 'blue.7'}
            aria-label={indicatorLabel(indicator.id, locale)}
          />
          {target !== null ? (
            <Box
              pos="absolute"
              top={-4}
              bottom={-4}
              w={3}
              bg="dark.6"
              style={{ left: `calc(${target * 100}% - 1px)` }}
              title={t('indicators.target', { value: formatPercent(target, locale) })}
            />
          ) : null}
        </Box>
      </Grid.Col>
      <Grid.Col span={3}>
        {value === null ? (
          <Text c="dimmed" size="sm">
            {noDataText}
          </Text>
        ) : (
          <Group gap={8} wrap="nowrap" align="baseline">
            <Text fw={700} size="lg" c={met ? 'green.8' : undefined}>
              {formatPercent(value, locale)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatCount(numerator, locale)}/{formatCount(denominator, locale)}
              {target !== null
                ? ` · ${t('indicators.target', { value: formatPercent(target, locale) })}`
                : ''}
            </Text>
          </Group>
        )}
      </Grid.Col>
    </Grid>
  )
}

function TallyCard({ indicator, form }: { indicator: IndicatorValue; form: FormDefinition }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const definition = defaultIndicators.find((d) => d.id === indicator.id)
  const questionId = definition?.kind === 'tally' ? definition.question : ''
  const choices =
    form.sections.flatMap((s) => flattenQuestions(s.items)).find((q) => q.id === questionId)
      ?.choices ?? []
  const counts = Object.entries(indicator.counts ?? {}).sort((a, b) => b[1] - a[1])
  const max = Math.max(1, ...counts.map(([, n]) => n))
  return (
    <Paper withBorder radius="md" p="lg" data-indicator={indicator.id}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {indicatorLabel(indicator.id, locale)}
        </Title>
        {counts.length === 0 ? (
          <Text c="dimmed">{t('indicators.noSupport')}</Text>
        ) : (
          counts.map(([value, n]) => (
            <Grid key={value} gap="sm" align="center">
              <Grid.Col span={5}>
                <Text>{choiceLabel(choices, value, locale)}</Text>
              </Grid.Col>
              <Grid.Col span={4}>
                <Progress
                  value={(n / max) * 100}
                  size="lg"
                  radius="sm"
                  color="teal.7"
                  aria-hidden="true"
                />
              </Grid.Col>
              <Grid.Col span={3}>
                <Text fw={700}>{t('indicators.times', { count: n })}</Text>
              </Grid.Col>
            </Grid>
          ))
        )}
      </Stack>
    </Paper>
  )
}
