import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HouseholdSummary, VillageSummary } from '../../../shared/api/ipc.contract'
import type { Question } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { formatIsoDate } from '../../common/format/date.format'
import { formatCount } from '../../common/format/number.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { callMain } from '../api/desktop.client'
import { SyncStateBadge } from './sync-state.badge'

interface HouseholdListScreenProps {
  village: VillageSummary
  /** The form's visit-result question, for its choice labels. */
  visitResultQuestion: Question | undefined
  /** Changes whenever local data changed (a save, a sync): the list reloads. */
  dataVersion: number
  /** Said once after a save, above the list. */
  flash: string | null
  onDismissFlash: () => void
  onBack: () => void
  onAdd: () => void
  onOpen: (household: HouseholdSummary) => void
}

/** The households of one village, searchable without accents, with their sync state. */
export function HouseholdListScreen(props: HouseholdListScreenProps) {
  const { village, dataVersion, flash, onDismissFlash, onBack, onAdd } = props
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 200)
  const list = useAsyncData(
    () =>
      callMain('households.list', {
        villageCode: village.code,
        ...(debounced ? { query: debounced } : {}),
      }),
    [village.code, debounced, dataVersion],
  )

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component="button" type="button" onClick={onBack} size="md">
          {t('households.breadcrumbVillages')}
        </Anchor>
        <Text size="md">{village.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {village.name}
          </Title>
          {list.state === 'done' ? (
            <Text c="dimmed">{t('households.count', { count: list.data.length })}</Text>
          ) : null}
        </Stack>
        <Button size="lg" onClick={onAdd}>
          + {t('households.add')}
        </Button>
      </Group>
      {flash ? (
        <Alert color="green" variant="light" withCloseButton onClose={onDismissFlash} role="status">
          {flash}
        </Alert>
      ) : null}
      <TextInput
        label={t('households.search')}
        placeholder={t('households.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        size="lg"
        type="search"
        rightSection={
          query ? <CloseButton aria-label={t('app.close')} onClick={() => setQuery('')} /> : null
        }
      />
      <ListBody {...props} list={list} query={debounced} />
    </Stack>
  )
}

function ListBody({
  list,
  query,
  visitResultQuestion,
  onOpen,
}: HouseholdListScreenProps & {
  list: ReturnType<typeof useAsyncData<HouseholdSummary[]>>
  query: string
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  if (list.state === 'loading') return <Loader />
  if (list.state === 'failed') return <LoadFailedAlert code={list.code} onRetry={list.reload} />
  if (list.data.length === 0) {
    return query ? (
      <EmptyState
        title={t('households.noMatchTitle')}
        description={t('households.noMatch', { query })}
      />
    ) : (
      <EmptyState title={t('households.emptyTitle')} description={t('households.empty')} />
    )
  }
  const resultLabel = (value: string | null) =>
    value ? choiceLabel(visitResultQuestion?.choices ?? [], value, locale) : t('answer.empty')

  return (
    <Table highlightOnHover verticalSpacing="md" fz="md" striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('households.columns.head')}</Table.Th>
          <Table.Th>{t('households.columns.address')}</Table.Th>
          <Table.Th ta="right">{t('households.columns.members')}</Table.Th>
          <Table.Th>{t('households.columns.visitResult')}</Table.Th>
          <Table.Th>{t('households.columns.visitDate')}</Table.Th>
          <Table.Th>{t('households.columns.sync')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.data.map((h) => (
          <Table.Tr
            key={h.id}
            onClick={() => onOpen(h)}
            style={{ cursor: 'pointer' }}
            data-household={h.id}
          >
            <Table.Td>
              <Anchor
                component="button"
                type="button"
                fw={700}
                size="md"
                onClick={(e) => {
                  e.stopPropagation()
                  onOpen(h)
                }}
              >
                {h.headName}
              </Anchor>
            </Table.Td>
            <Table.Td>{h.address ?? <Text c="dimmed">{t('households.noAddress')}</Text>}</Table.Td>
            <Table.Td ta="right">{formatCount(h.memberCount, locale)}</Table.Td>
            <Table.Td>{resultLabel(h.visitResult)}</Table.Td>
            <Table.Td>{formatIsoDate(h.visitDate)}</Table.Td>
            <Table.Td>
              <SyncStateBadge state={h.syncState} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
