import { Badge, Group, Stack, Table, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { HouseholdSummary } from '../../../shared/api/ipc.contract'
import type { Question } from '../../../shared/forms/form-definition.schema'
import { formatIsoDate } from '../../common/format/date.format'
import { formatCount } from '../../common/format/number.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { HouseholdNameLink } from './household-name.link'
import { rejectReasonText, SyncStateBadge } from './sync-state.badge'

interface HouseholdTableProps {
  rows: readonly HouseholdSummary[]
  /** The highlighted row (keyboard); Enter opens it. */
  selected: number
  visitResultQuestion: Question | undefined
  onOpen: (household: HouseholdSummary) => void
}

/** Households as rows: head and address, members, last result, date, where it stands with the province. */
export function HouseholdTable({
  rows,
  selected,
  visitResultQuestion,
  onOpen,
}: HouseholdTableProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const selectedRef = useRef<HTMLTableRowElement>(null)
  // Chromium's scrollIntoView answers a promise: keep it out of the effect's return value.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the highlighted row
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  const resultLabel = (value: string | null) =>
    value ? choiceLabel(visitResultQuestion?.choices ?? [], value, locale) : t('answer.empty')

  return (
    <Table
      highlightOnHover
      verticalSpacing="sm"
      fz="md"
      withTableBorder
      className="household-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('households.columns.head')}</Table.Th>
          <Table.Th ta="right">{t('households.columns.members')}</Table.Th>
          <Table.Th>{t('households.columns.visitResult')}</Table.Th>
          <Table.Th>{t('households.columns.visitDate')}</Table.Th>
          <Table.Th>{t('households.columns.sync')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((h, index) => {
          const isSelected = index === selected
          return (
            <Table.Tr
              key={h.id}
              ref={isSelected ? selectedRef : undefined}
              onClick={() => onOpen(h)}
              style={{ cursor: 'pointer' }}
              data-household={h.id}
              data-selected={isSelected ? 'true' : undefined}
              aria-selected={isSelected}
            >
              <Table.Td>
                <Stack gap={0}>
                  <HouseholdNameLink name={h.headName} onOpen={() => onOpen(h)} />
                  <Text size="sm" c="dimmed">
                    {h.address ?? t('households.noAddress')}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td ta="right">{formatCount(h.memberCount, locale)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text span>{resultLabel(h.visitResult)}</Text>
                  {h.draftId ? (
                    <Badge color="blue" variant="outline" size="sm" radius="sm">
                      {t('households.filter.draft')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>{formatIsoDate(h.visitDate)}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <SyncStateBadge household={h} />
                  {h.syncState === 'rejected' && h.rejectReason ? (
                    <Text size="sm" c="red.8" data-testid="reject-reason">
                      {rejectReasonText(h.rejectReason, t)}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
