import { Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SyncProgress } from '../../../shared/api/ipc.contract'

/**
 * A running sync's progress: records sent of those to send, batch k of n, then the pull.
 * Before the first progress report arrives the bar moves without a value.
 */
export function SyncProgressView({ progress }: { progress: SyncProgress | null }) {
  const { t } = useTranslation()
  const uploading = progress?.phase === 'upload' && progress.batch > 0
  const label =
    progress === null || (progress.phase === 'upload' && progress.batch === 0)
      ? t('syncScreen.progressStarting')
      : progress.phase === 'pull'
        ? t('syncScreen.progressPull')
        : t('syncScreen.progressUpload', {
            batch: progress.batch,
            batches: progress.batches,
            sent: progress.sentRecords,
            total: progress.totalRecords,
          })
  const value =
    uploading && progress.totalRecords > 0
      ? Math.round((progress.sentRecords / progress.totalRecords) * 100)
      : 100
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="sync-progress">
      <Text fw={600}>{label}</Text>
      <Progress
        value={value}
        animated
        striped
        size="lg"
        aria-label={label}
        data-phase={progress?.phase ?? 'starting'}
      />
    </Stack>
  )
}
