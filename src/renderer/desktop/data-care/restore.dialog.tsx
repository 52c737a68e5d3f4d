import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry, RestorePreview, VillageSummary } from '../../../shared/api/ipc.contract'
import { errorCode } from '../../common/errors/error.messages'
import { callMain } from '../api/desktop.client'
import { dataCareError, formatBackupTime } from './data-care.format'
import { RestoreLossView } from './restore-loss.view'

interface RestoreDialogProps {
  /** The backup chosen; null when the dialog is closed. */
  entry: BackupEntry | null
  villages: readonly VillageSummary[]
  onClose: () => void
}

type Phase =
  | { kind: 'checking' }
  | { kind: 'failed'; code: string }
  | { kind: 'preview'; preview: RestorePreview }
  | { kind: 'restarting' }

/**
 * Restoring a backup, in three steps: the main process checks the backup (integrity,
 * schema, data key, device) and lists the unsent work a restore would drop; the person
 * reads the list and, if anything would be lost, ticks that they accept it; the restore
 * is then staged and the app restarts to apply it.
 */
export function RestoreDialog({ entry, villages, onClose }: RestoreDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      size="xl"
      centered
      title={entry ? t('dataCare.restoreTitle', { time: formatBackupTime(entry.createdAt) }) : ''}
    >
      {entry ? <RestoreSteps entry={entry} villages={villages} onClose={onClose} /> : null}
    </Modal>
  )
}

function RestoreSteps({ entry, villages, onClose }: RestoreDialogProps & { entry: BackupEntry }) {
  const { t } = useTranslation()
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' })
  const [accepted, setAccepted] = useState(false)
  const [restoring, setRestoring] = useState(false)
  const [restoreError, setRestoreError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    callMain('backup.previewRestore', { fileName: entry.fileName }).then(
      (preview) => current && setPhase({ kind: 'preview', preview }),
      (error: unknown) => current && setPhase({ kind: 'failed', code: errorCode(error) }),
    )
    return () => {
      current = false
    }
  }, [entry.fileName])

  if (phase.kind === 'checking') {
    return (
      <Group gap="sm" py="md" data-testid="restore-checking">
        <Loader size="sm" />
        <Text>{t('dataCare.checking')}</Text>
      </Group>
    )
  }
  if (phase.kind === 'failed') {
    return (
      <Stack gap="md">
        <Alert color="red" variant="light" role="alert" data-testid="restore-refused">
          {dataCareError(phase.code, t)}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.close')}
          </Button>
        </Group>
      </Stack>
    )
  }
  if (phase.kind === 'restarting') {
    return (
      <Alert color="blue" variant="light" data-testid="restore-restarting">
        {t('dataCare.restarting')}
      </Alert>
    )
  }

  const { preview } = phase
  const { loss } = preview
  const losing = loss.records.length + loss.drafts.length > 0
  const restore = async () => {
    setRestoring(true)
    setRestoreError(null)
    try {
      await callMain('backup.restore', {
        fileName: entry.fileName,
        confirmLoss: {
          householdIds: loss.records.map((record) => record.householdId),
          draftIds: loss.drafts.map((draft) => draft.draftId),
        },
      })
      setPhase({ kind: 'restarting' })
    } catch (error) {
      setRestoreError(dataCareError(errorCode(error), t))
    } finally {
      setRestoring(false)
    }
  }
  return (
    <Stack gap="md" data-testid="restore-preview">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t('dataCare.checksTitle')}
        </Title>
        {(['integrity', 'schema', 'dataKey', 'device'] as const).map((check) => (
          <Text key={check} size="sm" c="green.9">
            ✓ {t(`dataCare.checks.${check}`)}
          </Text>
        ))}
        <Text size="sm">
          {t('dataCare.backupHolds', {
            households: preview.backupCounts.households,
            pending: preview.backupCounts.pendingRecords,
            drafts: preview.backupCounts.drafts,
          })}
        </Text>
      </Stack>
      {losing ? (
        <Alert
          color="orange"
          variant="light"
          title={t('dataCare.lossTitle')}
          data-testid="restore-loss"
        >
          <Text size="sm">{t('dataCare.lossHint')}</Text>
        </Alert>
      ) : (
        <Alert color="green" variant="light" data-testid="restore-nothing-lost">
          {t('dataCare.nothingLost')}
        </Alert>
      )}
      <RestoreLossView loss={loss} villages={villages} />
      {losing ? (
        <Checkbox
          checked={accepted}
          onChange={(event) => setAccepted(event.currentTarget.checked)}
          label={t('dataCare.confirmLoss')}
          data-testid="restore-accept"
        />
      ) : null}
      {restoreError ? (
        <Alert color="red" variant="light" role="alert">
          {restoreError}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('app.cancel')}
        </Button>
        <Button
          color="red"
          loading={restoring}
          disabled={losing && !accepted}
          onClick={() => void restore()}
          data-testid="restore-confirm"
        >
          {t('dataCare.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}
