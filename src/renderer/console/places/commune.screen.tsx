import { Alert, Button, EmptyState, Loader, Stack, Table } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'
import { VillageRow } from './village.row'
import { VillageAddForm } from './village-add.form'

/** A commune's villages: add, rename, set registered households, deactivate; or import. */
export function CommuneScreen({ communeCode }: { communeCode: string }) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const navigate = useNavigate()
  const { user } = useSession()
  const [notice, setNotice] = useState<string | null>(null)
  const list = useAsyncData(
    () => client.call('places.villages', { communeCode, status: 'all' }),
    [client, communeCode],
  )
  const canEdit = mayCall(user.role, 'places.createVillage')
  const changed = (message: string) => {
    setNotice(message)
    list.reload()
  }
  const back = mayCall(user.role, 'places.communes') ? (
    <RouteLink to={{ page: 'communes' }} size="md" w="fit-content">
      {t('console.villages.back')}
    </RouteLink>
  ) : null

  if (list.state === 'loading') return <Loader />
  if (list.state === 'failed') {
    return (
      <Stack gap="lg">
        {back}
        <LoadError code={list.code} onRetry={list.reload} />
      </Stack>
    )
  }
  const { commune, items } = list.data
  const active = items.filter((v) => v.active)

  return (
    <Stack gap="lg">
      <PageHeader
        above={back}
        title={commune.name}
        description={t('console.villages.summary', {
          code: commune.code,
          villages: active.length,
          registered: active.reduce((n, v) => n + v.registeredHouseholds, 0),
          received: items.reduce((n, v) => n + v.householdsReceived, 0),
        })}
        actions={
          canEdit ? (
            <Button
              variant="default"
              onClick={() => navigate({ page: 'villageImport', communeCode: commune.code })}
            >
              {t('console.villages.import')}
            </Button>
          ) : null
        }
      />
      {notice ? (
        <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {canEdit ? (
        <VillageAddForm
          communeCode={commune.code}
          onAdded={(village) => changed(t('console.villages.added', { name: village.name }))}
        />
      ) : null}
      {items.length === 0 ? (
        <EmptyState
          title={t('console.villages.emptyTitle')}
          description={canEdit ? t('console.villages.empty') : t('console.villages.emptyViewer')}
        />
      ) : (
        <Table withTableBorder striped verticalSpacing="sm" fz="md" data-testid="villages">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('console.villages.columns.name')}</Table.Th>
              <Table.Th>{t('console.villages.columns.code')}</Table.Th>
              <Table.Th ta="right">{t('console.villages.columns.registered')}</Table.Th>
              <Table.Th ta="right">{t('console.villages.columns.received')}</Table.Th>
              <Table.Th>{t('console.villages.columns.status')}</Table.Th>
              {canEdit ? <Table.Th ta="right">{t('console.common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((village) => (
              <VillageRow
                key={`${village.code}/${village.updatedAt}`}
                village={village}
                canEdit={canEdit}
                onChanged={(_, message) => changed(message)}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
