import { Badge, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { useCommunes } from '../common/communes.hook'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import { shortId } from '../common/short-id'
import { rejectReasonText } from './batch-reasons'
import { useDevices } from './devices.hook'
import { QuarantineIssues } from './quarantine-issues'

const PAGE_SIZE = 50

/**
 * Revisions the server rejected, kept for review (never dropped): which household, from
 * which device and batch, why, and each validation issue in the words the desktop uses.
 */
export function QuarantineScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const communes = useCommunes()
  const devices = useDevices()
  const [commune, setCommune] = useState<string | null>(null)
  const [device, setDevice] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const list = useAsyncData(
    () =>
      client.call('quarantine.list', {
        ...(commune ? { communeCode: commune } : {}),
        ...(device ? { deviceId: device } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, commune, device, page],
  )
  const none = t('console.common.none')
  const filtered = commune !== null || device !== null

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('console.quarantine.title')}
        description={t('console.quarantine.intro')}
      />
      <Group align="flex-start" gap="md">
        <Select
          label={t('console.batches.commune')}
          placeholder={t('console.batches.allCommunes')}
          data={communes.options}
          value={commune}
          onChange={(value) => {
            setCommune(value)
            setPage(1)
          }}
          searchable
          clearable
          w={240}
        />
        <Select
          label={t('console.batches.device')}
          placeholder={t('console.batches.allDevices')}
          data={devices.options}
          value={device}
          onChange={(value) => {
            setDevice(value)
            setPage(1)
          }}
          searchable
          clearable
          w={260}
        />
      </Group>
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={(total) => t('console.quarantine.total', { count: total })}
        empty={{
          title: t('console.quarantine.emptyTitle'),
          description: filtered ? t('console.quarantine.noMatch') : t('console.quarantine.empty'),
        }}
      >
        {(rows) => (
          <Table striped withTableBorder verticalSpacing="xs" fz="sm" data-testid="quarantine">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{t('console.quarantine.columns.receivedAt')}</Table.Th>
                <Table.Th>{t('console.quarantine.columns.household')}</Table.Th>
                <Table.Th>{t('console.quarantine.columns.commune')}</Table.Th>
                <Table.Th>{t('console.quarantine.columns.device')}</Table.Th>
                <Table.Th w={130}>{t('console.quarantine.columns.savedAt')}</Table.Th>
                <Table.Th w={420}>{t('console.quarantine.columns.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.revisionId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(item.receivedAt)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" title={item.householdId}>
                      {shortId(item.householdId)}
                    </Text>
                    <Text
                      size="xs"
                      c="dimmed"
                      title={item.batchId}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {t('console.quarantine.batch', { id: shortId(item.batchId) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{communes.nameOf(item.communeCode) ?? none}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" title={item.deviceId}>
                      {shortId(item.deviceId)}
                    </Text>
                    {devices.nameOf(item.deviceId) ? (
                      <Text size="xs" c="dimmed">
                        {devices.nameOf(item.deviceId)}
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
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </Stack>
  )
}
