import type { Migration, MigrationProvider } from 'kysely'
import { initialMigration } from './0001-initial'

/**
 * Every migration of the server store, by name. Names are numbered and sort in the order
 * they run; migrations are forward-only, so a released one is never edited or removed.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initialMigration,
}

/** Kysely's migration provider over the in-code list (no files to find at run time). */
export const serverMigrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}
