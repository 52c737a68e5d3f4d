import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LogFields, Logger } from '../../src/main/app/logger'
import { closeMainContext, type MainContext, openMainContext } from '../../src/main/context'
import type { KeyProvider } from '../../src/main/crypto/key-provider'
import { fixedTestKeyProvider } from '../../src/main/crypto/test-key-provider'
import { ManualClock } from '../../src/shared/clock/clock'
import { type IdGenerator, sequentialIds } from '../../src/shared/ids/uuid'
import { FIXTURE_MS } from '../support/household-fixtures'

/**
 * Ids of main-context tests start far from the fixture's sequence (which makes member row
 * ids), so the two never collide.
 */
const CONTEXT_ID_SEED = FIXTURE_MS + 50_000_000

/** A logger that keeps what it is given, for asserting on what was logged. */
export class MemoryLogger implements Logger {
  readonly entries: { level: 'info' | 'error'; event: string; fields: LogFields }[] = []
  info(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'info', event, fields })
  }
  error(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'error', event, fields })
  }
}

export interface TestMain {
  ctx: MainContext
  dir: string
  dbPath: string
  clock: ManualClock
  ids: IdGenerator
  log: MemoryLogger
  /** Every backoff delay the sync client asked to sleep; the test never really waits. */
  sleeps: number[]
  /** Closes the context and opens the same database file again (same clock and ids). */
  reopen(): Promise<MainContext>
  /** From now on the laptop's network is `fetch` (a test's flaky or observing network). */
  setNetwork(fetch: typeof globalThis.fetch): void
  /** Closes the context and deletes the temp folder. */
  dispose(): Promise<void>
}

export interface TestMainOptions {
  fetch?: typeof fetch
  /** The data key's source; a fixed test key by default (the same on every reopen). */
  keyProvider?: KeyProvider
  /** Where the id sequence starts: a second laptop in one test needs its own ids. */
  idSeed?: number
}

/** A main context on a fresh SQLite file in a temp folder, with a manual clock and fixed ids. */
export async function openTestMain(options: TestMainOptions = {}): Promise<TestMain> {
  const dir = await mkdtemp(join(tmpdir(), 'langso-main-'))
  const dbPath = join(dir, 'langso.sqlite')
  const clock = new ManualClock(FIXTURE_MS)
  const ids = sequentialIds(options.idSeed ?? CONTEXT_ID_SEED)
  const log = new MemoryLogger()
  const sleeps: number[] = []
  let network: typeof fetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const open = () =>
    openMainContext({
      dbPath,
      keyProvider: options.keyProvider ?? fixedTestKeyProvider(),
      clock,
      newId: ids,
      log,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      fetch: (input, init) => network(input, init),
    })
  let closed = false
  const handle: TestMain = {
    ctx: await open(),
    dir,
    dbPath,
    clock,
    ids,
    log,
    sleeps,
    async reopen() {
      await closeMainContext(handle.ctx)
      handle.ctx = await open()
      return handle.ctx
    },
    setNetwork(fetch) {
      network = fetch
    },
    async dispose() {
      if (!closed) await closeMainContext(handle.ctx)
      closed = true
      await rm(dir, { recursive: true, force: true })
    },
  }
  return handle
}

/** Row counts of every table of the local store. */
export async function countRows(ctx: MainContext): Promise<Record<string, number>> {
  const tables = ['households', 'members', 'visits', 'revisions', 'drafts'] as const
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}
