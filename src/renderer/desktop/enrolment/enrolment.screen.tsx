import { Card, Container, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus } from '../../../shared/api/ipc.contract'
import { EnrolmentForm } from './enrolment.form'

/** Shown instead of the app while the laptop is not enrolled with a province server. */
export function EnrolmentScreen({ onEnrolled }: { onEnrolled: (status: DeviceStatus) => void }) {
  const { t } = useTranslation()
  return (
    <Container size="sm" px={0}>
      <Card withBorder padding="xl" radius="md">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('enrolment.title')}
          </Title>
          <Text>{t('enrolment.intro')}</Text>
          <EnrolmentForm onEnrolled={onEnrolled} />
        </Stack>
      </Card>
    </Container>
  )
}
