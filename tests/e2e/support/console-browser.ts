import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { loadServerConfig } from '../../../src/server/config/server-config'
import { type RunningServer, startServer } from '../../../src/server/server'

export const CHROMIUM = '/usr/bin/chromium'
export const CONSOLE_DIR = path.resolve('out/console')
export const SHOTS = path.resolve('test-results')

/** The province console as the e2e suites drive it: a real server and a real Chromium. */
export interface ConsoleHarness {
  tmp: string
  server: RunningServer
  browser: BrowserContext
  page: Page
  /** Uncaught errors of every page, to assert there were none. */
  pageErrors: string[]
  /** Saves a full-page screenshot of `page` under test-results/. */
  shot(name: string, page?: Page): Promise<void>
  close(): Promise<void>
}

/**
 * Starts the provincial server on 127.0.0.1 (port 0) with a new SQLite store in a temp
 * folder, serving the built console from out/console, and opens Debian's Chromium at
 * 1366×768, the screen size the console is made for.
 */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  for (const needed of [CHROMIUM, path.join(CONSOLE_DIR, 'index.html')]) {
    if (!existsSync(needed)) {
      throw new Error(
        `${needed} is missing: install chromium and run npx vite build -c vite.console.config.ts`,
      )
    }
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'langso-console-e2e-'))
  await mkdir(SHOTS, { recursive: true })
  const server = await startServer(
    loadServerConfig({
      PORT: '0',
      LANGSO_DATA_DIR: path.join(tmp, 'server'),
      LANGSO_CONSOLE_DIR: CONSOLE_DIR,
    }),
  )
  const browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  browser.setDefaultTimeout(15_000)
  const pageErrors: string[] = []
  browser.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)))
  const page = browser.pages()[0] ?? (await browser.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return {
    tmp,
    server,
    browser,
    page,
    pageErrors,
    async shot(name, target = page) {
      await target.screenshot({ path: path.join(SHOTS, name), fullPage: true })
    },
    async close() {
      await browser.close()
      await server.close()
      await rm(tmp, { recursive: true, force: true })
    },
  }
}

/** The input of a labelled field (text input, select or date), within `scope`. */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label).and(scope.locator('input')).first()
}

/** Chooses `option` in the Mantine select labelled `label`, typing to narrow long lists. */
export async function choose(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string,
  typed?: string,
): Promise<void> {
  const input = field(scope, label)
  await input.click()
  if (typed !== undefined) await input.fill(typed)
  await page.getByRole('option', { name: option, exact: true }).click()
}
