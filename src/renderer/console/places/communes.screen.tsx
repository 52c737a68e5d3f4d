import { Button, EmptyState, Loader, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'
import { Pager } from '../common/pager'
import { provinceTitle } from '../common/place-names'
import { TemplateButton } from './template.button'

const PAGE_SIZE = 50

/**
 * The province's communes with their villages, registered households (the coverage
 * denominator) and households received; a search without accents; the way to the import.
 */
export function CommunesScreen() {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const navigate = useNavigate()
  const { user, province } = useSession()
  const [query, setQuery] = useState('')
  const [page, setPage] = useState(1)
  const [q] = useDebouncedValue(query.trim(), 250)
  const list = useAsyncData(
    () => client.call('places.communes', { ...(q ? { q } : {}), limit: 500 }),
    [client, q],
  )
  const canImport = mayCall(user.role, 'places.importVillagesPreview')
  const n = (value: number) => formatCount(value, locale)

  return (
    <Stack gap="lg">
      <PageHeader
        title={
          province
            ? t('console.places.title', { province: provinceTitle(province.name, t) })
            : t('console.places.titleNoProvince')
        }
        actions={
          canImport ? (
            <>
              <TemplateButton />
              <Button onClick={() => navigate({ page: 'villageImport', communeCode: null })}>
                {t('console.places.import')}
              </Button>
            </>
          ) : null
        }
      />
      {user.role === 'commune_viewer' ? null : (
        <TextInput
          label={t('console.places.search')}
          placeholder={t('console.places.searchPlaceholder')}
          value={query}
          type="search"
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setPage(1)
          }}
          maw={480}
        />
      )}
      {list.state === 'loading' ? <Loader /> : null}
      {list.state === 'failed' ? <LoadError code={list.code} onRetry={list.reload} /> : null}
      {list.state === 'done' ? (
        <>
          <Text fw={600} data-testid="communes-summary">
            {t('console.places.summary', {
              communes: list.data.total,
              villages: sum(list.data.items, 'villageCount'),
              registered: sum(list.data.items, 'registeredHouseholds'),
              received: sum(list.data.items, 'householdsReceived'),
            })}
          </Text>
          {q === '' && canImport && sum(list.data.items, 'villageCount') === 0 ? (
            <Text c="dimmed">{t('console.places.noVillagesHint')}</Text>
          ) : null}
          {list.data.items.length === 0 ? (
            <EmptyState
              title={t('console.places.noMatchTitle')}
              description={t('console.places.noMatch')}
            />
          ) : (
            <Table striped highlightOnHover withTableBorder verticalSpacing="sm" fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('console.places.columns.name')}</Table.Th>
                  <Table.Th>{t('console.places.columns.code')}</Table.Th>
                  <Table.Th>{t('console.places.columns.kind')}</Table.Th>
                  <Table.Th ta="right">{t('console.places.columns.villages')}</Table.Th>
                  <Table.Th ta="right">{t('console.places.columns.registered')}</Table.Th>
                  <Table.Th ta="right">{t('console.places.columns.received')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Td>
                      <RouteLink to={{ page: 'commune', code: c.code }} fw={700}>
                        {c.name}
                      </RouteLink>
                    </Table.Td>
                    <Table.Td c="dimmed">{c.code}</Table.Td>
                    <Table.Td>{t(`console.places.kinds.${c.kind}`)}</Table.Td>
                    <Table.Td ta="right">{n(c.villageCount)}</Table.Td>
                    <Table.Td ta="right">{n(c.registeredHouseholds)}</Table.Td>
                    <Table.Td ta="right">{n(c.householdsReceived)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager
            total={list.data.items.length}
            pageSize={PAGE_SIZE}
            page={page}
            onChange={setPage}
          />
        </>
      ) : null}
    </Stack>
  )
}

function sum<K extends 'villageCount' | 'registeredHouseholds' | 'householdsReceived'>(
  items: readonly Record<K, number>[],
  key: K,
): number {
  return items.reduce((total, item) => total + item[key], 0)
}
