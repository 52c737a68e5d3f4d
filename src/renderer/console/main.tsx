import '@mantine/core/styles.css'
import '../common/theme/fonts'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ErrorBoundary } from '../common/components/error.boundary'
import { appCssVariables } from '../common/theme/app.theme'
import { savedLocale, startI18n } from '../i18n/i18n'
import { ConsoleApp } from './app/console.app'
import { consoleTheme } from './app/console.theme'

async function start(): Promise<void> {
  await startI18n(savedLocale(globalThis.localStorage))
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <MantineProvider
        theme={consoleTheme}
        cssVariablesResolver={appCssVariables}
        defaultColorScheme="light"
      >
        <ErrorBoundary>
          <ConsoleApp />
        </ErrorBoundary>
      </MantineProvider>
    </StrictMode>,
  )
}

void start()
