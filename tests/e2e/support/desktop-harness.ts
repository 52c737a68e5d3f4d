import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { closeMainContext, type MainContext, openMainContext } from '../../../src/main/context'
import { fixedTestKeyProvider } from '../../../src/main/crypto/test-key-provider'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import type { IpcCall, IpcInput, IpcOutput } from '../../../src/shared/api/ipc.contract'
import type { Clock } from '../../../src/shared/clock/clock'
import { bridgeDesktopApi } from './api-bridge'
import { pilotEnrolmentFile } from './enrolment-file'
import { type StaticServer, serveStatic } from './static-server'

export const CHROMIUM = '/usr/bin/chromium'
export const RENDERER_DIR = path.resolve('out/renderer')
export const SHOTS = path.resolve('test-results')

/**
 * A clock that runs at real speed from a chosen start, and can be moved forward (months
 * between two visits) without waiting.
 */
export class SteppableClock implements Clock {
  private readonly startedAt = Date.now()
  private offset = 0
  constructor(private readonly startMs: number) {}
  now(): number {
    return this.startMs + (Date.now() - this.startedAt) + this.offset
  }
  advanceDays(days: number): void {
    this.offset += days * 86_400_000
  }
}

export interface DesktopHarness {
  tmp: string
  dbPath: string
  clock: SteppableClock
  renderer: StaticServer
  browser: BrowserContext
  page: Page
  /** Uncaught errors of the page, to assert there were none. */
  pageErrors: string[]
  ctx(): MainContext
  /** Runs one IPC call through the real dispatch (to set up data), unwrapping its Result. */
  call<N extends IpcCall>(name: N, input: IpcInput<N>): Promise<IpcOutput<N>>
  /**
   * Closes the main process's store and opens it again on the same file (a restart);
   * `beforeOpen` runs in between, as the app's start-up steps do (a staged restore).
   */
  restartMain(beforeOpen?: () => Promise<unknown>): Promise<void>
  close(): Promise<void>
}

export interface HarnessOptions {
  viewport?: { width: number; height: number }
  /** When the clock starts (Vietnam dates follow it). */
  startMs?: number
  /**
   * Enrol the laptop first, offline, with a pilot-commune enrolment file (default true):
   * an enrolled laptop opens on its screens instead of the enrolment screen.
   */
  enrolled?: boolean
}

/**
 * The desktop app as the e2e suites drive it: the built renderer served on 127.0.0.1 and
 * opened in Debian's Chromium, `window.api` bridged to the real main-process handlers on a
 * real SQLite file (personal data sealed with a fixed test key, so restarts can reopen it).
 */
export async function startDesktopHarness(options: HarnessOptions = {}): Promise<DesktopHarness> {
  for (const needed of [CHROMIUM, path.join(RENDERER_DIR, 'index.html')]) {
    if (!existsSync(needed)) {
      throw new Error(
        `${needed} is missing: install chromium (apt-get install chromium) and run npm run build`,
      )
    }
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'langso-e2e-'))
  await mkdir(SHOTS, { recursive: true })
  const dbPath = path.join(tmp, 'desktop.sqlite')
  const clock = new SteppableClock(options.startMs ?? Date.parse('2025-11-24T02:00:00Z'))
  const keyProvider = fixedTestKeyProvider()
  const open = () => openMainContext({ dbPath, keyProvider, clock })
  let ctx = await open()
  if (options.enrolled ?? true) {
    const enrolled = await dispatch(ctx, 'device.enrolWithFile', { content: pilotEnrolmentFile() })
    if (!enrolled.ok) throw new Error(`enrolment failed: ${enrolled.error.code}`)
  }
  const renderer = await serveStatic(RENDERER_DIR)
  const browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: 'vi-VN',
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
  const page = browser.pages()[0] ?? (await browser.newPage())
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await bridgeDesktopApi(page, () => ctx)

  return {
    tmp,
    dbPath,
    clock,
    renderer,
    browser,
    page,
    pageErrors,
    ctx: () => ctx,
    async call(name, input) {
      const result = await dispatch(ctx, name, input)
      if (!result.ok)
        throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
      return result.data as IpcOutput<typeof name>
    },
    async restartMain(beforeOpen) {
      await closeMainContext(ctx)
      await beforeOpen?.()
      ctx = await open()
    },
    async close() {
      await browser.close()
      await renderer.close()
      await closeMainContext(ctx)
      await rm(tmp, { recursive: true, force: true })
    },
  }
}
