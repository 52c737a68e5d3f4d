import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { type ServerConfig, sqliteFilePath } from '../config/server-config'
import { serverMigrationProvider } from './migrations/server-migrations'
import type { ServerDatabase } from './server-database.types'

export type StoreDialect = 'sqlite' | 'postgres'

/** An open, migrated server store. */
export interface ServerStore {
  db: Kysely<ServerDatabase>
  /**
   * For pure reads (dashboard, records): on SQLite a second, read-only connection, so that
   * a read does not queue behind an ingest transaction on the writer's one connection (WAL
   * lets it read the last committed state meanwhile); on PostgreSQL the same pool as `db`.
   */
  reader: Kysely<ServerDatabase>
  dialect: StoreDialect
  close(): Promise<void>
}

/** The store could not be opened or migrated. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options)
    this.name = 'StoreError'
  }
}

/**
 * Opens the server store chosen by the config — PostgreSQL when DATABASE_URL is set,
 * otherwise a SQLite file in the data folder — and brings its schema up to date.
 */
export async function openServerDatabase(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>,
): Promise<ServerStore> {
  const dialect: StoreDialect = config.databaseUrl ? 'postgres' : 'sqlite'
  const db = config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.dataDir)
  try {
    await migrateToLatest(db)
  } catch (error) {
    await db.destroy()
    throw error
  }
  if (dialect === 'postgres') return { db, reader: db, dialect, close: () => db.destroy() }
  const reader = openSqliteReader(config.dataDir)
  return {
    db,
    reader,
    dialect,
    close: async () => {
      await reader.destroy()
      await db.destroy()
    },
  }
}

function openSqlite(dataDir: string): Kysely<ServerDatabase> {
  mkdirSync(dataDir, { recursive: true })
  const database = new Database(sqliteFilePath({ dataDir }))
  // WAL lets readers run beside the writer; FULL makes an acknowledged batch survive power loss.
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = FULL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  return new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database }) })
}

/** A read-only connection to the same SQLite file, opened after the writer migrated it. */
function openSqliteReader(dataDir: string): Kysely<ServerDatabase> {
  const database = new Database(sqliteFilePath({ dataDir }), { readonly: true })
  database.pragma('busy_timeout = 5000')
  return new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database }) })
}

function openPostgres(connectionString: string): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle client losing its connection must not crash the server; the pool replaces it.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL idle client error: ${error.message}`)
  })
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) })
}

async function migrateToLatest(db: Kysely<ServerDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: serverMigrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new StoreError(`Migration ${failed} failed`, { cause: error })
  }
}
