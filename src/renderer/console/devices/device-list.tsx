import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConsoleDevice, DEVICE_STATUSES } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime } from '../../common/format/date.format'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import type { CommuneOption } from '../common/communes.hook'
import { ConfirmModal } from '../common/confirm.modal'
import { PagedList } from '../common/paged-list'

const PAGE_SIZE = 50
type DeviceStatus = (typeof DEVICE_STATUSES)[number]

/** Enrolled devices with their last contact and pending work; revoke with a confirmation. */
export function DeviceList({
  communes,
  canRevoke,
  isViewer,
  refreshKey,
  onNotice,
}: {
  communes: CommuneOption[]
  canRevoke: boolean
  isViewer: boolean
  /** Changes when the list should be read again. */
  refreshKey: number
  onNotice: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const [commune, setCommune] = useState<string | null>(null)
  const [status, setStatus] = useState<DeviceStatus | null>(null)
  const [page, setPage] = useState(1)
  const [revoking, setRevoking] = useState<ConsoleDevice | null>(null)
  const list = useAsyncData(
    () =>
      client.call('devices.list', {
        ...(commune ? { communeCode: commune } : {}),
        ...(status ? { status } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, commune, status, page, refreshKey],
  )
  const filtered = commune !== null || status !== null

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        {isViewer ? null : (
          <Select
            label={t('console.devices.commune')}
            placeholder={t('console.devices.allCommunes')}
            data={communes}
            value={commune}
            onChange={(value) => {
              setCommune(value)
              setPage(1)
            }}
            searchable
            clearable
            w={260}
          />
        )}
        <Select
          label={t('console.devices.status')}
          placeholder={t('console.devices.allStatuses')}
          data={DEVICE_STATUSES.map((s) => ({
            value: s,
            label: t(`console.devices.statuses.${s}`),
          }))}
          value={status}
          onChange={(value) => {
            setStatus(value as DeviceStatus | null)
            setPage(1)
          }}
          clearable
          w={220}
        />
      </Group>
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={(total) => t('console.devices.total', { count: total })}
        empty={{
          title: t('console.devices.emptyTitle'),
          description: filtered
            ? t('console.devices.noMatch')
            : isViewer
              ? t('console.devices.emptyViewer')
              : t('console.devices.empty'),
        }}
      >
        {(rows) => (
          <Table striped withTableBorder verticalSpacing="sm" fz="md" data-testid="devices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.devices.columns.name')}</Table.Th>
                <Table.Th>{t('console.devices.columns.commune')}</Table.Th>
                <Table.Th>{t('console.devices.columns.lastContact')}</Table.Th>
                <Table.Th>{t('console.devices.columns.lastSync')}</Table.Th>
                <Table.Th ta="right">{t('console.devices.columns.pending')}</Table.Th>
                <Table.Th>{t('console.devices.columns.version')}</Table.Th>
                <Table.Th>{t('console.devices.columns.status')}</Table.Th>
                {canRevoke ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((device) => (
                <Table.Tr key={device.id} c={device.status === 'revoked' ? 'dimmed' : undefined}>
                  <Table.Td fw={700}>{device.name}</Table.Td>
                  <Table.Td>{device.communeName ?? device.communeCode}</Table.Td>
                  <Table.Td>
                    {device.lastContactAt
                      ? formatDateTime(device.lastContactAt)
                      : t('console.common.never')}
                  </Table.Td>
                  <Table.Td>
                    {device.lastSyncAt
                      ? formatDateTime(device.lastSyncAt)
                      : t('console.common.never')}
                  </Table.Td>
                  <Table.Td ta="right">
                    {device.pendingReported === null
                      ? t('console.devices.pendingUnknown')
                      : formatCount(device.pendingReported, locale)}
                  </Table.Td>
                  <Table.Td>{device.appVersion ?? t('console.common.none')}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      radius="sm"
                      color={device.status === 'active' ? 'green' : 'gray'}
                    >
                      {t(`console.devices.statuses.${device.status}`)}
                    </Badge>
                    {device.revokedAt ? (
                      <Text size="xs" c="dimmed">
                        {t('console.devices.revokedAt', {
                          time: formatDateTime(device.revokedAt),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {canRevoke ? (
                    <Table.Td ta="right">
                      {device.status === 'active' ? (
                        <Button
                          variant="subtle"
                          color="red"
                          size="sm"
                          aria-label={t('console.devices.revokeLabel', { name: device.name })}
                          onClick={() => setRevoking(device)}
                        >
                          {t('console.devices.revoke')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
      {revoking ? (
        <ConfirmModal
          title={t('console.devices.revokeTitle', { name: revoking.name })}
          text={t('console.devices.revokeHint')}
          confirmLabel={t('console.devices.revokeConfirm')}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            const device = await client.call('devices.revoke', { id: revoking.id })
            setRevoking(null)
            onNotice(t('console.devices.revoked', { name: device.name }))
            list.reload()
          }}
        />
      ) : null}
    </Stack>
  )
}
