import type { Migration, MigrationProvider } from 'kysely'
import { initialMigration } from './0001-initial'
import { authMigration } from './0002-auth'
import { placesMigration } from './0003-places'
import { formsMigration } from './0004-forms'
import { devicesMigration } from './0005-devices'
import { sealedBatchesMigration } from './0006-sealed-batches'
import { conflictsAndPullMigration } from './0007-conflicts-and-pull'
import { reviewsMigration } from './0008-reviews'
import { indicatorsMigration } from './0009-indicators'
import { householdSearchMigration } from './0010-household-search'
import { exportsMigration } from './0011-exports'
import { quarantineReviewMigration } from './0012-quarantine-review'

/**
 * Every migration of the server store, by name. Names are numbered and sort in the order
 * they run; migrations are forward-only, so a released one is never edited or removed.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initialMigration,
  '0002-auth': authMigration,
  '0003-places': placesMigration,
  '0004-forms': formsMigration,
  '0005-devices': devicesMigration,
  '0006-sealed-batches': sealedBatchesMigration,
  '0007-conflicts-and-pull': conflictsAndPullMigration,
  '0008-reviews': reviewsMigration,
  '0009-indicators': indicatorsMigration,
  '0010-household-search': householdSearchMigration,
  '0011-exports': exportsMigration,
  '0012-quarantine-review': quarantineReviewMigration,
}

/** Kysely's migration provider over the in-code list (no files to find at run time). */
export const serverMigrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}
