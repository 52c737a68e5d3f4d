import { Alert, Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../errors/error.messages'

/** A failed load: what happened, in plain words, and a button to try again. */
export function LoadFailedAlert({ code, onRetry }: { code: string; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="md">{errorMessage(code, t)}</Text>
        <Button variant="white" color="red" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      </Stack>
    </Alert>
  )
}
