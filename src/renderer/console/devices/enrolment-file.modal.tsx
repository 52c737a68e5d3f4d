import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { downloadFile } from '../common/browser-file'
import type { CommuneOption } from '../common/communes.hook'
import { ErrorAlert } from '../common/error.alert'
import {
  defaultServerUrl,
  EnrolmentFields,
  type EnrolmentRequest,
  enrolmentErrors,
} from './enrolment-fields'

const VALIDITY_HOURS = [168, 720, 2160] as const

/** Makes a signed enrolment file for a laptop that cannot reach the server, and saves it. */
export function EnrolmentFileModal({
  communes,
  initialCommune,
  onClose,
  onCreated,
}: {
  communes: CommuneOption[]
  initialCommune: string | null
  onClose: () => void
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [request, setRequest] = useState<EnrolmentRequest>({
    commune: initialCommune,
    validHours: '720',
    serverUrl: defaultServerUrl(),
  })
  const [touched, setTouched] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const create = useAction(async (communeCode: string) => {
    const file = await client.call('devices.createEnrolmentFile', {
      communeCode,
      validHours: Number(request.validHours),
      serverUrl: request.serverUrl.trim(),
    })
    downloadFile(`${JSON.stringify(file.envelope, null, 2)}\n`, file.fileName, 'application/json')
    setDone(
      t('console.enrolment.fileDone', {
        file: file.fileName,
        time: formatDateTime(file.expiresAt),
      }),
    )
    onCreated()
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    const errors = enrolmentErrors(request, t)
    if (!errors.commune && !errors.serverUrl && request.commune) void create.run(request.commune)
  }

  return (
    <Modal opened onClose={onClose} title={t('console.enrolment.fileTitle')} size="lg">
      {done ? (
        <Stack gap="md">
          <Alert color="green" variant="light">
            {done}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('console.common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t('console.enrolment.fileIntro')}</Text>
            <EnrolmentFields
              request={request}
              onChange={setRequest}
              communes={communes}
              validity={VALIDITY_HOURS}
              touched={touched}
            />
            {create.failure ? <ErrorAlert failure={create.failure} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('console.common.cancel')}
              </Button>
              <Button type="submit" loading={create.pending}>
                {t('console.enrolment.downloadFile')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
