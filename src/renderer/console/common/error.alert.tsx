import { Alert, Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type ConsoleFailure, consoleErrorMessage } from './console-errors'

/**
 * A failure shown where it happened: a title, what happened and what to do, and a button
 * to try again when that can help.
 */
export function ErrorAlert({
  failure,
  title,
  onRetry,
  overrides,
}: {
  failure: ConsoleFailure | string
  title?: string
  onRetry?: () => void
  overrides?: Partial<Record<string, string>>
}) {
  const { t } = useTranslation()
  return (
    <Alert color="red" variant="light" title={title ?? t('console.errors.title')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="md">{consoleErrorMessage(failure, t, overrides)}</Text>
        {onRetry ? (
          <Button variant="white" color="red" onClick={onRetry}>
            {t('console.common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  )
}

/** A load that failed, with a retry button. */
export function LoadError({ code, onRetry }: { code: string; onRetry: () => void }) {
  const { t } = useTranslation()
  return <ErrorAlert failure={code} title={t('console.errors.loadTitle')} onRetry={onRetry} />
}
