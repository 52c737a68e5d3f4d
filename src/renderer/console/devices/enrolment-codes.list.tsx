import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ENROLMENT_CODE_STATES, type EnrolmentCodeInfo } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import type { CommuneOption } from '../common/communes.hook'
import { consoleErrorMessage } from '../common/console-errors'
import { PagedList } from '../common/paged-list'

const PAGE_SIZE = 50
type CodeState = (typeof ENROLMENT_CODE_STATES)[number]
const STATE_COLOR: Record<CodeState, string> = {
  active: 'green',
  used: 'blue',
  expired: 'gray',
  cancelled: 'gray',
}

/** Enrolment codes and file tokens made so far (never the secret), with cancel for unused ones. */
export function EnrolmentCodesList({
  communes,
  refreshKey,
  onNotice,
}: {
  communes: CommuneOption[]
  refreshKey: number
  onNotice: (message: string) => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [commune, setCommune] = useState<string | null>(null)
  const [state, setState] = useState<CodeState | null>(null)
  const [page, setPage] = useState(1)
  const list = useAsyncData(
    () =>
      client.call('devices.enrolmentCodes', {
        ...(commune ? { communeCode: commune } : {}),
        ...(state ? { state } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, commune, state, page, refreshKey],
  )
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Select
          label={t('console.devices.commune')}
          placeholder={t('console.devices.allCommunes')}
          data={communes}
          value={commune}
          onChange={(value) => {
            setCommune(value)
            setPage(1)
          }}
          searchable
          clearable
          w={260}
        />
        <Select
          label={t('console.enrolment.state')}
          placeholder={t('console.enrolment.allStates')}
          data={ENROLMENT_CODE_STATES.map((s) => ({
            value: s,
            label: t(`console.enrolment.states.${s}`),
          }))}
          value={state}
          onChange={(value) => {
            setState(value as CodeState | null)
            setPage(1)
          }}
          clearable
          w={220}
        />
      </Group>
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        empty={{
          title: t('console.enrolment.listEmptyTitle'),
          description: t('console.enrolment.listEmpty'),
        }}
      >
        {(rows) => (
          <Table striped withTableBorder verticalSpacing="sm" fz="md" data-testid="enrolment-codes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.enrolment.columns.kind')}</Table.Th>
                <Table.Th>{t('console.enrolment.columns.commune')}</Table.Th>
                <Table.Th>{t('console.enrolment.columns.state')}</Table.Th>
                <Table.Th>{t('console.enrolment.columns.createdBy')}</Table.Th>
                <Table.Th>{t('console.enrolment.columns.createdAt')}</Table.Th>
                <Table.Th>{t('console.enrolment.columns.expiresAt')}</Table.Th>
                <Table.Th>{t('console.enrolment.columns.usedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((code) => (
                <CodeRow
                  key={code.id}
                  code={code}
                  onCancelled={() => {
                    onNotice(t('console.enrolment.cancelled'))
                    list.reload()
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </Stack>
  )
}

function CodeRow({ code, onCancelled }: { code: EnrolmentCodeInfo; onCancelled: () => void }) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const cancel = useAction(async () => {
    await client.call('devices.cancelEnrolmentCode', { id: code.id })
    onCancelled()
  })
  const commune = code.communeName ?? code.communeCode
  return (
    <Table.Tr>
      <Table.Td>{t(`console.enrolment.kinds.${code.kind}`)}</Table.Td>
      <Table.Td fw={600}>{commune}</Table.Td>
      <Table.Td>
        <Badge variant="light" radius="sm" color={STATE_COLOR[code.state]}>
          {t(`console.enrolment.states.${code.state}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{code.createdByName ?? t('console.common.none')}</Table.Td>
      <Table.Td>{formatDateTime(code.createdAt)}</Table.Td>
      <Table.Td>{formatDateTime(code.expiresAt)}</Table.Td>
      <Table.Td>{code.usedAt ? formatDateTime(code.usedAt) : t('console.common.none')}</Table.Td>
      <Table.Td ta="right">
        {code.state === 'active' ? (
          <Button
            variant="subtle"
            color="red"
            size="sm"
            loading={cancel.pending}
            aria-label={t('console.enrolment.cancelLabel', {
              commune,
              time: formatDateTime(code.createdAt),
            })}
            onClick={() => void cancel.run()}
          >
            {t('console.enrolment.cancel')}
          </Button>
        ) : null}
        {cancel.failure ? (
          <Text size="sm" c="red">
            {consoleErrorMessage(cancel.failure, t)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  )
}
