import { Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulkReviewResult, ConsoleHousehold } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { useCommunes } from '../common/communes.hook'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import { ReviewBulkBar, ReviewBulkNotice } from '../review/review-bulk.bar'
import { HouseholdFilters, type HouseholdFilterValues, NO_FILTERS } from './household-filters'
import { HouseholdsTable } from './households.table'

const PAGE_SIZE = 50

type Selection = ReadonlyMap<string, Pick<ConsoleHousehold, 'id' | 'version'>>

/**
 * Every household the server holds (a commune viewer: their commune's), newest change
 * first: search by name without accents, phone, citizen id or village name, and filters
 * by commune, village, visit result and review state. Province staff select households
 * (across pages, until a filter changes) and review them together.
 */
export function HouseholdTableScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const { user } = useSession()
  const communes = useCommunes()
  const viewerCommune = user.role === 'commune_viewer' ? user.communeCode : null
  const canReview = mayCall(user.role, 'reviews.decideMany')
  const [filters, setFilters] = useState<HouseholdFilterValues>(NO_FILTERS)
  const [page, setPage] = useState(1)
  const [selected, setSelected] = useState<Selection>(new Map())
  const [notice, setNotice] = useState<BulkReviewResult | null>(null)
  const [q] = useDebouncedValue(filters.query.trim(), 250)
  const list = useAsyncData(
    () =>
      client.call('households.list', {
        ...(q ? { q } : {}),
        ...(filters.commune ? { communeCode: filters.commune } : {}),
        ...(filters.village ? { villageCode: filters.village } : {}),
        ...(filters.visitResult ? { visitResult: filters.visitResult } : {}),
        ...(filters.reviewState ? { reviewState: filters.reviewState } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, q, filters.commune, filters.village, filters.visitResult, filters.reviewState, page],
  )
  const capped = list.state === 'done' && list.data.totalCapped
  const filtered =
    q !== '' ||
    filters.commune !== null ||
    filters.village !== null ||
    filters.visitResult !== null ||
    filters.reviewState !== null
  const select = (rows: readonly ConsoleHousehold[], on: boolean) =>
    setSelected((current) => {
      const next = new Map(current)
      for (const h of rows) {
        if (on) next.set(h.id, { id: h.id, version: h.version })
        else next.delete(h.id)
      }
      return next
    })
  const totalLabel = (total: number) => {
    if (!capped) return t('console.households.total', { count: total })
    return q
      ? t('console.records.searchCapped', { count: total })
      : t('console.records.totalCapped', { count: total })
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('console.households.title')} />
      <HouseholdFilters
        values={filters}
        onChange={(next) => {
          setFilters(next)
          setPage(1)
          setSelected(new Map())
        }}
        communes={communes.options}
        viewerCommune={viewerCommune}
      />
      {notice ? <ReviewBulkNotice result={notice} /> : null}
      {canReview ? (
        <ReviewBulkBar
          selected={[...selected.values()]}
          onClear={() => setSelected(new Map())}
          onDone={(result) => {
            setNotice(result)
            setSelected(new Map())
            list.reload()
          }}
        />
      ) : null}
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={totalLabel}
        totalTestId="console-total"
        empty={{
          title: filtered
            ? t('console.households.noMatchTitle')
            : t('console.households.emptyTitle'),
          description: filtered ? t('console.households.noMatch') : t('console.households.empty'),
        }}
      >
        {(rows) => (
          <HouseholdsTable
            rows={rows}
            communeName={communes.nameOf}
            showCommune={viewerCommune === null}
            selected={canReview ? new Set(selected.keys()) : null}
            onSelect={select}
          />
        )}
      </PagedList>
      {capped && !q ? (
        <Text c="dimmed" size="sm">
          {t('console.records.windowNote', { count: list.data.total })}
        </Text>
      ) : null}
    </Stack>
  )
}
