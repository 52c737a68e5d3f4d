import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus, SyncLastRun, SyncStatus } from '../../../shared/api/ipc.contract'
import { errorMessage } from '../../common/errors/error.messages'
import { formatDateTime } from '../../common/format/date.format'

interface SyncOverviewProps {
  status: SyncStatus | null
  device: DeviceStatus
}

/** Where this laptop sends its records, and how its last sync went. */
export function SyncOverview({ status, device }: SyncOverviewProps) {
  return (
    <SimpleGrid cols={2} spacing="md">
      <ServerCard status={status} device={device} />
      <LastRunCard status={status} />
    </SimpleGrid>
  )
}

function ServerCard({ status, device }: SyncOverviewProps) {
  const { t } = useTranslation()
  const serverUrl = status?.serverUrl ?? device.serverUrl
  const rows: [string, string][] = [
    [t('syncScreen.serverUrl'), serverUrl ?? t('syncScreen.noServer')],
    [
      t('syncScreen.commune'),
      device.commune && device.province
        ? t('syncScreen.communeValue', {
            commune: device.commune.name,
            province: device.province.name,
          })
        : t('syncScreen.notEnrolled'),
    ],
    ...(device.deviceName
      ? [[t('syncScreen.deviceName'), device.deviceName] as [string, string]]
      : []),
    ...(device.enrolledAt
      ? [[t('syncScreen.enrolledAt'), formatDateTime(device.enrolledAt)] as [string, string]]
      : []),
  ]
  return (
    <Paper withBorder p="md" radius="md" data-testid="sync-server">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('syncScreen.serverTitle')}
        </Title>
        <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={150} c="dimmed" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {device.awaitingServer ? (
          <Text size="sm" c="orange.9">
            {t('syncScreen.awaitingServer')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}

function LastRunCard({ status }: { status: SyncStatus | null }) {
  const { t } = useTranslation()
  const run = status?.lastRun ?? null
  return (
    <Paper withBorder p="md" radius="md" data-testid="sync-last-run">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {t('syncScreen.lastTitle')}
          </Title>
          {run ? (
            <Badge
              size="lg"
              radius="sm"
              variant="light"
              color={run.result === 'ok' ? (run.report.rejected > 0 ? 'orange' : 'green') : 'red'}
              data-result={run.result}
            >
              {run.result !== 'ok'
                ? t('syncScreen.lastFailed')
                : run.report.rejected > 0
                  ? t('syncScreen.lastOkWithRejected')
                  : t('syncScreen.lastOk')}
            </Badge>
          ) : null}
        </Group>
        {run ? <LastRunLines run={run} /> : <Text c="dimmed">{t('syncScreen.never')}</Text>}
        {status?.clockBehind ? (
          <Text size="sm" c="red.8">
            {t('sync.clockBehind')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}

/** The last run in sentences: when, what was sent and received, or what went wrong. */
function LastRunLines({ run }: { run: SyncLastRun }) {
  const { t } = useTranslation()
  const { report } = run
  return (
    <Stack gap={4}>
      <Text fw={600} data-testid="sync-last-time">
        {t('syncScreen.lastAt', { time: formatDateTime(run.finishedAt) })}
      </Text>
      {run.result === 'failed' ? (
        <>
          <Text c="red.9">{errorMessage(run.errorCode ?? 'internal', t)}</Text>
          {report.sent > 0 ? (
            <Text>{t('syncScreen.lastPartial', { sent: report.sent })}</Text>
          ) : null}
        </>
      ) : (
        <>
          <Text>
            {report.sent === 0
              ? t('syncScreen.lastNothing')
              : t('syncScreen.lastSent', {
                  sent: report.sent,
                  batches: report.batches,
                  accepted: report.accepted,
                  duplicate: report.duplicate,
                  rejected: report.rejected,
                })}
          </Text>
          <Text>
            {t('syncScreen.lastPulled', {
              households: report.pulled.households,
              villages: report.pulled.villages,
            })}
          </Text>
        </>
      )}
    </Stack>
  )
}
