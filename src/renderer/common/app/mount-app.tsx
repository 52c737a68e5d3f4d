import { MantineProvider, type MantineThemeOverride } from '@mantine/core'
import { type ReactNode, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { savedLocale, startI18n } from '../../i18n/i18n'
import { ErrorBoundary } from '../components/error.boundary'
import { appCssVariables } from '../theme/app.theme'

/**
 * Starts a renderer app (the desktop app or the province console): the saved language,
 * Mantine with the app's theme, and an error boundary around the app.
 */
export async function mountApp(app: ReactNode, theme: MantineThemeOverride): Promise<void> {
  await startI18n(savedLocale(globalThis.localStorage))
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={appCssVariables}
        defaultColorScheme="light"
      >
        <ErrorBoundary>{app}</ErrorBoundary>
      </MantineProvider>
    </StrictMode>,
  )
}
