import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry, BackupOverview, VillageSummary } from '../../../shared/api/ipc.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { errorCode } from '../../common/errors/error.messages'
import { formatDateTime } from '../../common/format/date.format'
import { currentLocale } from '../../i18n/i18n'
import { callMain } from '../api/desktop.client'
import { BackupsTable } from './backups.table'
import { backupTakenAt, dataCareError, formatBackupTime, formatBytes } from './data-care.format'
import { DiagnosticsPanel } from './diagnostics.panel'
import { RestoreDialog } from './restore.dialog'

interface DataCareScreenProps {
  villages: readonly VillageSummary[]
  onBack: () => void
}

type BackupNote = { kind: 'done'; entry: BackupEntry } | { kind: 'failed'; code: string }

/**
 * "Dữ liệu và sao lưu": where the data is, the backups kept (with "back up now" and
 * restoring one), how the last restore went, and the support bundle.
 */
export function DataCareScreen({ villages, onBack }: DataCareScreenProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const overview = useAsyncData(() => callMain('backup.overview', {}), [])
  const [backingUp, setBackingUp] = useState(false)
  const [note, setNote] = useState<BackupNote | null>(null)
  const [restoring, setRestoring] = useState<BackupEntry | null>(null)

  const backUpNow = async () => {
    setBackingUp(true)
    setNote(null)
    try {
      setNote({ kind: 'done', entry: await callMain('backup.create', {}) })
      overview.reload()
    } catch (error) {
      setNote({ kind: 'failed', code: errorCode(error) })
    } finally {
      setBackingUp(false)
    }
  }

  return (
    <Stack gap="md" data-testid="data-care-screen">
      <Breadcrumbs>
        <Anchor component="button" type="button" onClick={onBack} size="md">
          {t('dataCare.back')}
        </Anchor>
        <Text size="md">{t('dataCare.title')}</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t('dataCare.title')}
      </Title>
      {overview.state === 'failed' ? (
        <LoadFailedAlert code={overview.code} onRetry={overview.reload} />
      ) : null}
      {overview.state === 'done' ? <LastRestoreNote overview={overview.data} /> : null}
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('dataCare.folderTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dataCare.folderHint')}
          </Text>
          {overview.state === 'done' ? (
            <>
              <Group gap="sm" wrap="nowrap" align="center">
                <Code fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid="data-folder">
                  {overview.data.dataDir}
                </Code>
                <CopyButton value={overview.data.dataDir}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? t('dataCare.copied') : t('dataCare.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm">
                {t('dataCare.databaseSize', {
                  size: formatBytes(overview.data.databaseBytes, t, locale),
                })}
              </Text>
            </>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Title order={2} size="h4">
                {t('dataCare.backupsTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('dataCare.backupsHint', {
                  auto: overview.state === 'done' ? overview.data.keep.auto : 7,
                })}
              </Text>
            </Stack>
            <Button
              onClick={() => void backUpNow()}
              loading={backingUp}
              data-testid="backup-now"
              style={{ flexShrink: 0 }}
            >
              {t('dataCare.backupNow')}
            </Button>
          </Group>
          {note?.kind === 'done' ? (
            <Alert color="green" variant="light" data-testid="backup-done">
              {t('dataCare.backedUp', { time: formatDateTime(note.entry.createdAt) })}
            </Alert>
          ) : null}
          {note?.kind === 'failed' ? (
            <Alert color="red" variant="light" role="alert">
              {dataCareError(note.code, t)}
            </Alert>
          ) : null}
          {overview.state === 'done' ? (
            <BackupsTable
              backups={overview.data.backups}
              busy={backingUp}
              onRestore={setRestoring}
            />
          ) : null}
        </Stack>
      </Paper>
      <DiagnosticsPanel logsDir={overview.state === 'done' ? overview.data.logsDir : null} />
      <RestoreDialog entry={restoring} villages={villages} onClose={() => setRestoring(null)} />
    </Stack>
  )
}

/** How the last restore went, after the restart that applied it. */
function LastRestoreNote({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation()
  const last = overview.lastRestore
  if (!last) return null
  const time = formatDateTime(last.at)
  if (last.result === 'failed') {
    return (
      <Alert color="red" variant="light" data-testid="last-restore">
        {t('dataCare.lastRestoreFailed', {
          time,
          reason: dataCareError(last.errorCode ?? 'internal', t),
        })}
      </Alert>
    )
  }
  const taken = backupTakenAt(last.fileName)
  const backupTime = taken ? formatBackupTime(taken) : last.fileName
  return (
    <Alert color="green" variant="light" data-testid="last-restore">
      <Text size="sm">{t('dataCare.lastRestored', { backup: backupTime, time })}</Text>
      {last.safetyBackup ? <Text size="sm">{t('dataCare.lastRestoreSafety')}</Text> : null}
    </Alert>
  )
}
