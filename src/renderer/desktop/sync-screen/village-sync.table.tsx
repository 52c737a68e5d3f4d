import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VillageSummary } from '../../../shared/api/ipc.contract'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'

interface VillageSyncTableProps {
  villages: readonly VillageSummary[]
  /** Rejected households per village code (the village summary does not count them). */
  rejectedByVillage: ReadonlyMap<string, number>
  onOpenVillage: (villageCode: string) => void
}

type Column = 'pending' | 'awaiting' | 'rejected' | 'drafts'
type ColumnLabel = `syncScreen.col${'Pending' | 'Awaiting' | 'Rejected' | 'Drafts'}`
const COLUMNS: readonly { key: Column; label: ColumnLabel; color: string }[] = [
  { key: 'pending', label: 'syncScreen.colPending', color: 'orange.9' },
  { key: 'awaiting', label: 'syncScreen.colAwaiting', color: 'cyan.9' },
  { key: 'rejected', label: 'syncScreen.colRejected', color: 'red.8' },
  { key: 'drafts', label: 'syncScreen.colDrafts', color: 'blue.8' },
]

/** Per village: waiting to send, awaiting a receipt, rejected, visits in progress; then the commune. */
export function VillageSyncTable({
  villages,
  rejectedByVillage,
  onOpenVillage,
}: VillageSyncTableProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const countOf = (v: VillageSummary, key: Column) =>
    key === 'rejected' ? (rejectedByVillage.get(v.code) ?? 0) : v[key]
  const cell = (n: number, color: string) => (
    <Text span fw={n > 0 ? 700 : 400} c={n > 0 ? color : 'dimmed'}>
      {formatCount(n, locale)}
    </Text>
  )
  if (villages.length === 0) return <Text c="dimmed">{t('syncScreen.noVillages')}</Text>
  return (
    <Table withTableBorder verticalSpacing="xs" fz="md" data-testid="sync-villages">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('syncScreen.colVillage')}</Table.Th>
          {COLUMNS.map((c) => (
            <Table.Th key={c.key} ta="right">
              {t(c.label)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {villages.map((v) => (
          <Table.Tr key={v.code} data-village={v.code}>
            <Table.Td>
              <Anchor
                component="button"
                type="button"
                size="md"
                onClick={() => onOpenVillage(v.code)}
              >
                {v.name}
              </Anchor>
            </Table.Td>
            {COLUMNS.map((c) => (
              <Table.Td key={c.key} ta="right" data-column={c.key}>
                {cell(countOf(v, c.key), c.color)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('syncScreen.total')}</Table.Th>
          {COLUMNS.map((c) => (
            <Table.Th key={c.key} ta="right" data-total={c.key}>
              {formatCount(
                villages.reduce((sum, v) => sum + countOf(v, c.key), 0),
                locale,
              )}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  )
}
