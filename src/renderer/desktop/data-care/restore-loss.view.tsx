import { ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RestoreLoss, VillageSummary } from '../../../shared/api/ipc.contract'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'

interface RestoreLossViewProps {
  loss: RestoreLoss
  villages: readonly VillageSummary[]
}

/** The unsent households and the visits in progress a restore would drop, each listed. */
export function RestoreLossView({ loss, villages }: RestoreLossViewProps) {
  const { t } = useTranslation()
  const villageName = (code: string) => villages.find((v) => v.code === code)?.name ?? code
  const head = (name: string) => name.trim() || t('dataCare.noHeadName')
  return (
    <Stack gap="sm">
      {loss.records.length > 0 ? (
        <>
          <Title order={3} size="h5">
            {t('dataCare.lostRecords', { count: loss.records.length })}
          </Title>
          <ScrollArea.Autosize mah={220} type="auto">
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="lost-records">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dataCare.colHead')}</Table.Th>
                  <Table.Th>{t('dataCare.colVillage')}</Table.Th>
                  <Table.Th>{t('dataCare.colVisitDate')}</Table.Th>
                  <Table.Th>{t('dataCare.colState')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loss.records.map((record) => (
                  <Table.Tr key={record.householdId}>
                    <Table.Td>{head(record.headName)}</Table.Td>
                    <Table.Td>{villageName(record.villageCode)}</Table.Td>
                    <Table.Td>{formatIsoDate(record.visitDate)}</Table.Td>
                    <Table.Td c={record.state === 'rejected' ? 'red.9' : undefined}>
                      {t(`dataCare.recordState.${record.state}`)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      ) : null}
      {loss.drafts.length > 0 ? (
        <>
          <Title order={3} size="h5">
            {t('dataCare.lostDrafts', { count: loss.drafts.length })}
          </Title>
          <ScrollArea.Autosize mah={180} type="auto">
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="lost-drafts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dataCare.colHead')}</Table.Th>
                  <Table.Th>{t('dataCare.colVillage')}</Table.Th>
                  <Table.Th>{t('dataCare.colUpdated')}</Table.Th>
                  <Table.Th>{t('dataCare.colState')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loss.drafts.map((draft) => (
                  <Table.Tr key={draft.draftId}>
                    <Table.Td>{head(draft.headName)}</Table.Td>
                    <Table.Td>{villageName(draft.villageCode)}</Table.Td>
                    <Table.Td>{formatDateTime(draft.updatedAt)}</Table.Td>
                    <Table.Td>{t(`dataCare.draftChange.${draft.change}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      ) : null}
      {loss.sentNotInBackup > 0 ? (
        <Text size="sm">{t('dataCare.sentNotInBackup', { count: loss.sentNotInBackup })}</Text>
      ) : null}
      {loss.teamMembersNotInBackup > 0 ? (
        <Text size="sm">
          {t('dataCare.teamNotInBackup', { count: loss.teamMembersNotInBackup })}
        </Text>
      ) : null}
      {loss.enrolmentDiffers ? (
        <Text size="sm" c="orange.9">
          {t('dataCare.enrolmentDiffers')}
        </Text>
      ) : null}
    </Stack>
  )
}
