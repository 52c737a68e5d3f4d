import { Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VillageSummary } from '../../../shared/api/ipc.contract'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'
import type { Messages } from '../../i18n/vi'

type StatKey = keyof Messages['villages']['stats']

/** Visits by result, as shares of the register (or of the households recorded, before it). */
export function VillageProgressBar({
  village,
  size = 'lg',
}: {
  village: VillageSummary
  size?: 'md' | 'lg' | 'xl'
}) {
  const { t } = useTranslation()
  const total = Math.max(village.registered ?? village.households, village.households, 1)
  const part = (n: number) => (n / total) * 100
  const sections = [
    { key: 'completed', n: village.completed, color: 'green.7' },
    { key: 'absent', n: village.absent, color: 'yellow.5' },
    { key: 'refused', n: village.refused, color: 'red.6' },
    { key: 'moved', n: village.moved, color: 'gray.5' },
  ] as const
  const label =
    village.registered === null
      ? t('villages.progressNoRegister', { visited: village.households })
      : t('villages.progressLabel', { visited: village.households, registered: village.registered })
  return (
    <Progress.Root size={size} radius="sm" aria-label={label} role="img">
      {sections.map((s) =>
        s.n > 0 ? (
          <Tooltip key={s.key} label={`${t(`villages.stats.${s.key}`)}: ${s.n}`}>
            <Progress.Section value={part(s.n)} color={s.color} />
          </Tooltip>
        ) : null,
      )}
    </Progress.Root>
  )
}

/** The village's counts as small labelled numbers. */
export function VillageStats({ village, cols = 4 }: { village: VillageSummary; cols?: number }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const stats: { key: StatKey; value: number | null; color?: string }[] = [
    { key: 'registered', value: village.registered },
    { key: 'visited', value: village.households },
    { key: 'completed', value: village.completed, color: 'green.8' },
    { key: 'absent', value: village.absent, color: 'yellow.9' },
    { key: 'refused', value: village.refused, color: 'red.8' },
    { key: 'notVisited', value: village.notVisited },
    { key: 'pending', value: village.pending, color: village.pending > 0 ? 'orange.9' : undefined },
    // Only while some record awaits its receipt (after an export, or an unanswered upload).
    ...(village.awaiting > 0
      ? [{ key: 'awaiting' as const, value: village.awaiting, color: 'cyan.9' }]
      : []),
    { key: 'drafts', value: village.drafts },
  ]
  return (
    <SimpleGrid cols={cols} spacing="xs" verticalSpacing={6}>
      {stats.map((s) => (
        <Stack key={s.key} gap={0} data-stat={s.key}>
          <Text fw={700} size="lg" c={s.value ? s.color : 'dimmed'} lh={1.2}>
            {s.value === null ? '—' : formatCount(s.value, locale)}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2}>
            {t(`villages.stats.${s.key}`)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  )
}

/**
 * The village's progress in one line: "Đã đến 3 hộ · Hoàn thành: 2 · Vắng nhà: 1 · Chờ gửi: 2 ·
 * Chờ biên nhận: 1".
 */
export function VillageSummaryLine({ village }: { village: VillageSummary }) {
  const { t } = useTranslation()
  const parts: string[] = [
    village.registered === null
      ? t('villages.progressNoRegister', { visited: village.households })
      : t('villages.progressLabel', {
          visited: village.households,
          registered: village.registered,
        }),
  ]
  const counts: [StatKey, number][] = [
    ['completed', village.completed],
    ['absent', village.absent],
    ['refused', village.refused],
    ['moved', village.moved],
    ['pending', village.pending],
    ['awaiting', village.awaiting],
    ['drafts', village.drafts],
  ]
  for (const [key, n] of counts) {
    if (n > 0) parts.push(`${t(`villages.stats.${key}`)}: ${n}`)
  }
  return (
    <Text c="dimmed" data-testid="village-summary">
      {parts.join(' · ')}
    </Text>
  )
}
