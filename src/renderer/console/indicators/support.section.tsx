import { Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IndicatorSupport } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { LoadError } from '../common/error.alert'
import { monthLabel } from './indicator-labels'
import { KindBars, StackedBars } from './support.charts'

/** Where the help is counted: the province, a commune or a village. */
export interface SupportScope {
  communeCode: string | null
  villageCode: string | null
}

/**
 * The help the teams gave, within a period of months: in total, by kind, by month, by
 * team (each commune of the province, or each village of a commune) and by team member.
 */
export function SupportSection({
  scope,
  months,
}: {
  scope: SupportScope
  months: readonly string[]
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const support = useAsyncData(
    () =>
      client.call('indicators.support', {
        ...(scope.communeCode ? { communeCode: scope.communeCode } : {}),
        ...(scope.villageCode ? { villageCode: scope.villageCode } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
    [client, scope.communeCode, scope.villageCode, from, to],
  )
  const options = months.map((m) => ({ value: m, label: monthLabel(m) }))
  return (
    <Paper withBorder p="md" radius="md" data-testid="support-section">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <div>
            <Title order={2} size="h3">
              {t('console.indicators.support.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('console.indicators.support.hint')}
            </Text>
          </div>
          <Group gap="sm" wrap="nowrap">
            <Select
              label={t('console.indicators.support.from')}
              placeholder={t('console.indicators.support.allTime')}
              data={options.filter((o) => !to || o.value <= to)}
              value={from}
              onChange={setFrom}
              clearable
              w={150}
              size="sm"
            />
            <Select
              label={t('console.indicators.support.to')}
              placeholder={t('console.indicators.support.untilNow')}
              data={options.filter((o) => !from || o.value >= from)}
              value={to}
              onChange={setTo}
              clearable
              w={150}
              size="sm"
            />
          </Group>
        </Group>
        {support.state === 'loading' ? <Loader size="sm" /> : null}
        {support.state === 'failed' ? (
          <LoadError code={support.code} onRetry={support.reload} />
        ) : null}
        {support.state === 'done' ? <SupportCharts support={support.data} scope={scope} /> : null}
      </Stack>
    </Paper>
  )
}

function SupportCharts({ support, scope }: { support: IndicatorSupport; scope: SupportScope }) {
  const { t } = useTranslation()
  const { totals, kinds } = support
  const placeTitle = scope.communeCode
    ? t('console.indicators.support.byVillage')
    : t('console.indicators.support.byTeam')
  return (
    <Stack gap="md">
      <Text fw={600} data-testid="support-totals">
        {t('console.indicators.support.totals', {
          help: totals.help,
          visits: totals.visits,
          completed: totals.completedVisits,
        })}
      </Text>
      {totals.help === 0 ? <Text c="dimmed">{t('console.indicators.support.empty')}</Text> : null}
      <SimpleGrid cols={2} spacing="md">
        <KindBars
          title={t('console.indicators.support.byKind')}
          kinds={kinds}
          counts={totals.counts}
        />
        <StackedBars
          title={t('console.indicators.support.byMonth')}
          kinds={kinds}
          rows={support.byMonth.map((m) => ({ key: m.month, name: monthLabel(m.month), ...m }))}
          layout="columns"
          testId="support-by-month"
        />
        {scope.villageCode ? null : (
          <StackedBars
            title={placeTitle}
            kinds={kinds}
            rows={support.byPlace.slice(0, 12).map((p) => ({ key: p.code, ...p }))}
            layout="rows"
            testId="support-by-place"
          />
        )}
        <StackedBars
          title={t('console.indicators.support.byMember')}
          kinds={kinds}
          rows={support.byMember.slice(0, 12).map((m) => ({
            key: m.id,
            ...m,
            name: m.name ?? t('console.indicators.support.unknownMember'),
          }))}
          layout="rows"
          testId="support-by-member"
          footnote={
            support.moreMembers > 0 || support.byMember.length > 12
              ? t('console.indicators.support.moreMembers', {
                  count: support.moreMembers + Math.max(0, support.byMember.length - 12),
                })
              : null
          }
        />
      </SimpleGrid>
    </Stack>
  )
}
