import { Alert, Badge, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportedRecord, InboxBatch } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink } from '../app/navigation'
import { useCommunes } from '../common/communes.hook'
import { LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'
import { shortId } from '../common/short-id'
import { FactRow, OutcomeCounts } from './batch-facts'
import { BatchImportRecords } from './batch-import.records'
import { batchRefusalText } from './batch-reasons'
import { useDevices } from './devices.hook'

/** Records asked for per request; a batch is read whole, page after page. */
const PAGE = 500

/**
 * One batch of the inbox: where and when it came from, what it held, and the result per
 * record it brought (repeats of records an earlier batch brought are only counted).
 */
export function BatchDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const detail = useAsyncData(async () => {
    const first = await client.call('batches.get', { id, limit: PAGE, offset: 0 })
    const records = [...first.records]
    while (records.length < first.recordsTotal) {
      const next = await client.call('batches.get', { id, limit: PAGE, offset: records.length })
      if (next.records.length === 0) break
      records.push(...next.records)
    }
    return { batch: first.batch, records }
  }, [client, id])
  return (
    <Stack gap="lg">
      <RouteLink to={{ page: 'batches' }} size="md" w="fit-content">
        {t('console.inbox.back')}
      </RouteLink>
      {detail.state === 'loading' ? <Loader /> : null}
      {detail.state === 'failed' ? <LoadError code={detail.code} onRetry={detail.reload} /> : null}
      {detail.state === 'done' ? (
        <BatchDetail batch={detail.data.batch} records={detail.data.records} />
      ) : null}
    </Stack>
  )
}

function BatchDetail({ batch, records }: { batch: InboxBatch; records: ImportedRecord[] }) {
  const { t } = useTranslation()
  const communes = useCommunes()
  const devices = useDevices()
  const none = t('console.common.none')
  const deviceName = batch.deviceId ? devices.nameOf(batch.deviceId) : null
  return (
    <Stack gap="lg" data-testid="batch-detail">
      <PageHeader
        title={t('console.inbox.title', { id: shortId(batch.claimedBatchId ?? batch.id) })}
        description={t('console.inbox.intro')}
      />
      {batch.status === 'refused' ? (
        <Alert color="red" variant="light" title={t('console.inbox.refusedTitle')}>
          {batchRefusalText(batch.errorCode, t)}
        </Alert>
      ) : null}
      <OutcomeCounts counts={batch} />
      <Paper withBorder p="md" radius="md">
        <Table variant="vertical" withTableBorder={false} fz="md" data-testid="batch-facts">
          <Table.Tbody>
            <FactRow label={t('console.batches.columns.device')}>
              <Group gap="xs">
                {deviceName ? <Text>{deviceName}</Text> : null}
                <Text ff="monospace" c="dimmed" title={batch.deviceId ?? undefined}>
                  {batch.deviceId ? shortId(batch.deviceId) : none}
                </Text>
              </Group>
            </FactRow>
            <FactRow label={t('console.batches.columns.commune')}>
              {(batch.communeCode && communes.nameOf(batch.communeCode)) ||
                batch.communeCode ||
                none}
            </FactRow>
            <FactRow label={t('console.batches.columns.source')}>
              {t(`console.batches.sources.${batch.source}`)}
              {batch.fileBytes !== null
                ? ` · ${t('console.inbox.bytes', { count: batch.fileBytes })}`
                : ''}
            </FactRow>
            <FactRow label={t('console.batches.columns.receivedAt')}>
              {formatDateTime(batch.receivedAt)}
            </FactRow>
            <FactRow label={t('console.batches.columns.deviceTime')}>
              <Group gap="xs">
                <Text>{batch.deviceCreatedAt ? formatDateTime(batch.deviceCreatedAt) : none}</Text>
                {batch.clockBehind ? (
                  <Badge color="orange" variant="filled">
                    {t('console.batches.clockBehind')}
                  </Badge>
                ) : null}
              </Group>
            </FactRow>
          </Table.Tbody>
        </Table>
      </Paper>
      {batch.duplicate > 0 ? (
        <Text c="dimmed">{t('console.inbox.repeats', { count: batch.duplicate })}</Text>
      ) : null}
      {batch.status === 'ingested' ? <BatchImportRecords records={records} /> : null}
    </Stack>
  )
}
