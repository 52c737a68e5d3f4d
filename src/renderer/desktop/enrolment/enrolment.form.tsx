import { Alert, Button, Divider, FileButton, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus } from '../../../shared/api/ipc.contract'
import { errorCode, errorMessage } from '../../common/errors/error.messages'
import { callMain } from '../api/desktop.client'

interface EnrolmentFormProps {
  /** The address to start from (the current one when enrolling again). */
  initialServerUrl?: string | null
  onEnrolled: (status: DeviceStatus) => void
}

/**
 * Enrolment: the server address and one-time code (a pasted QR text works too), or an
 * enrolment file for a laptop without network. Every failure is explained in words.
 */
export function EnrolmentForm({ initialServerUrl, onEnrolled }: EnrolmentFormProps) {
  const { t } = useTranslation()
  const [serverUrl, setServerUrl] = useState(initialServerUrl ?? '')
  const [code, setCode] = useState('')
  const [deviceName, setDeviceName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (enrol: () => Promise<DeviceStatus>) => {
    setBusy(true)
    setError(null)
    try {
      onEnrolled(await enrol())
    } catch (e) {
      setError(errorMessage(errorCode(e), t))
    } finally {
      setBusy(false)
    }
  }
  const name = deviceName.trim() ? { deviceName: deviceName.trim() } : {}
  const enrolWithCode = () =>
    run(() =>
      callMain('device.enrolWithCode', { serverUrl: serverUrl.trim(), code: code.trim(), ...name }),
    )
  const enrolWithFile = (file: File | null) => {
    if (!file) return
    void run(async () => callMain('device.enrolWithFile', { content: await file.text(), ...name }))
  }
  const isQr = code.trim().startsWith('langso-enrol:')

  return (
    <Stack gap="md">
      {error ? (
        <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
          {error}
        </Alert>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void enrolWithCode()
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('enrolment.serverUrl')}
            description={t('enrolment.serverUrlHint')}
            placeholder="https://"
            value={serverUrl}
            onChange={(e) => setServerUrl(e.currentTarget.value)}
            required={!isQr}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            label={t('enrolment.code')}
            description={t('enrolment.codeHint')}
            placeholder="XXXX-XXXX-XXXX"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            label={t('enrolment.deviceName')}
            description={t('enrolment.deviceNameHint')}
            value={deviceName}
            onChange={(e) => setDeviceName(e.currentTarget.value)}
            maxLength={80}
          />
          <Button type="submit" loading={busy} disabled={!code.trim()}>
            {t('enrolment.submit')}
          </Button>
        </Stack>
      </form>
      <Divider />
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('enrolment.offlineTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('enrolment.fileHint')}
        </Text>
        <FileButton onChange={enrolWithFile} accept=".json,application/json">
          {(props) => (
            <Button variant="default" loading={busy} {...props}>
              {t('enrolment.chooseFile')}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Stack>
  )
}
