import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conflict } from '../../../shared/api/http/sync.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { useDevices } from '../batches/devices.hook'
import { useCommunes } from '../common/communes.hook'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import { ConflictCard } from './conflict.card'
import { useConflictHouseholds } from './conflict-households.hook'
import { type ResolveChoice, ResolveConflictModal } from './resolve-conflict.modal'

const PAGE_SIZE = 20
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
type Status = Conflict['status']

interface Filters {
  commune: string | null
  status: Status | null
  household: string
}
/** Open conflicts first: they are the ones waiting for someone. */
const DEFAULT_FILTERS: Filters = { commune: null, status: 'open', household: '' }

/**
 * Sync conflicts: answers two devices changed from the same base. The newer value is in
 * use; province staff may keep it or choose the other, commune viewers see their own
 * commune's conflicts read-only.
 */
export function ConflictsScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const { user } = useSession()
  const communes = useCommunes()
  const devices = useDevices()
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS)
  const [page, setPage] = useState(1)
  const [choice, setChoice] = useState<ResolveChoice | null>(null)
  // Settled here: shown as resolved in place even when the list is filtered to open ones.
  const [settled, setSettled] = useState<ReadonlyMap<string, Conflict>>(new Map())
  const household = filters.household.trim()
  const householdOk = household === '' || UUID.test(household)
  const list = useAsyncData(
    () =>
      householdOk
        ? client.call('conflicts.list', {
            ...(filters.commune ? { communeCode: filters.commune } : {}),
            ...(filters.status ? { status: filters.status } : {}),
            ...(household ? { householdId: household } : {}),
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          })
        : Promise.resolve(null),
    [client, filters.commune, filters.status, household, householdOk, page],
  )
  // A conflict settled on this page shows as settled without reloading the list.
  const current = (c: Conflict) => settled.get(c.id) ?? c
  const items = list.state === 'done' && list.data ? list.data.items.map(current) : null
  const householdOf = useConflictHouseholds(items)
  const canResolve = mayCall(user.role, 'conflicts.resolve')
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((current) => ({ ...current, [key]: value }))
    setSettled(new Map())
    setPage(1)
  }
  const reset = () => {
    setFilters(DEFAULT_FILTERS)
    setSettled(new Map())
    setPage(1)
  }
  const filtered = JSON.stringify(filters) !== JSON.stringify(DEFAULT_FILTERS)

  return (
    <Stack gap="lg">
      <PageHeader title={t('console.conflicts.title')} description={t('console.conflicts.intro')} />
      <Group align="flex-start" gap="md">
        <Select
          label={t('console.conflicts.commune')}
          placeholder={t('console.conflicts.allCommunes')}
          data={communes.options}
          value={filters.commune}
          onChange={(value) => set('commune', value)}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('console.conflicts.status')}
          placeholder={t('console.conflicts.allStatuses')}
          data={(['open', 'resolved'] as const).map((s) => ({
            value: s,
            label: t(`console.conflicts.statuses.${s}`),
          }))}
          value={filters.status}
          onChange={(value) => set('status', value as Status | null)}
          clearable
          w={190}
        />
        <TextInput
          label={t('console.conflicts.household')}
          placeholder={t('console.conflicts.householdPlaceholder')}
          value={filters.household}
          onChange={(e) => set('household', e.currentTarget.value)}
          error={householdOk ? null : t('console.conflicts.householdInvalid')}
          w={340}
        />
        {filtered ? (
          <Button variant="default" mt={26} onClick={reset}>
            {t('console.conflicts.clear')}
          </Button>
        ) : null}
      </Group>
      {!canResolve ? (
        <Text c="dimmed" size="sm">
          {t('console.conflicts.readOnly')}
        </Text>
      ) : null}
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={(total) => t('console.conflicts.total', { count: total })}
        empty={{
          title: t('console.conflicts.emptyTitle'),
          description: filtered ? t('console.conflicts.noMatch') : t('console.conflicts.empty'),
        }}
      >
        {(rows) => (
          <Stack gap="md" data-testid="conflicts">
            {rows
              .map((row) => settled.get(row.id) ?? row)
              .map((c) => (
                <ConflictCard
                  key={c.id}
                  conflict={c}
                  household={householdOf(c.householdId)}
                  deviceName={devices.nameOf}
                  canResolve={canResolve}
                  onChoose={setChoice}
                />
              ))}
          </Stack>
        )}
      </PagedList>
      {choice ? (
        <ResolveConflictModal
          choice={choice}
          onClose={() => setChoice(null)}
          onResolved={(resolved) => {
            setSettled((current) => new Map(current).set(resolved.id, resolved))
            setChoice(null)
          }}
        />
      ) : null}
    </Stack>
  )
}
