import { Badge, List, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VillageImportRow } from '../../../shared/api/http.contract'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'

const ACTION_COLOR = { create: 'green', update: 'blue', unchanged: 'gray' } as const

/** The preview of a village file, row by row: what saving will do, or what is wrong. */
export function VillageImportTable({ rows }: { rows: readonly VillageImportRow[] }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  return (
    <Table withTableBorder verticalSpacing="xs" fz="md" data-testid="import-preview">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70} ta="right">
            {t('console.villageImport.columns.row')}
          </Table.Th>
          <Table.Th>{t('console.villageImport.columns.commune')}</Table.Th>
          <Table.Th>{t('console.villageImport.columns.village')}</Table.Th>
          <Table.Th ta="right">{t('console.villageImport.columns.households')}</Table.Th>
          <Table.Th>{t('console.villageImport.columns.action')}</Table.Th>
          <Table.Th w="34%">{t('console.villageImport.columns.errors')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const failed = row.errors.length > 0
          return (
            <Table.Tr key={row.rowNumber} bg={failed ? 'red.0' : undefined} data-failed={failed}>
              <Table.Td ta="right">{row.rowNumber}</Table.Td>
              <Table.Td>{row.communeName ?? row.communeCode ?? t('console.common.none')}</Table.Td>
              <Table.Td fw={600}>{row.villageName ?? t('console.common.none')}</Table.Td>
              <Table.Td ta="right">
                {row.registeredHouseholds === null ? (
                  <Text span c="dimmed" size="sm">
                    {row.action === 'update' || row.action === 'unchanged'
                      ? t('console.villageImport.keepsNumber')
                      : t('console.common.none')}
                  </Text>
                ) : (
                  formatCount(row.registeredHouseholds, locale)
                )}
              </Table.Td>
              <Table.Td>
                {row.action ? (
                  <Badge variant="light" radius="sm" color={ACTION_COLOR[row.action]}>
                    {t(`console.villageImport.actions.${row.action}`)}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                {failed ? (
                  <List size="sm" c="red.9" spacing={2}>
                    {row.errors.map((error) => {
                      const message = t(`console.villageImport.rowErrors.${error.code}`)
                      return (
                        <List.Item key={`${error.code}/${error.column ?? ''}`}>
                          {error.column
                            ? t('console.villageImport.inColumn', { column: error.column, message })
                            : message}
                        </List.Item>
                      )
                    })}
                  </List>
                ) : null}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
