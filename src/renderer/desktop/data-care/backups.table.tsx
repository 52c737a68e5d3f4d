import { Button, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BackupEntry } from '../../../shared/api/ipc.contract'
import { currentLocale } from '../../i18n/i18n'
import { formatBackupTime, formatBytes } from './data-care.format'

interface BackupsTableProps {
  backups: readonly BackupEntry[]
  /** Disabled while a backup or a restore check runs. */
  busy: boolean
  onRestore: (entry: BackupEntry) => void
}

/** The backups kept, newest first, each with its "restore" button. */
export function BackupsTable({ backups, busy, onRestore }: BackupsTableProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  if (backups.length === 0) return <Text c="dimmed">{t('dataCare.noBackups')}</Text>
  return (
    <Table withTableBorder verticalSpacing="xs" fz="md" data-testid="backups-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dataCare.colTime')}</Table.Th>
          <Table.Th>{t('dataCare.colKind')}</Table.Th>
          <Table.Th ta="right">{t('dataCare.colSize')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((entry) => (
          <Table.Tr key={entry.fileName} data-backup={entry.fileName}>
            <Table.Td>{formatBackupTime(entry.createdAt)}</Table.Td>
            <Table.Td>{t(`dataCare.kind.${entry.kind}`)}</Table.Td>
            <Table.Td ta="right">{formatBytes(entry.bytes, t, locale)}</Table.Td>
            <Table.Td ta="right">
              <Button
                variant="default"
                size="xs"
                disabled={busy}
                onClick={() => onRestore(entry)}
                aria-label={`${t('dataCare.restore')} ${formatBackupTime(entry.createdAt)}`}
              >
                {t('dataCare.restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
