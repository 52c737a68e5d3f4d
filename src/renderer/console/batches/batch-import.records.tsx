import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportedRecord } from '../../../shared/api/http.contract'
import { RouteLink } from '../app/navigation'
import { rejectReasonText } from './batch-reasons'
import { QuarantineIssues } from './quarantine-issues'

type Filter = 'all' | ImportedRecord['status']

/** Rows drawn at first and per "show more": a 5,000-record file stays quick to show. */
const PAGE = 50

const STATUS_COLOR: Record<ImportedRecord['status'], string> = {
  accepted: 'green',
  duplicate: 'blue',
  rejected: 'red',
}

/**
 * The result per record of an imported file: each household by its head's name, what the
 * server did with it, and for a rejected record why (the reason and the failed checks).
 * Rejected records come first: they are the ones staff act on.
 */
export function BatchImportRecords({ records }: { records: readonly ImportedRecord[] }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<Filter>(
    records.some((r) => r.status === 'rejected') ? 'rejected' : 'all',
  )
  const [shown, setShown] = useState(PAGE)
  const rows = useMemo(() => {
    const chosen = filter === 'all' ? records : records.filter((r) => r.status === filter)
    // Stable: file order within each outcome, rejected first.
    return [...chosen].sort((a, b) => rank(a) - rank(b))
  }, [records, filter])
  const count = (status: Filter) =>
    status === 'all' ? records.length : records.filter((r) => r.status === status).length

  return (
    <Paper withBorder p="md" radius="md" data-testid="batch-import-records">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{t('console.batchImport.records.title')}</Text>
          <SegmentedControl
            value={filter}
            onChange={(value) => {
              setFilter(value as Filter)
              setShown(PAGE)
            }}
            data={(['all', 'accepted', 'duplicate', 'rejected'] as const).map((value) => ({
              value,
              label: t(`console.batchImport.records.filter.${value}`, { count: count(value) }),
            }))}
          />
        </Group>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('console.batchImport.records.none')}</Text>
        ) : (
          <Table striped fz="md" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.batchImport.records.household')}</Table.Th>
                <Table.Th w={170}>{t('console.batchImport.records.status')}</Table.Th>
                <Table.Th>{t('console.batchImport.records.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, shown).map((record) => (
                <RecordRow key={record.revisionId} record={record} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {rows.length > shown ? (
          <Button variant="default" w="fit-content" onClick={() => setShown((n) => n + PAGE * 4)}>
            {t('console.batchImport.records.more', { count: rows.length - shown })}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  )
}

function RecordRow({ record }: { record: ImportedRecord }) {
  const { t } = useTranslation()
  const name = record.headName ?? t('console.batchImport.records.noName')
  return (
    <Table.Tr data-status={record.status}>
      <Table.Td>
        {record.status === 'rejected' ? (
          <Text fw={600}>{name}</Text>
        ) : (
          <RouteLink to={{ page: 'household', id: record.householdId }} fw={600}>
            {name}
          </RouteLink>
        )}
        <Text size="sm" c="dimmed">
          {record.villageName ?? record.villageCode}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[record.status]} variant="light" size="lg" tt="none">
          {t(`console.batchImport.records.outcome.${record.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {record.status === 'rejected' ? (
          <Stack gap={2}>
            <Text>{rejectReasonText(record.reason, t)}</Text>
            <QuarantineIssues issues={record.issues} />
          </Stack>
        ) : null}
      </Table.Td>
    </Table.Tr>
  )
}

function rank(record: ImportedRecord): number {
  return record.status === 'rejected' ? 0 : 1
}
