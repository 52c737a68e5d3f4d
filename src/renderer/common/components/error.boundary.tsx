import { Alert, Button, Container, Stack, Text } from '@mantine/core'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Translation } from 'react-i18next'

interface ErrorBoundaryState {
  failed: boolean
}

/**
 * A screen that failed to draw says so, in words, with a way back, instead of leaving a
 * blank window. Drafts are saved as they are typed, so reloading loses nothing.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the developer console for support; the person sees the message below.
    console.error('screen failed', error.message, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <Translation>
        {(t) => (
          <Container size="sm" py="xl">
            <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
              <Stack gap="sm" align="flex-start">
                <Text>{t('app.screenFailed')}</Text>
                <Button color="red" variant="white" onClick={() => window.location.reload()}>
                  {t('app.reload')}
                </Button>
              </Stack>
            </Alert>
          </Container>
        )}
      </Translation>
    )
  }
}
