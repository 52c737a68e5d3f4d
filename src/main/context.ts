import type { Kysely } from 'kysely'
import type { SyncReport } from '../shared/api/ipc.contract'
import { type Clock, systemClock } from '../shared/clock/clock'
import { type IdGenerator, newId as uuidV7 } from '../shared/ids/uuid'
import { consoleLogger, type Logger } from './app/logger'
import { openFieldCipher } from './crypto/data-key'
import type { FieldCipher } from './crypto/field-cipher'
import type { KeyProvider } from './crypto/key-provider'
import { loadStoredForms } from './forms/stored-forms.repository'
import { refreshContributions } from './indicators/indicator-contributions'
import { getOrCreateSetting } from './settings/settings.repository'
import { protectLegacyData } from './store/legacy-data.protection'
import { openLocalDatabase } from './store/local-database'
import type { LocalDatabase } from './store/local-database.types'

/**
 * Everything a main-process handler may use. Time, ids, the network and waiting are
 * injected so that tests (and the e2e bridge) run deterministically without Electron.
 */
export interface MainContext {
  readonly db: Kysely<LocalDatabase>
  /** Seals and opens personal data at rest, and makes its keyed hashes. */
  readonly cipher: FieldCipher
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
  /**
   * Gives the data key personal data is encrypted with: safeStorageKeyProvider in the
   * Electron app, a provider from crypto/test-key-provider in tests and the e2e bridge.
   */
  keyProvider: KeyProvider
  clock?: Clock
  newId?: IdGenerator
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  log?: Logger
}

/** Each open context's abort switch, kept out of the context so handlers cannot pull it. */
const closers = new WeakMap<MainContext, AbortController>()

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Opens the local store (migrating it), gets the data key, finishes the one-time steps that
 * need it (sealing a walking-skeleton store's clear rows; recomputing indicator
 * contributions after a definitions change) and builds the context handlers run in.
 */
export async function openMainContext(opts: MainContextOptions): Promise<MainContext> {
  const db = await openLocalDatabase(
    opts.dbPath,
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
  )
  const makeId = opts.newId ?? uuidV7
  const closer = new AbortController()
  try {
    const deviceId = await getOrCreateSetting(db, 'device_id', makeId)
    const cipher = await openFieldCipher(db, opts.keyProvider)
    const log = opts.log ?? consoleLogger
    if (await protectLegacyData(db, cipher)) log.info('legacy_data_protected')
    await loadStoredForms(db)
    await refreshContributions(db, cipher)
    const ctx: MainContext = {
      db,
      cipher,
      clock: opts.clock ?? systemClock,
      newId: makeId,
      fetch: opts.fetch ?? globalThis.fetch.bind(globalThis),
      sleep: opts.sleep ?? realSleep,
      log,
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
