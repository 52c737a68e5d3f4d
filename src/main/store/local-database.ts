import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { AppError } from '../../shared/result'
import type { LocalDatabase } from './local-database.types'
import { localMigrationProvider } from './migrations/local-migrations'

export interface OpenLocalDatabaseOptions {
  /**
   * Path of the compiled better-sqlite3 addon. The Electron app passes an Electron-ABI
   * build; Node (tests, tools) uses the default one from node_modules.
   */
  nativeBinding?: string
}

/** How long a statement waits for a lock held by another connection before failing. */
const BUSY_TIMEOUT_MS = 5000

/**
 * Opens (creating if needed) the local store at `path`, applies the durability pragmas and
 * runs every pending migration. A save that returned success survives power loss:
 * WAL with `synchronous=FULL` syncs the log on every commit.
 */
export async function openLocalDatabase(
  path: string,
  opts: OpenLocalDatabaseOptions = {},
): Promise<Kysely<LocalDatabase>> {
  const sqlite = new Database(
    path,
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : undefined,
  )
  const db = new Kysely<LocalDatabase>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Deleted and overwritten content is zeroed, so no old copy of a row lingers in free space.
    sqlite.pragma('secure_delete = ON')
    await migrateLocalDatabase(db)
    return db
  } catch (error) {
    await db.destroy()
    throw error
  }
}

/** Runs the in-code migrations up to the latest; fails loudly rather than run half-migrated. */
export async function migrateLocalDatabase(db: Kysely<LocalDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: localMigrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error === undefined) return
  const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
  throw new StoreMigrationError(failed, error)
}

/** The local store could not be brought to the current schema; the app must not run on it. */
export class StoreMigrationError extends AppError {
  constructor(migrationName: string, cause: unknown) {
    super('store_migration_failed', `local store migration ${migrationName} failed`)
    this.name = 'StoreMigrationError'
    this.cause = cause
  }
}
