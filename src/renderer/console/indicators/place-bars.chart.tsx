import { Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { PlaceIndicators } from '../../../shared/api/http.contract'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'
import { indicatorOf, STANDING_COLOR, share, shortName, standingOf } from './indicator-labels'

const ROW = 30

interface BarRow {
  code: string
  name: string
  value: number
  label: string
  numerator: number
  denominator: number
  color: string
}

/**
 * One indicator across the places of a scope (the province's communes or a commune's
 * villages), best first, each bar coloured by how it stands against the target, the
 * target drawn across. A click on a bar opens that place.
 */
export function PlaceBars({
  places,
  indicatorId,
  kind,
  onOpen,
}: {
  places: readonly PlaceIndicators[]
  indicatorId: string
  kind: 'communes' | 'villages'
  onOpen: (code: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const rows: BarRow[] = places
    .map((place) => {
      const v = indicatorOf(place.indicators, indicatorId)
      const ratio = v?.value ?? null
      return {
        code: place.code,
        name: place.name,
        value: ratio ?? 0,
        label: ratio === null ? t('console.indicators.bars.noData') : share(ratio, locale),
        numerator: v?.numerator ?? 0,
        denominator: v?.denominator ?? 0,
        color: ratio === null ? '#ced4da' : STANDING_COLOR[standingOf(ratio, v?.target ?? null)],
        known: ratio !== null,
      }
    })
    .sort((a, b) => Number(b.known) - Number(a.known) || b.value - a.value)
  const target = places[0] ? (indicatorOf(places[0].indicators, indicatorId)?.target ?? null) : null
  const title =
    kind === 'communes'
      ? t('console.indicators.bars.titleCommunes')
      : t('console.indicators.bars.titleVillages')
  return (
    <Paper withBorder p="md" radius="md" h="100%" data-testid="place-bars">
      <Stack gap="xs">
        <div>
          <Title order={2} size="h4">
            {title}: {shortName(t, indicatorId, locale)}
          </Title>
          <Text size="sm" c="dimmed">
            {kind === 'communes'
              ? t('console.indicators.bars.hintCommunes')
              : t('console.indicators.bars.hintVillages')}
          </Text>
        </div>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('console.indicators.bars.empty')}</Text>
        ) : (
          <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
            <ResponsiveContainer width="100%" height={Math.max(340, rows.length * ROW + 56)}>
              <BarChart
                data={rows}
                layout="vertical"
                margin={{ top: 22, right: 64, bottom: 4, left: 4 }}
                barCategoryGap={6}
                maxBarSize={34}
              >
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis
                  type="number"
                  domain={[0, 1]}
                  ticks={[0, 0.25, 0.5, 0.75, 1]}
                  tickFormatter={(v: number) => share(v, locale)}
                  fontSize={12}
                />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={170}
                  fontSize={13}
                  tickLine={false}
                  interval={0}
                />
                <Tooltip
                  cursor={{ fill: 'rgba(34, 139, 230, 0.08)' }}
                  formatter={(_value, _name, item) => {
                    const row = item.payload as BarRow
                    return [
                      `${row.label} (${formatCount(row.numerator, locale)} / ${formatCount(row.denominator, locale)})`,
                      shortName(t, indicatorId, locale),
                    ]
                  }}
                />
                <Bar
                  dataKey="value"
                  radius={[0, 4, 4, 0]}
                  cursor="pointer"
                  onClick={(data) => {
                    const code = (data as { payload?: BarRow }).payload?.code
                    if (code) onOpen(code)
                  }}
                  isAnimationActive={false}
                >
                  {rows.map((row) => (
                    <Cell key={row.code} fill={row.color} />
                  ))}
                  <LabelList dataKey="label" position="right" fontSize={12} fill="#343a40" />
                </Bar>
                {target !== null ? (
                  <ReferenceLine
                    x={target}
                    stroke="#212529"
                    strokeDasharray="5 4"
                    strokeWidth={2}
                    label={{
                      value: `${t('console.indicators.bars.target')} ${share(target, locale)}`,
                      position: 'top',
                      fontSize: 12,
                      fill: '#212529',
                    }}
                  />
                ) : null}
              </BarChart>
            </ResponsiveContainer>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  )
}
