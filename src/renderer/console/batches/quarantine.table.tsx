import { Badge, Checkbox, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { QuarantinedRevision } from '../../../shared/api/http.contract'
import { formatDateTime } from '../../common/format/date.format'
import { RouteLink } from '../app/navigation'
import { shortId } from '../common/short-id'
import { rejectReasonText } from './batch-reasons'
import { QuarantineIssues } from './quarantine-issues'

/**
 * One page of the quarantine: the household and batch, commune, device, the reasons and
 * failed checks, and — for someone who may settle it — a box to select each record.
 */
export function QuarantineTable({
  rows,
  communeName,
  deviceName,
  selected,
  onSelect,
}: {
  rows: readonly QuarantinedRevision[]
  communeName: (code: string) => string | null
  deviceName: (id: string) => string | null
  /** Null when the reader may not settle records (no selection column). */
  selected: ReadonlySet<string> | null
  onSelect: (ids: readonly string[], on: boolean) => void
}) {
  const { t } = useTranslation()
  const none = t('console.common.none')
  const ids = rows.map((r) => r.revisionId)
  const chosen = selected ? ids.filter((id) => selected.has(id)).length : 0
  return (
    <Table striped withTableBorder verticalSpacing="xs" fz="sm" data-testid="quarantine">
      <Table.Thead>
        <Table.Tr>
          {selected ? (
            <Table.Th w={36}>
              <Checkbox
                aria-label={t('console.inbox.quarantine.selectAll')}
                checked={chosen > 0 && chosen === ids.length}
                indeterminate={chosen > 0 && chosen < ids.length}
                onChange={(event) => onSelect(ids, event.currentTarget.checked)}
              />
            </Table.Th>
          ) : null}
          <Table.Th w={130}>{t('console.quarantine.columns.receivedAt')}</Table.Th>
          <Table.Th>{t('console.quarantine.columns.household')}</Table.Th>
          <Table.Th>{t('console.quarantine.columns.commune')}</Table.Th>
          <Table.Th>{t('console.quarantine.columns.device')}</Table.Th>
          <Table.Th w={130}>{t('console.quarantine.columns.savedAt')}</Table.Th>
          <Table.Th w={400}>{t('console.quarantine.columns.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((item) => (
          <Table.Tr key={item.revisionId} data-state={item.state}>
            {selected ? (
              <Table.Td>
                <Checkbox
                  aria-label={t('console.inbox.quarantine.select')}
                  checked={selected.has(item.revisionId)}
                  onChange={(event) => onSelect([item.revisionId], event.currentTarget.checked)}
                />
              </Table.Td>
            ) : null}
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.receivedAt)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} title={item.householdId}>
                {item.headName ?? t('console.inbox.quarantine.noHeadName')}
              </Text>
              <Text size="xs" c="dimmed">
                {item.villageName ?? item.villageCode}
              </Text>
              <RouteLink
                to={{ page: 'batch', id: item.batchId }}
                size="xs"
                style={{ whiteSpace: 'nowrap' }}
              >
                {t('console.quarantine.batch', { id: shortId(item.batchId) })}
              </RouteLink>
            </Table.Td>
            <Table.Td>{communeName(item.communeCode) ?? none}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace" title={item.deviceId}>
                {shortId(item.deviceId)}
              </Text>
              {deviceName(item.deviceId) ? (
                <Text size="xs" c="dimmed">
                  {deviceName(item.deviceId)}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(item.deviceSavedAt)}
            </Table.Td>
            <Table.Td>
              <Stack gap={6} align="flex-start">
                <Badge color="red" variant="light">
                  {rejectReasonText(item.reason, t)}
                </Badge>
                <QuarantineIssues issues={item.issues} />
                {item.state === 'dismissed' ? <Handled item={item} /> : null}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Who set a record aside, when, and why. */
function Handled({ item }: { item: QuarantinedRevision }) {
  const { t } = useTranslation()
  return (
    <Stack gap={2}>
      <Badge color="gray" variant="light">
        {t('console.inbox.quarantine.states.dismissed')}
      </Badge>
      <Text size="sm">{item.note}</Text>
      <Text size="xs" c="dimmed">
        {t('console.inbox.quarantine.handled', {
          by: item.handledBy ?? '',
          at: item.handledAt ? formatDateTime(item.handledAt) : '',
        })}
      </Text>
    </Stack>
  )
}
