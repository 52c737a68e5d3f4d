import { Button, Group, Select, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BATCH_STATUSES } from '../../../shared/api/http/sync.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { useNavigate } from '../app/navigation'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { useCommunes } from '../common/communes.hook'
import { readDayRange } from '../common/dates'
import { DayRangeInputs } from '../common/day-range.inputs'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import { BatchInboxTable } from './batch-inbox.table'
import { useDevices } from './devices.hook'

const PAGE_SIZE = 50
type BatchStatus = (typeof BATCH_STATUSES)[number]

interface Filters {
  commune: string | null
  device: string | null
  status: BatchStatus | null
  from: string
  to: string
}
const NO_FILTERS: Filters = { commune: null, device: null, status: null, from: '', to: '' }

/**
 * The batch inbox, newest first: every batch the server received over the network or
 * from a file, ingested or refused (with the reason), its counts, and a warning when the
 * device's clock went backwards. Filter by commune, device, status and received day.
 */
export function BatchInboxScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const navigate = useNavigate()
  const { user } = useSession()
  const communes = useCommunes()
  const devices = useDevices()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [page, setPage] = useState(1)
  const range = readDayRange(filters.from, filters.to)
  const rangeOk = !range.fromError && !range.toError
  const list = useAsyncData(
    () =>
      rangeOk
        ? client.call('batches.list', {
            ...(filters.commune ? { communeCode: filters.commune } : {}),
            ...(filters.device ? { deviceId: filters.device } : {}),
            ...(filters.status ? { status: filters.status } : {}),
            ...(range.from ? { from: range.from } : {}),
            ...(range.to ? { to: range.to } : {}),
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          })
        : Promise.resolve(null),
    [client, filters.commune, filters.device, filters.status, range.from, range.to, rangeOk, page],
  )
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((current) => ({ ...current, [key]: value }))
    setPage(1)
  }
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS)

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('console.batches.title')}
        description={t('console.batches.intro')}
        actions={
          mayCall(user.role, 'batches.importFile') ? (
            <Button size="md" onClick={() => navigate({ page: 'batchImport' })}>
              {t('console.batches.importFile')}
            </Button>
          ) : null
        }
      />
      <Group align="flex-start" gap="md">
        <Select
          label={t('console.batches.commune')}
          placeholder={t('console.batches.allCommunes')}
          data={communes.options}
          value={filters.commune}
          onChange={(value) => set('commune', value)}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('console.batches.device')}
          placeholder={t('console.batches.allDevices')}
          data={devices.options}
          value={filters.device}
          onChange={(value) => set('device', value)}
          searchable
          clearable
          w={240}
        />
        <Select
          label={t('console.batches.status')}
          placeholder={t('console.batches.allStatuses')}
          data={BATCH_STATUSES.map((s) => ({
            value: s,
            label: t(`console.batches.statuses.${s}`),
          }))}
          value={filters.status}
          onChange={(value) => set('status', value as BatchStatus | null)}
          clearable
          w={190}
        />
        <DayRangeInputs
          from={filters.from}
          to={filters.to}
          range={range}
          labels={{
            from: t('console.batches.from'),
            to: t('console.batches.to'),
            placeholder: t('console.batches.datePlaceholder'),
          }}
          onChange={set}
          width={140}
        />
        {filtered ? (
          <Button
            variant="default"
            mt={26}
            onClick={() => {
              setFilters(NO_FILTERS)
              setPage(1)
            }}
          >
            {t('console.batches.clear')}
          </Button>
        ) : null}
      </Group>
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={(total) => t('console.batches.total', { count: total })}
        empty={{
          title: t('console.batches.emptyTitle'),
          description: filtered ? t('console.batches.noMatch') : t('console.batches.empty'),
        }}
      >
        {(rows) => (
          <BatchInboxTable items={rows} communeName={communes.nameOf} deviceName={devices.nameOf} />
        )}
      </PagedList>
    </Stack>
  )
}
