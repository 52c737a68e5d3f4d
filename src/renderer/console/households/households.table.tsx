import { Checkbox, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConsoleHousehold } from '../../../shared/api/http.contract'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { formatCount } from '../../common/format/number.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { RouteLink, useNavigate } from '../app/navigation'
import { ReviewStateBadge } from '../review/review-state.badge'
import { VISIT_RESULT } from './household-filters'

const NO_WRAP = { whiteSpace: 'nowrap' } as const

/**
 * One page of households: head (and address), commune, village, members, visit result,
 * review state and dates; a row opens the household. With `selected`, each row and the
 * page have a checkbox (province staff choosing households to review together).
 */
export function HouseholdsTable({
  rows,
  communeName,
  showCommune,
  selected,
  onSelect,
}: {
  rows: readonly ConsoleHousehold[]
  communeName: (code: string) => string | null
  showCommune: boolean
  selected: ReadonlySet<string> | null
  onSelect: (rows: readonly ConsoleHousehold[], on: boolean) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const navigate = useNavigate()
  const allOn = selected !== null && rows.every((h) => selected.has(h.id))
  const someOn = selected !== null && rows.some((h) => selected.has(h.id))

  return (
    <Table
      highlightOnHover
      striped
      withTableBorder
      verticalSpacing="sm"
      fz="sm"
      data-testid="households"
    >
      <Table.Thead>
        <Table.Tr>
          {selected ? (
            <Table.Th w={44}>
              <Checkbox
                aria-label={t('console.records.columns.selectPage')}
                checked={allOn}
                indeterminate={someOn && !allOn}
                onChange={(e) => onSelect(rows, e.currentTarget.checked)}
              />
            </Table.Th>
          ) : null}
          <Table.Th>{t('console.households.columns.headName')}</Table.Th>
          {showCommune ? <Table.Th>{t('console.households.columns.commune')}</Table.Th> : null}
          <Table.Th>{t('console.households.columns.village')}</Table.Th>
          <Table.Th ta="right">{t('console.households.columns.members')}</Table.Th>
          <Table.Th>{t('console.households.columns.visitResult')}</Table.Th>
          {/* Wide enough for the longest state ("Cần bổ sung") on one line. */}
          <Table.Th miw={120}>{t('console.records.columns.review')}</Table.Th>
          <Table.Th>{t('console.households.columns.visitDate')}</Table.Th>
          <Table.Th>{t('console.households.columns.receivedAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((h) => (
          <Table.Tr
            key={h.id}
            onClick={() => navigate({ page: 'household', id: h.id })}
            style={{ cursor: 'pointer' }}
          >
            {selected ? (
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Checkbox
                  aria-label={t('console.records.columns.select', { name: h.headName })}
                  checked={selected.has(h.id)}
                  onChange={(e) => onSelect([h], e.currentTarget.checked)}
                />
              </Table.Td>
            ) : null}
            <Table.Td>
              <RouteLink to={{ page: 'household', id: h.id }} fw={700} size="md">
                {h.headName}
              </RouteLink>
              {h.address ? (
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {h.address}
                </Text>
              ) : null}
            </Table.Td>
            {showCommune ? <Table.Td>{communeName(h.communeCode)}</Table.Td> : null}
            <Table.Td>{h.villageName ?? h.villageCode}</Table.Td>
            <Table.Td ta="right">{formatCount(h.memberCount, locale)}</Table.Td>
            <Table.Td>
              {h.visitResult
                ? choiceLabel(VISIT_RESULT?.choices ?? [], h.visitResult, locale)
                : t('answer.empty')}
            </Table.Td>
            <Table.Td>
              <ReviewStateBadge state={h.reviewState} />
            </Table.Td>
            <Table.Td style={NO_WRAP}>{formatIsoDate(h.visitDate)}</Table.Td>
            <Table.Td style={NO_WRAP}>{formatDateTime(h.receivedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
