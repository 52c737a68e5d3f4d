import { Alert, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { formatDateTime } from '../../common/format/date.format'
import { shortId } from '../common/short-id'
import { FactRow, OutcomeCounts } from './batch-facts'

type ImportResult = HttpOutput<'batches.importFile'>

/**
 * What the server did with an imported file: the counts per outcome, then the manifest
 * (device, commune, when it was sealed, what it holds). A file whose every record was
 * already stored says so plainly: importing twice changes nothing.
 */
export function BatchImportResult({
  fileName,
  result,
  communeName,
  deviceName,
}: {
  fileName: string
  result: ImportResult
  communeName: (code: string) => string | null
  /** The enrolled device's name, so staff recognise the laptop the stick came from. */
  deviceName: (id: string) => string | null
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'vi'
  const { receipt, manifest } = result
  const total = receipt.accepted + receipt.duplicate + receipt.rejected
  const allDuplicate = total > 0 && receipt.duplicate === total
  return (
    <Stack gap="md" data-testid="batch-import-result">
      {allDuplicate ? (
        <Alert color="blue" variant="light" title={t('console.batchImport.duplicateTitle')}>
          {t('console.batchImport.duplicate', { file: fileName })}
        </Alert>
      ) : (
        <Alert
          color={receipt.rejected > 0 ? 'orange' : 'green'}
          variant="light"
          title={t('console.batchImport.doneTitle')}
        >
          {receipt.rejected > 0
            ? t('console.batchImport.doneWithRejected', { file: fileName, count: receipt.rejected })
            : t('console.batchImport.done', { file: fileName })}
        </Alert>
      )}
      <OutcomeCounts counts={receipt} />
      <Paper withBorder p="md" radius="md">
        <Text fw={700} mb="xs">
          {t('console.batchImport.manifest')}
        </Text>
        <Table variant="vertical" withTableBorder={false} fz="md" data-testid="batch-manifest">
          <Table.Tbody>
            <FactRow label={t('console.batchImport.device')}>
              <Group gap="xs">
                {deviceName(manifest.deviceId) ? (
                  <Text>{deviceName(manifest.deviceId)}</Text>
                ) : null}
                <Text ff="monospace" c="dimmed" title={manifest.deviceId}>
                  {shortId(manifest.deviceId)}
                </Text>
              </Group>
            </FactRow>
            <FactRow label={t('console.batchImport.commune')}>
              {communeName(manifest.communeCode) ?? manifest.communeCode}
            </FactRow>
            <FactRow label={t('console.batchImport.createdAt')}>
              {formatDateTime(manifest.createdAt)}
            </FactRow>
            <FactRow label={t('console.batchImport.contents')}>
              {t('console.batchImport.contentsValue', {
                revisions: manifest.revisions,
                households: manifest.households,
                members: manifest.members,
              })}
            </FactRow>
            <FactRow label={t('console.batchImport.forms')}>
              <Group gap={6}>
                {manifest.forms.map((form) => (
                  <Badge key={`${form.id}/${form.version}`} variant="outline" size="md" tt="none">
                    {t('console.batchImport.formVersion', {
                      id: form.title ? form.title[locale] : form.id,
                      version: form.version,
                    })}
                  </Badge>
                ))}
              </Group>
            </FactRow>
            <FactRow label={t('console.batchImport.batchId')}>
              <Text ff="monospace" size="sm">
                {manifest.batchId}
              </Text>
            </FactRow>
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
