import type { Kysely } from 'kysely'
import type { Clock } from '../shared/clock/clock'
import type { ProvinceKeys } from './keys/province-keys'
import type { StoreDialect } from './store/server-database'
import type { ServerDatabase } from './store/server-database.types'

/** What every server handler and service receives: the store and the injectable clock. */
export interface ServerContext {
  db: Kysely<ServerDatabase>
  /** For pure reads, when the store has a separate reader (see ServerStore.reader). */
  reader?: Kysely<ServerDatabase>
  dialect: StoreDialect
  clock: Clock
  /** The province's signing and encryption keys, loaded from the data folder at start. */
  provinceKeys: ProvinceKeys
  /** The server's data folder (exports write their files under it); absent in bare contexts. */
  dataDir?: string
}

/**
 * The context a pure read runs in: its `db` is the store's reader when there is one, so
 * the dashboard and record pages answer while a batch is being ingested.
 */
export function readingContext<C extends ServerContext>(ctx: C): C {
  return ctx.reader ? { ...ctx, db: ctx.reader } : ctx
}
