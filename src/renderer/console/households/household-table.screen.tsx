import {
  Anchor,
  EmptyState,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { PILOT_COMMUNE } from '../../../shared/places/pilot-places'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { formatCount } from '../../common/format/number.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'

const PAGE_SIZE = 50
const visitResult = flattenQuestions(defaultHouseholdForm.sections.flatMap((s) => s.items)).find(
  (q) => q.id === 'visit_result',
)

/** Every household the server holds, newest first, with search and a village filter. */
export function HouseholdTableScreen({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const [query, setQuery] = useState('')
  const [village, setVillage] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [q] = useDebouncedValue(query.trim(), 250)
  const list = useAsyncData(
    () =>
      client.call('households.list', {
        ...(q ? { q } : {}),
        ...(village ? { villageCode: village } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, q, village, page],
  )
  const filtered = q !== '' || village !== null

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('console.title')}
      </Title>
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('console.search')}
          placeholder={t('console.searchPlaceholder')}
          value={query}
          type="search"
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setPage(1)
          }}
          style={{ flex: 1, minWidth: 280 }}
        />
        <Select
          label={t('console.village')}
          placeholder={t('console.allVillages')}
          data={PILOT_COMMUNE.villages.map((v) => ({ value: v.code, label: v.name }))}
          value={village}
          clearable
          onChange={(value) => {
            setVillage(value)
            setPage(1)
          }}
          w={280}
        />
      </Group>
      {list.state === 'loading' ? <Loader /> : null}
      {list.state === 'failed' ? <LoadFailedAlert code={list.code} onRetry={list.reload} /> : null}
      {list.state === 'done' ? (
        <>
          <Text fw={600} data-testid="console-total">
            {t('console.total', { count: list.data.total })}
          </Text>
          {list.data.items.length === 0 ? (
            <EmptyState
              title={filtered ? t('console.noMatchTitle') : t('console.emptyTitle')}
              description={filtered ? t('console.noMatch') : t('console.empty')}
            />
          ) : (
            <Table highlightOnHover striped withTableBorder verticalSpacing="sm" fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('console.columns.headName')}</Table.Th>
                  <Table.Th>{t('console.columns.village')}</Table.Th>
                  <Table.Th ta="right">{t('console.columns.members')}</Table.Th>
                  <Table.Th>{t('console.columns.visitResult')}</Table.Th>
                  <Table.Th>{t('console.columns.visitDate')}</Table.Th>
                  <Table.Th>{t('console.columns.receivedAt')}</Table.Th>
                  <Table.Th>{t('console.columns.device')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((h) => (
                  <Table.Tr key={h.id} onClick={() => onOpen(h.id)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Anchor
                        href={`#/households/${h.id}`}
                        fw={700}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {h.headName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{h.villageName ?? h.villageCode}</Table.Td>
                    <Table.Td ta="right">{formatCount(h.memberCount, locale)}</Table.Td>
                    <Table.Td>
                      {h.visitResult
                        ? choiceLabel(visitResult?.choices ?? [], h.visitResult, locale)
                        : t('answer.empty')}
                    </Table.Td>
                    <Table.Td>{formatIsoDate(h.visitDate)}</Table.Td>
                    <Table.Td>{formatDateTime(h.receivedAt)}</Table.Td>
                    <Table.Td title={h.deviceId}>
                      <Text ff="monospace" size="sm">
                        {h.deviceId.slice(0, 8)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {list.data.total > PAGE_SIZE ? (
            <Pagination
              total={Math.ceil(list.data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  )
}
