import { Chip, CloseButton, EmptyState, Group, Kbd, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type HouseholdStatusFilter,
  type HouseholdSummary,
  householdStatusFilterSchema,
} from '../../../shared/api/ipc.contract'
import type { Question } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { callMain } from '../api/desktop.client'
import { HouseholdTable } from './household.table'
import { listKeyAction } from './list-keyboard'

/** Rows shown at most; typing narrows the list long before this matters. */
export const LIST_LIMIT = 200
const STATUSES = householdStatusFilterSchema.options

interface HouseholdListProps {
  villageCode: string
  visitResultQuestion: Question | undefined
  /** Changes whenever local data changed (a save, a sync): the list reloads. */
  dataVersion: number
  onOpen: (household: HouseholdSummary) => void
  onNew: () => void
}

/**
 * The village's households: a search box that finds as you type (accents and word order
 * do not matter, phone numbers work), status chips, and a keyboard: ↑/↓ pick a row, Enter
 * opens it, "/" goes back to the search, N records a new household.
 */
export function HouseholdList(props: HouseholdListProps) {
  const { villageCode, dataVersion, onOpen, onNew } = props
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<HouseholdStatusFilter | 'all'>('all')
  const [selected, setSelected] = useState(0)
  const [debounced] = useDebouncedValue(query.trim(), 100)
  const searchRef = useRef<HTMLInputElement>(null)
  const list = useAsyncData(
    () =>
      callMain('households.list', {
        villageCode,
        limit: LIST_LIMIT,
        ...(debounced ? { query: debounced } : {}),
        ...(status === 'all' ? {} : { status }),
      }),
    [villageCode, debounced, status, dataVersion],
  )
  const rows = list.state === 'done' ? list.data : []

  // A new answer highlights its first row, so Enter opens the best match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the answer changes
  useEffect(() => {
    setSelected(0)
  }, [list.state === 'done' ? list.data : null])

  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined)
  keys.current = (event) => {
    if (event.defaultPrevented || document.querySelector('[role="dialog"]')) return
    const target = event.target
    const inSearch = target === searchRef.current
    const inOtherControl =
      !inSearch &&
      target instanceof HTMLElement &&
      target.closest('input, textarea, select, button, a, [contenteditable="true"]') !== null
    if (inOtherControl) return
    const action = listKeyAction(event, { inTextField: inSearch, selected, count: rows.length })
    if (!action) return
    event.preventDefault()
    if (action.kind === 'move') setSelected(action.index)
    else if (action.kind === 'focusSearch') searchRef.current?.focus()
    else if (action.kind === 'new') onNew()
    else if (action.kind === 'escape') {
      if (query) setQuery('')
      else searchRef.current?.blur()
    } else {
      const row = rows[selected]
      if (row) onOpen(row)
    }
  }
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => keys.current(event)
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  return (
    <Stack gap="md">
      <TextInput
        ref={searchRef}
        label={t('households.search')}
        placeholder={t('households.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        size="lg"
        type="search"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        rightSection={
          query ? (
            <CloseButton aria-label={t('households.clearSearch')} onClick={() => setQuery('')} />
          ) : (
            <Kbd size="sm" aria-hidden="true">
              /
            </Kbd>
          )
        }
      />
      <Chip.Group
        multiple={false}
        value={status}
        onChange={(v) => setStatus(v === 'all' ? 'all' : householdStatusFilterSchema.parse(v))}
      >
        <Group gap="xs" role="radiogroup" aria-label={t('households.filterLabel')}>
          <Chip value="all" size="md" radius="sm">
            {t('households.filter.all')}
          </Chip>
          {STATUSES.map((s) => (
            <Chip key={s} value={s} size="md" radius="sm">
              {t(`households.filter.${s}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {list.state === 'failed' ? (
        <LoadFailedAlert code={list.code} onRetry={list.reload} />
      ) : list.state === 'loading' ? null : rows.length === 0 ? (
        <EmptyList query={debounced} status={status} />
      ) : (
        <>
          <Group justify="space-between">
            <Text c="dimmed" size="sm" data-testid="household-count">
              {rows.length >= LIST_LIMIT
                ? t('households.limited', { count: LIST_LIMIT })
                : t('households.count', { count: rows.length })}
            </Text>
            <Text c="dimmed" size="sm">
              {t('households.keysHint')}
            </Text>
          </Group>
          <HouseholdTable
            rows={rows}
            selected={selected}
            visitResultQuestion={props.visitResultQuestion}
            onOpen={onOpen}
          />
        </>
      )}
    </Stack>
  )
}

function EmptyList({ query, status }: { query: string; status: HouseholdStatusFilter | 'all' }) {
  const { t } = useTranslation()
  if (query) {
    return (
      <EmptyState
        title={t('households.noMatchTitle')}
        description={t('households.noMatch', { query })}
      />
    )
  }
  if (status !== 'all') {
    return (
      <EmptyState
        title={t('households.noStatusTitle')}
        description={t('households.noStatus', { status: t(`households.filter.${status}`) })}
      />
    )
  }
  return <EmptyState title={t('households.emptyTitle')} description={t('households.empty')} />
}
