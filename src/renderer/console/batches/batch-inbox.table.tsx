import { Badge, Stack, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InboxBatch } from '../../../shared/api/http/sync.contract'
import { formatDateTime } from '../../common/format/date.format'
import { RouteLink } from '../app/navigation'
import { shortId } from '../common/short-id'
import { batchRefusalText } from './batch-reasons'

const NOWRAP = { whiteSpace: 'nowrap' } as const

/** The inbox rows: when, from which device and commune, how, the counts and the outcome. */
export function BatchInboxTable({
  items,
  communeName,
  deviceName,
}: {
  items: InboxBatch[]
  communeName: (code: string | null) => string | null
  deviceName: (id: string | null) => string | null
}) {
  const { t } = useTranslation()
  const none = t('console.common.none')
  return (
    <Table striped withTableBorder verticalSpacing="xs" fz="sm" data-testid="batch-inbox">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>{t('console.batches.columns.receivedAt')}</Table.Th>
          <Table.Th>{t('console.batches.columns.device')}</Table.Th>
          <Table.Th>{t('console.batches.columns.commune')}</Table.Th>
          <Table.Th>{t('console.batches.columns.source')}</Table.Th>
          <Table.Th w={150}>{t('console.batches.columns.deviceTime')}</Table.Th>
          <Table.Th ta="right" style={NOWRAP}>
            {t('console.batches.columns.accepted')}
          </Table.Th>
          <Table.Th ta="right" style={NOWRAP}>
            {t('console.batches.columns.duplicate')}
          </Table.Th>
          <Table.Th ta="right" style={NOWRAP}>
            {t('console.batches.columns.rejected')}
          </Table.Th>
          <Table.Th w={280}>{t('console.batches.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((batch) => (
          <Table.Tr key={batch.id} data-status={batch.status}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <RouteLink to={{ page: 'batch', id: batch.id }} size="sm">
                {formatDateTime(batch.receivedAt)}
              </RouteLink>
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm" ff="monospace" title={batch.deviceId ?? undefined}>
                  {batch.deviceId ? shortId(batch.deviceId) : none}
                </Text>
                {deviceName(batch.deviceId) ? (
                  <Text size="xs" c="dimmed">
                    {deviceName(batch.deviceId)}
                  </Text>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td>{communeName(batch.communeCode) ?? none}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t(`console.batches.sources.${batch.source}`)}
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {batch.deviceCreatedAt ? formatDateTime(batch.deviceCreatedAt) : none}
                </Text>
                {batch.clockBehind ? (
                  <Tooltip label={t('console.batches.clockBehindHint')} multiline w={280}>
                    <Badge color="orange" variant="filled" size="md">
                      {t('console.batches.clockBehind')}
                    </Badge>
                  </Tooltip>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td ta="right">{batch.accepted}</Table.Td>
            <Table.Td ta="right">{batch.duplicate}</Table.Td>
            <Table.Td
              ta="right"
              c={batch.rejected > 0 ? 'red.8' : undefined}
              fw={batch.rejected > 0 ? 700 : undefined}
            >
              {batch.rejected}
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Badge color={batch.status === 'ingested' ? 'green' : 'red'} variant="light">
                  {t(`console.batches.statuses.${batch.status}`)}
                </Badge>
                {batch.status === 'refused' ? (
                  <Text size="sm" c="red.9">
                    {batchRefusalText(batch.errorCode, t)}
                  </Text>
                ) : null}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
