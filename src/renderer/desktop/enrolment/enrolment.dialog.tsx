import { Alert, Button, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus } from '../../../shared/api/ipc.contract'
import { formatDateTime } from '../../common/format/date.format'
import { EnrolmentForm } from './enrolment.form'

interface EnrolmentDialogProps {
  opened: boolean
  status: DeviceStatus | null
  onClose: () => void
  onEnrolled: (status: DeviceStatus) => void
}

/** The laptop's enrolment (commune, server, province key id), and enrolling again. */
export function EnrolmentDialog({ opened, status, onClose, onEnrolled }: EnrolmentDialogProps) {
  const { t } = useTranslation()
  const [again, setAgain] = useState(false)
  const close = () => {
    setAgain(false)
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={t('enrolment.infoTitle')} size="lg" centered>
      <Stack gap="sm" data-testid="enrolment-info">
        {status?.commune && status.province ? (
          <Text>
            {t('enrolment.commune', {
              commune: status.commune.name,
              province: status.province.name,
            })}
          </Text>
        ) : null}
        {status?.serverUrl ? <Text>{t('enrolment.server', { url: status.serverUrl })}</Text> : null}
        {status?.enrolledAt ? (
          <Text c="dimmed" size="sm">
            {t('enrolment.enrolledAt', { time: formatDateTime(status.enrolledAt) })}
          </Text>
        ) : null}
        {status?.provinceKeyId ? (
          <Text c="dimmed" size="sm" ff="monospace">
            {t('enrolment.keyId', { keyId: status.provinceKeyId })}
          </Text>
        ) : null}
        {status?.awaitingServer ? (
          <Alert color="yellow" variant="light">
            {t('enrolment.awaitingServer')}
          </Alert>
        ) : null}
        {again ? (
          <EnrolmentForm
            initialServerUrl={status?.serverUrl ?? null}
            onEnrolled={(next) => {
              onEnrolled(next)
              close()
            }}
          />
        ) : (
          <Stack gap={4} align="flex-start">
            <Button variant="default" onClick={() => setAgain(true)}>
              {t('enrolment.reenrol')}
            </Button>
            <Text c="dimmed" size="sm">
              {t('enrolment.reenrolHint')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Modal>
  )
}
