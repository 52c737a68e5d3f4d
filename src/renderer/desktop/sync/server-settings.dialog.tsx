import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../shared/api/ipc.contract'
import { errorCode, errorMessage } from '../../common/errors/error.messages'
import { formatDateTime } from '../../common/format/date.format'
import { callMain } from '../api/desktop.client'

interface ServerSettingsDialogProps {
  opened: boolean
  status: SyncStatus | null
  onClose: () => void
  onSaved: (status: SyncStatus) => void
}

/** Where the province server is, and when this laptop last synced with it. */
export function ServerSettingsDialog({
  opened,
  status,
  onClose,
  onSaved,
}: ServerSettingsDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('sync.settingsTitle')} size="lg" centered>
      {/* Remounted on every open so the box starts from the saved address. */}
      {opened ? <SettingsForm status={status} onSaved={onSaved} onClose={onClose} /> : null}
    </Modal>
  )
}

function SettingsForm({ status, onSaved, onClose }: Omit<ServerSettingsDialogProps, 'opened'>) {
  const { t } = useTranslation()
  const [url, setUrl] = useState(status?.serverUrl ?? '')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async () => {
    const trimmed = url.trim()
    if (!/^https?:\/\/\S+$/i.test(trimmed)) {
      setError(t('sync.serverUrlInvalid'))
      return
    }
    setSaving(true)
    setError(null)
    try {
      onSaved(await callMain('sync.setServerUrl', { serverUrl: trimmed }))
      onClose()
    } catch (e) {
      const code = errorCode(e)
      setError(code === 'invalid_input' ? t('sync.serverUrlInvalid') : errorMessage(code, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('sync.serverUrl')}
          description={t('sync.serverUrlHint')}
          placeholder="http://192.168.1.10:8080"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={error}
          data-autofocus
          autoComplete="off"
          spellCheck={false}
        />
        <Text c="dimmed" size="sm">
          {status?.lastSyncAt
            ? t('sync.lastSync', { time: formatDateTime(status.lastSyncAt) })
            : t('sync.neverSynced')}
        </Text>
        {status ? (
          <Text c="dimmed" size="sm">
            {t('sync.counts', {
              pending: status.pending,
              sent: status.sent,
              rejected: status.rejected,
            })}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('sync.serverUrlSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
