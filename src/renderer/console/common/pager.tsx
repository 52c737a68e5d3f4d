import { Group, Pagination, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Page controls under a list, with "showing 51–100 of 230"; nothing when one page holds all. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number
  pageSize: number
  page: number
  onChange: (page: number) => void
}) {
  const { t } = useTranslation()
  if (total <= pageSize) return null
  const from = (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  return (
    <Group justify="space-between">
      <Text c="dimmed">{t('console.common.showing', { from, to, total })}</Text>
      <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onChange} size="md" />
    </Group>
  )
}
