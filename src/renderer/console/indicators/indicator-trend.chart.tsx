import { Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { TrendPoint } from '../../../shared/api/http.contract'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'
import { monthLabel, share, shortName } from './indicator-labels'

interface LinePoint {
  month: string
  value: number | null
  numerator: number
  denominator: number
}

/**
 * One indicator month by month, as of the end of each month, against its target: the
 * line a province reports upward with.
 */
export function IndicatorTrend({
  trend,
  indicatorId,
  target,
}: {
  trend: readonly TrendPoint[]
  indicatorId: string
  target: number | null
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const points: LinePoint[] = trend.map((p) => {
    const v = p.indicators.find((i) => i.id === indicatorId)
    return {
      month: monthLabel(p.month),
      value: v?.value ?? null,
      numerator: v?.numerator ?? 0,
      denominator: v?.denominator ?? 0,
    }
  })
  return (
    <Paper withBorder p="md" radius="md" h="100%" data-testid="indicator-trend">
      <Stack gap="xs">
        <div>
          <Title order={2} size="h4">
            {t('console.indicators.trend.title')}: {shortName(t, indicatorId, locale)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('console.indicators.trend.hint')}
          </Text>
        </div>
        {points.length === 0 ? (
          <Text c="dimmed">{t('console.indicators.trend.empty')}</Text>
        ) : (
          <ResponsiveContainer width="100%" height={340}>
            <LineChart data={points} margin={{ top: 24, right: 24, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" fontSize={12} />
              <YAxis
                domain={[0, 1]}
                ticks={[0, 0.25, 0.5, 0.75, 1]}
                tickFormatter={(v: number) => share(v, locale)}
                fontSize={12}
                width={48}
              />
              <Tooltip
                formatter={(_value, _name, item) => {
                  const p = item.payload as LinePoint
                  return [
                    `${share(p.value, locale)} (${formatCount(p.numerator, locale)} / ${formatCount(p.denominator, locale)})`,
                    shortName(t, indicatorId, locale),
                  ]
                }}
              />
              {target !== null ? (
                <ReferenceLine
                  y={target}
                  stroke="#c92a2a"
                  strokeDasharray="6 4"
                  strokeWidth={2}
                  label={{
                    value: `${t('console.indicators.bars.target')} ${share(target, locale)}`,
                    position: 'insideTopRight',
                    fontSize: 12,
                    fill: '#c92a2a',
                  }}
                />
              ) : null}
              <Line
                type="monotone"
                dataKey="value"
                stroke="#1971c2"
                strokeWidth={3}
                dot={{ r: 4 }}
                activeDot={{ r: 6 }}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </Stack>
    </Paper>
  )
}
