import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HouseholdSummary, VillageSummary } from '../../../shared/api/ipc.contract'
import { formatIsoDate } from '../../common/format/date.format'
import { HouseholdNameLink } from '../households/household-name.link'
import { rejectReasonText } from '../households/sync-state.badge'

interface RejectedRecordsTableProps {
  rows: readonly HouseholdSummary[]
  villages: readonly VillageSummary[]
  onOpen: (household: HouseholdSummary) => void
}

/** Households the province refused: who, where, and the reason in plain words. */
export function RejectedRecordsTable({ rows, villages, onOpen }: RejectedRecordsTableProps) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Text c="dimmed">{t('syncScreen.rejectedNone')}</Text>
  const villageName = (code: string) => villages.find((v) => v.code === code)?.name ?? code
  return (
    <Table
      withTableBorder
      highlightOnHover
      verticalSpacing="xs"
      fz="md"
      data-testid="sync-rejected"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('syncScreen.colHead')}</Table.Th>
          <Table.Th>{t('syncScreen.colVillage')}</Table.Th>
          <Table.Th>{t('households.columns.visitDate')}</Table.Th>
          <Table.Th>{t('syncScreen.colReason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((h) => (
          <Table.Tr key={h.id} onClick={() => onOpen(h)} style={{ cursor: 'pointer' }}>
            <Table.Td>
              <HouseholdNameLink name={h.headName} onOpen={() => onOpen(h)} />
            </Table.Td>
            <Table.Td>{villageName(h.villageCode)}</Table.Td>
            <Table.Td>{formatIsoDate(h.visitDate)}</Table.Td>
            <Table.Td c="red.9" style={{ overflowWrap: 'anywhere' }}>
              {h.rejectReason ? rejectReasonText(h.rejectReason, t) : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
