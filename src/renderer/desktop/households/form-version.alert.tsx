import { Alert, Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import type { FormRef } from '../api/form-versions.cache'

interface FormVersionAlertProps {
  code: string
  formRef: FormRef
  onRetry: () => void
}

/**
 * The form version of a saved record could not be loaded. A version this laptop lacks
 * (`unknown_form`) says which one and that a sync brings it; any other failure is shown
 * like every failed load.
 */
export function FormVersionAlert({ code, formRef, onRetry }: FormVersionAlertProps) {
  const { t } = useTranslation()
  if (code !== 'unknown_form') return <LoadFailedAlert code={code} onRetry={onRetry} />
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={t('household.formMissingTitle')}
      data-testid="form-version-missing"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="md">{t('household.formMissing', { version: formRef.version })}</Text>
        <Button variant="white" color="orange" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      </Stack>
    </Alert>
  )
}
