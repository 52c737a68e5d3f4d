import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'
import { supportKindColor, supportKindName } from './indicator-labels'

const ROW = 28

/** How much of each kind of help: one bar per kind, in the kind's colour. */
export function KindBars({
  title,
  kinds,
  counts,
}: {
  title: string
  kinds: readonly string[]
  counts: Record<string, number>
}) {
  const { i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const rows = kinds.map((kind) => ({
    kind,
    name: supportKindName(kind, locale),
    count: counts[kind] ?? 0,
  }))
  return (
    <Stack gap={4} data-testid="support-by-kind">
      <Title order={3} size="h5">
        {title}
      </Title>
      <ResponsiveContainer width="100%" height={rows.length * ROW + 30}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis
            type="category"
            dataKey="name"
            width={190}
            fontSize={13}
            tickLine={false}
            interval={0}
          />
          <Tooltip formatter={(value) => formatCount(Number(value), locale)} />
          <Bar dataKey="count" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.kind} fill={supportKindColor(kinds, row.kind)} />
            ))}
            <LabelList
              dataKey="count"
              position="right"
              fontSize={12}
              fill="#343a40"
              formatter={(value: unknown) => formatCount(Number(value), locale)}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Stack>
  )
}

/** A row of the stacked charts: a month, a team or a team member. */
export interface StackRow {
  key: string
  name: string
  visits: number
  help: number
  counts: Record<string, number>
}

/**
 * Help given split by kind, stacked: columns for months, rows for teams and team members
 * (most help first, as the server orders them).
 */
export function StackedBars({
  title,
  kinds,
  rows,
  layout,
  testId,
  footnote = null,
}: {
  title: string
  testId: string
  kinds: readonly string[]
  rows: readonly StackRow[]
  layout: 'columns' | 'rows'
  footnote?: string | null
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const data = rows.map((row) => ({ ...row, ...prefixed(row.counts) }))
  const height = layout === 'rows' ? Math.max(140, rows.length * ROW + 70) : 260
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('console.indicators.support.empty')}
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={data}
            layout={layout === 'rows' ? 'vertical' : 'horizontal'}
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              horizontal={layout === 'columns'}
              vertical={layout === 'rows'}
            />
            {layout === 'rows' ? (
              <>
                <XAxis type="number" allowDecimals={false} fontSize={12} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={170}
                  fontSize={13}
                  tickLine={false}
                  interval={0}
                />
              </>
            ) : (
              <>
                <XAxis dataKey="name" fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} width={40} />
              </>
            )}
            <Tooltip
              formatter={(value, name) => [
                formatCount(Number(value), locale),
                supportKindName(String(name).replace(/^k_/, ''), locale),
              ]}
              labelFormatter={(label, items) => {
                const row = items[0]?.payload as StackRow | undefined
                return row
                  ? `${label} — ${t('console.indicators.support.visits')}: ${formatCount(row.visits, locale)}`
                  : String(label)
              }}
            />
            <Legend
              formatter={(name: string) => supportKindName(name.replace(/^k_/, ''), locale)}
              // The form's order of the kinds, as in the chart beside it.
              itemSorter={(item) => kinds.indexOf(String(item.dataKey ?? '').replace(/^k_/, ''))}
              wrapperStyle={{ fontSize: 12 }}
            />
            {kinds.map((kind) => (
              <Bar
                key={kind}
                dataKey={`k_${kind}`}
                stackId="help"
                fill={supportKindColor(kinds, kind)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
      {footnote ? (
        <Text size="xs" c="dimmed">
          {footnote}
        </Text>
      ) : null}
    </Stack>
  )
}

/** Counts keyed `k_<kind>`, so a kind never clashes with the row's own fields. */
function prefixed(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [kind, n] of Object.entries(counts)) out[`k_${kind}`] = n
  return out
}
