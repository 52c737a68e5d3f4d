import { Breadcrumbs, Grid, Loader, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IndicatorScope } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { useSession } from '../app/session.context'
import { ErrorAlert, LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'
import { provinceTitle } from '../common/place-names'
import { FIRST_INDICATOR, indicatorOf } from './indicator-labels'
import { IndicatorTiles } from './indicator-tiles'
import { IndicatorTrend } from './indicator-trend.chart'
import { PlaceBars } from './place-bars.chart'
import { SupportSection } from './support.section'

/**
 * The indicator dashboard: the province, a commune or a village, against the national 2025
 * targets — tiles, the places of the scope compared, the trend by month, and the help the
 * teams gave. A commune viewer starts at (and stays within) their commune.
 */
export function IndicatorsScreen({
  communeCode,
  villageCode,
}: {
  communeCode: string | null
  villageCode: string | null
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const navigate = useNavigate()
  const { user } = useSession()
  const commune = communeCode ?? (user.role === 'commune_viewer' ? user.communeCode : null)
  const village = commune ? villageCode : null
  const [selected, setSelected] = useState(FIRST_INDICATOR)
  const scope = useAsyncData<IndicatorScope>(() => {
    if (village) return client.call('indicators.village', { villageCode: village })
    if (commune) return client.call('indicators.commune', { communeCode: commune })
    return client.call('indicators.province', {})
  }, [client, commune, village])

  if (scope.state === 'loading') return <Loader />
  if (scope.state === 'failed') {
    // Another commune than the viewer's: trying again will not help.
    return scope.code === 'forbidden' || scope.code === 'not_found' ? (
      <ErrorAlert failure={scope.code} title={t('console.errors.loadTitle')} />
    ) : (
      <LoadError code={scope.code} onRetry={scope.reload} />
    )
  }
  const data = scope.data
  const target = indicatorOf(data.totals.indicators, selected)?.target ?? null
  const adults = indicatorOf(data.totals.indicators, 'smartphone_adults')?.denominator ?? 0
  const openPlace = (code: string) =>
    data.level === 'province'
      ? navigate({ page: 'indicators', communeCode: code })
      : navigate({ page: 'indicators', communeCode: data.commune?.code ?? '', villageCode: code })

  return (
    <Stack gap="lg">
      <PageHeader
        above={<ScopeCrumbs scope={data} provinceLink={user.role !== 'commune_viewer'} />}
        title={t('console.indicators.scopeTitle', { name: scopeName(data, t) })}
        description={
          <>
            <Text span fw={600} c="dark" data-testid="indicators-summary">
              {data.totals.registeredHouseholds > 0
                ? t('console.indicators.summary', {
                    surveyed: data.totals.surveyedHouseholds,
                    registered: data.totals.registeredHouseholds,
                    adults,
                  })
                : t('console.indicators.summaryNoRegister', {
                    surveyed: data.totals.surveyedHouseholds,
                    adults,
                  })}
            </Text>
            <br />
            {t('console.indicators.intro')}
          </>
        }
      />
      {data.totals.surveyedHouseholds === 0 ? (
        <Text c="dimmed">{t('console.indicators.empty')}</Text>
      ) : null}
      <IndicatorTiles place={data.totals} selected={selected} onSelect={setSelected} />
      <Grid gap="md">
        {data.level === 'village' ? null : (
          <Grid.Col span={7}>
            <PlaceBars
              places={data.places}
              indicatorId={selected}
              kind={data.level === 'province' ? 'communes' : 'villages'}
              onOpen={openPlace}
            />
          </Grid.Col>
        )}
        <Grid.Col span={data.level === 'village' ? 12 : 5}>
          <IndicatorTrend trend={data.trend} indicatorId={selected} target={target} />
        </Grid.Col>
      </Grid>
      <SupportSection
        scope={{ communeCode: data.commune?.code ?? null, villageCode: data.village?.code ?? null }}
        months={data.trend.map((p) => p.month)}
      />
    </Stack>
  )
}

function scopeName(scope: IndicatorScope, t: ReturnType<typeof useTranslation>['t']): string {
  if (scope.village) return scope.village.name
  if (scope.commune) return scope.commune.name
  return provinceTitle(scope.province.name, t)
}

/** Province › commune › village, each a link but the current one. */
function ScopeCrumbs({ scope, provinceLink }: { scope: IndicatorScope; provinceLink: boolean }) {
  const { t } = useTranslation()
  const province = provinceTitle(scope.province.name, t)
  const items = [
    scope.level !== 'province' && provinceLink ? (
      <RouteLink key="p" to={{ page: 'indicators' }}>
        {province}
      </RouteLink>
    ) : (
      <Text key="p" span c={scope.level === 'province' ? undefined : 'dimmed'}>
        {province}
      </Text>
    ),
  ]
  if (scope.commune) {
    items.push(
      scope.level === 'village' ? (
        <RouteLink key="c" to={{ page: 'indicators', communeCode: scope.commune.code }}>
          {scope.commune.name}
        </RouteLink>
      ) : (
        <Text key="c" span>
          {scope.commune.name}
        </Text>
      ),
    )
  }
  if (scope.village) {
    items.push(
      <Text key="v" span>
        {scope.village.name}
      </Text>,
    )
  }
  return (
    <Breadcrumbs separator="›" fz="sm" aria-label={t('console.indicators.title')}>
      {items}
    </Breadcrumbs>
  )
}
