import { Group, SegmentedControl, Select, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuarantinedRevision } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { useCommunes } from '../common/communes.hook'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import { useDevices } from './devices.hook'
import {
  QuarantineActions,
  type QuarantineNotice,
  QuarantineNoticeAlert,
} from './quarantine.actions'
import { QuarantineTable } from './quarantine.table'

const PAGE_SIZE = 50

type State = QuarantinedRevision['state']

/**
 * Revisions the server rejected, kept for review (never dropped): which household, from
 * which device and batch, why, and each validation issue in the words the desktop uses.
 * Province staff settle them: check again (after listing a village or publishing a form
 * version) or set aside with a reason; commune viewers see their commune's.
 */
export function QuarantineScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const { user } = useSession()
  const communes = useCommunes()
  const devices = useDevices()
  const [state, setState] = useState<State>('open')
  const [commune, setCommune] = useState<string | null>(null)
  const [device, setDevice] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [notice, setNotice] = useState<QuarantineNotice | null>(null)
  const list = useAsyncData(
    () =>
      client.call('quarantine.list', {
        state,
        ...(commune ? { communeCode: commune } : {}),
        ...(device ? { deviceId: device } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, state, commune, device, page],
  )
  const canSettle = mayCall(user.role, 'quarantine.recheck')
  const filtered = commune !== null || device !== null
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setPage(1)
      setSelected(new Set())
    }
  const select = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      for (const id of ids) {
        if (on) next.add(id)
        else next.delete(id)
      }
      return next
    })

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('console.quarantine.title')}
        description={t('console.quarantine.intro')}
      />
      <Group align="flex-end" gap="md">
        <SegmentedControl
          aria-label={t('console.inbox.quarantine.state')}
          value={state}
          onChange={(value) => refilter(setState)(value as State)}
          data={(['open', 'dismissed'] as const).map((value) => ({
            value,
            label: t(`console.inbox.quarantine.states.${value}`),
          }))}
        />
        <Select
          label={t('console.batches.commune')}
          placeholder={t('console.batches.allCommunes')}
          data={communes.options}
          value={commune}
          onChange={refilter(setCommune)}
          searchable
          clearable
          w={240}
        />
        <Select
          label={t('console.batches.device')}
          placeholder={t('console.batches.allDevices')}
          data={devices.options}
          value={device}
          onChange={refilter(setDevice)}
          searchable
          clearable
          w={260}
        />
      </Group>
      {notice ? <QuarantineNoticeAlert notice={notice} /> : null}
      {canSettle ? (
        <QuarantineActions
          selected={[...selected]}
          onDone={(done) => {
            setNotice(done)
            setSelected(new Set())
            list.reload()
          }}
        />
      ) : null}
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => {
          setPage(next)
          setSelected(new Set())
        }}
        totalLabel={(total) => t('console.quarantine.total', { count: total })}
        empty={{
          title: t('console.quarantine.emptyTitle'),
          description: filtered ? t('console.quarantine.noMatch') : t('console.quarantine.empty'),
        }}
      >
        {(rows) => (
          <QuarantineTable
            rows={rows}
            communeName={communes.nameOf}
            deviceName={devices.nameOf}
            selected={canSettle && state === 'open' ? selected : null}
            onSelect={select}
          />
        )}
      </PagedList>
    </Stack>
  )
}
