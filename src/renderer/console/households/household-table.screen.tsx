import { Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { formatCount } from '../../common/format/number.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { useSession } from '../app/session.context'
import { useCommunes } from '../common/communes.hook'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import { shortId } from '../common/short-id'

const PAGE_SIZE = 50
const visitResult = flattenQuestions(defaultHouseholdForm.sections.flatMap((s) => s.items)).find(
  (q) => q.id === 'visit_result',
)

/**
 * Every household the server holds (a commune viewer: their commune's), newest first,
 * with search and commune and village filters. Village names are the province's own.
 */
export function HouseholdTableScreen() {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const navigate = useNavigate()
  const { user } = useSession()
  const communes = useCommunes()
  const viewerCommune = user.role === 'commune_viewer' ? user.communeCode : null
  const [query, setQuery] = useState('')
  const [chosenCommune, setCommune] = useState<string | null>(null)
  const [village, setVillage] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [q] = useDebouncedValue(query.trim(), 250)
  const commune = viewerCommune ?? chosenCommune
  const villages = useAsyncData(
    () =>
      commune
        ? client.call('places.villages', { communeCode: commune, status: 'all' })
        : Promise.resolve(null),
    [client, commune],
  )
  const list = useAsyncData(
    () =>
      client.call('households.list', {
        ...(q ? { q } : {}),
        ...(chosenCommune ? { communeCode: chosenCommune } : {}),
        ...(village ? { villageCode: village } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, q, chosenCommune, village, page],
  )
  const filtered = q !== '' || chosenCommune !== null || village !== null
  const villageOptions =
    villages.state === 'done' && villages.data
      ? villages.data.items.map((v) => ({ value: v.code, label: v.name }))
      : []

  return (
    <Stack gap="lg">
      <PageHeader title={t('console.households.title')} />
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('console.households.search')}
          placeholder={t('console.households.searchPlaceholder')}
          value={query}
          type="search"
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setPage(1)
          }}
          style={{ flex: 1, minWidth: 280 }}
        />
        {viewerCommune ? null : (
          <Select
            label={t('console.households.commune')}
            placeholder={t('console.households.allCommunes')}
            data={communes.options}
            value={chosenCommune}
            searchable
            clearable
            onChange={(value) => {
              setCommune(value)
              setVillage(null)
              setPage(1)
            }}
            w={250}
          />
        )}
        <Select
          label={t('console.households.village')}
          placeholder={
            commune
              ? t('console.households.allVillages')
              : t('console.households.chooseCommuneFirst')
          }
          data={villageOptions}
          value={village}
          disabled={!commune}
          searchable
          clearable
          onChange={(value) => {
            setVillage(value)
            setPage(1)
          }}
          w={250}
        />
      </Group>
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={(total) => t('console.households.total', { count: total })}
        totalTestId="console-total"
        empty={{
          title: filtered
            ? t('console.households.noMatchTitle')
            : t('console.households.emptyTitle'),
          description: filtered ? t('console.households.noMatch') : t('console.households.empty'),
        }}
      >
        {(rows) => (
          <Table highlightOnHover striped withTableBorder verticalSpacing="sm" fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.households.columns.headName')}</Table.Th>
                {viewerCommune ? null : (
                  <Table.Th>{t('console.households.columns.commune')}</Table.Th>
                )}
                <Table.Th>{t('console.households.columns.village')}</Table.Th>
                <Table.Th ta="right">{t('console.households.columns.members')}</Table.Th>
                <Table.Th>{t('console.households.columns.visitResult')}</Table.Th>
                <Table.Th>{t('console.households.columns.visitDate')}</Table.Th>
                <Table.Th>{t('console.households.columns.receivedAt')}</Table.Th>
                <Table.Th>{t('console.households.columns.device')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((h) => (
                <Table.Tr
                  key={h.id}
                  onClick={() => navigate({ page: 'household', id: h.id })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <RouteLink to={{ page: 'household', id: h.id }} fw={700}>
                      {h.headName}
                    </RouteLink>
                  </Table.Td>
                  {viewerCommune ? null : <Table.Td>{communes.nameOf(h.communeCode)}</Table.Td>}
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
                    <Text c="dimmed" size="sm">
                      {shortId(h.deviceId)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </Stack>
  )
}
