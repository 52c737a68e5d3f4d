import { Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { auditActorKindSchema } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { useCommunes } from '../common/communes.hook'
import { readDayRange } from '../common/dates'
import { DayRangeInputs } from '../common/day-range.inputs'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import {
  auditActionLabel,
  auditActorLabel,
  auditDetailsText,
  auditTargetLabel,
} from './audit-labels'

const PAGE_SIZE = 50
const ACTOR_KINDS = auditActorKindSchema.options
type AuditActorKind = (typeof ACTOR_KINDS)[number]

interface Filters {
  action: string | null
  actorKind: AuditActorKind | null
  actorId: string | null
  commune: string | null
  from: string
  to: string
}
const NO_FILTERS: Filters = {
  action: null,
  actorKind: null,
  actorId: null,
  commune: null,
  from: '',
  to: '',
}

/** The audit log, newest first: filter by action, who, commune and a day range; page through. */
export function AuditScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const { user } = useSession()
  const communes = useCommunes()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [page, setPage] = useState(1)
  const range = readDayRange(filters.from, filters.to)
  const rangeOk = !range.fromError && !range.toError
  const actions = useAsyncData(() => client.call('audit.actions', {}), [client])
  const users = useAsyncData(
    () =>
      mayCall(user.role, 'users.list')
        ? client.call('users.list', { limit: 500 })
        : Promise.resolve({ total: 0, items: [] }),
    [client, user.role],
  )
  const list = useAsyncData(
    () =>
      rangeOk
        ? client.call('audit.list', {
            ...(filters.action ? { action: filters.action } : {}),
            ...(filters.actorKind ? { actorKind: filters.actorKind } : {}),
            ...(filters.actorId ? { actorId: filters.actorId } : {}),
            ...(filters.commune ? { communeCode: filters.commune } : {}),
            ...(range.from ? { from: range.from } : {}),
            ...(range.to ? { to: range.to } : {}),
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          })
        : Promise.resolve(null),
    [
      client,
      filters.action,
      filters.actorKind,
      filters.actorId,
      filters.commune,
      range.from,
      range.to,
      rangeOk,
      page,
    ],
  )
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((current) => ({ ...current, [key]: value }))
    setPage(1)
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('console.audit.title')} description={t('console.audit.intro')} />
      <Stack gap="sm">
        <Group align="flex-start" gap="md">
          <Select
            label={t('console.audit.action')}
            placeholder={t('console.audit.allActions')}
            data={(actions.state === 'done' ? actions.data.actions : []).map((action) => ({
              value: action,
              label: auditActionLabel(action, t),
            }))}
            value={filters.action}
            onChange={(value) => set('action', value)}
            searchable
            clearable
            w={260}
          />
          <Select
            label={t('console.audit.actorKind')}
            placeholder={t('console.audit.allActors')}
            data={ACTOR_KINDS.map((kind) => ({
              value: kind,
              label: t(`console.audit.actorKinds.${kind}`),
            }))}
            value={filters.actorKind}
            onChange={(value) => set('actorKind', value as AuditActorKind | null)}
            clearable
            w={240}
          />
          {users.state === 'done' && users.data.items.length > 0 ? (
            <Select
              label={t('console.audit.actor')}
              placeholder={t('console.audit.anyUser')}
              data={users.data.items.map((u) => ({
                value: u.id,
                label: `${u.displayName} (${u.username})`,
              }))}
              value={filters.actorId}
              onChange={(value) => set('actorId', value)}
              searchable
              clearable
              w={260}
            />
          ) : null}
          <Select
            label={t('console.audit.commune')}
            placeholder={t('console.audit.allCommunes')}
            data={communes.options}
            value={filters.commune}
            onChange={(value) => set('commune', value)}
            searchable
            clearable
            w={240}
          />
        </Group>
        <Group align="flex-start" gap="md">
          <DayRangeInputs
            from={filters.from}
            to={filters.to}
            range={range}
            labels={{
              from: t('console.audit.from'),
              to: t('console.audit.to'),
              placeholder: t('console.audit.datePlaceholder'),
            }}
            onChange={set}
            width={170}
          />
          <Button
            variant="default"
            mt={26}
            onClick={() => {
              setFilters(NO_FILTERS)
              setPage(1)
            }}
          >
            {t('console.audit.clear')}
          </Button>
        </Group>
      </Stack>
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={(total) => t('console.audit.total', { count: total })}
        empty={{ title: t('console.audit.emptyTitle'), description: t('console.audit.empty') }}
      >
        {(rows) => (
          <Table striped withTableBorder verticalSpacing="xs" fz="sm" data-testid="audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('console.audit.columns.at')}</Table.Th>
                <Table.Th>{t('console.audit.columns.actor')}</Table.Th>
                <Table.Th>{t('console.audit.columns.action')}</Table.Th>
                <Table.Th>{t('console.audit.columns.target')}</Table.Th>
                <Table.Th>{t('console.audit.columns.commune')}</Table.Th>
                <Table.Th>{t('console.audit.columns.details')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  {t('console.audit.columns.ip')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{auditActorLabel(entry, t)}</Table.Td>
                  <Table.Td fw={600} miw={130}>
                    {auditActionLabel(entry.action, t)}
                  </Table.Td>
                  <Table.Td>{auditTargetLabel(entry, t)}</Table.Td>
                  <Table.Td>
                    {communes.nameOf(entry.communeCode) ?? t('console.common.none')}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {auditDetailsText(entry.details)}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">{entry.ip ?? t('console.common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </Stack>
  )
}
