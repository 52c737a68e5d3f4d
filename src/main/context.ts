import type { Kysely } from 'kysely'
import type { SyncReport } from '../shared/api/ipc.contract'
import { type Clock, systemClock } from '../shared/clock/clock'
import { type IdGenerator, newId as uuidV7 } from '../shared/ids/uuid'
import { consoleLogger, type Logger } from './app/logger'
import { getOrCreateSetting } from './settings/settings.repository'
import { openLocalDatabase } from './store/local-database'
import type { LocalDatabase } from './store/local-database.types'

/**
 * Everything a main-process handler may use. Time, ids, the network and waiting are
 * injected so that tests (and the e2e bridge) run deterministically without Electron.
 */
export interface MainContext {
  readonly db: Kysely<LocalDatabase>
  readonly clock: Clock
  readonly newId: IdGenerator
  readonly fetch: typeof fetch
  readonly sleep: (ms: number) => Promise<void>
  readonly log: Logger
  /** This installation's id, made on first open and never changed. */
  readonly deviceId: string
  /** The sync run in progress, which a second request joins instead of starting another. */
  readonly sync: { running: Promise<SyncReport> | null }
  /** Aborted when the context is being closed: network waits stop instead of holding up quit. */
  readonly closing: AbortSignal
}

export interface MainContextOptions {
  dbPath: string
  /** Path of an Electron-ABI better-sqlite3 addon; omitted under Node. */
  nativeBinding?: string
  clock?: Clock
  newId?: IdGenerator
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  log?: Logger
}

/** Each open context's abort switch, kept out of the context so handlers cannot pull it. */
const closers = new WeakMap<MainContext, AbortController>()

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Opens the local store (migrating it) and builds the context handlers run in. */
export async function openMainContext(opts: MainContextOptions): Promise<MainContext> {
  const db = await openLocalDatabase(
    opts.dbPath,
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
  )
  const makeId = opts.newId ?? uuidV7
  const closer = new AbortController()
  try {
    const deviceId = await getOrCreateSetting(db, 'device_id', makeId)
    const ctx: MainContext = {
      db,
      clock: opts.clock ?? systemClock,
      newId: makeId,
      fetch: opts.fetch ?? globalThis.fetch.bind(globalThis),
      sleep: opts.sleep ?? realSleep,
      log: opts.log ?? consoleLogger,
      deviceId,
      sync: { running: null },
      closing: closer.signal,
    }
    closers.set(ctx, closer)
    return ctx
  } catch (error) {
    await db.destroy()
    throw error
  }
}

/**
 * Cancels a running sync's network wait, lets it settle (what was acknowledged stays
 * marked; the rest stays pending), then closes the store.
 */
export async function closeMainContext(ctx: MainContext): Promise<void> {
  closers.get(ctx)?.abort()
  // The run's outcome (success or failure) belongs to whoever started it; here we only wait.
  await ctx.sync.running?.catch(() => undefined)
  await ctx.db.destroy()
}
