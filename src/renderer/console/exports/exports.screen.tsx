import { EmptyState, Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'
import { useExportJobs } from './export-jobs.hook'
import { ExportJobsList } from './export-jobs.list'
import { ExportNewForm } from './export-new.form'

/**
 * "Xuất dữ liệu": make an XLSX workbook or CSV files of the households (the whole province,
 * a commune, a village, a visit result, a range of days), watch the server write it, then
 * download it. A commune viewer exports only their commune.
 */
export function ExportsScreen() {
  const { t } = useTranslation()
  const exports = useExportJobs()
  return (
    <Stack gap="lg">
      <PageHeader title={t('console.exports.title')} description={t('console.exports.intro')} />
      <ExportNewForm onCreated={exports.add} />
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('console.exports.recentTitle')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('console.exports.recentHint')}
        </Text>
      </Stack>
      {exports.jobs === null ? (
        exports.failure ? (
          <LoadError code={exports.failure} onRetry={exports.reload} />
        ) : (
          <Loader />
        )
      ) : exports.jobs.length === 0 ? (
        <EmptyState
          title={t('console.exports.emptyTitle')}
          description={t('console.exports.empty')}
        />
      ) : (
        <ExportJobsList jobs={exports.jobs} onDeleted={exports.remove} />
      )}
    </Stack>
  )
}
