import type { Migration, MigrationProvider } from 'kysely'
import { initialMigration } from './0001-initial.migration'
import { fieldSurveyMigration } from './0002-field-survey.migration'
import { sealedSyncMigration } from './0003-sealed-sync.migration'
import { pulledStateMigration } from './0004-pulled-state.migration'
import { awaitingReceiptMigration } from './0005-awaiting-receipt.migration'

/**
 * The local store's migrations, numbered and forward-only. Never edit or reorder a
 * shipped migration: laptops in the field hold data made by it. Add the next number.
 */
export const localMigrations: Record<string, Migration> = {
  '0001_initial': initialMigration,
  '0002_field_survey': fieldSurveyMigration,
  '0003_sealed_sync': sealedSyncMigration,
  '0004_pulled_state': pulledStateMigration,
  '0005_awaiting_receipt': awaitingReceiptMigration,
}

/** In-code provider: migrations are bundled with the main process, not read from disk. */
export const localMigrationProvider: MigrationProvider = {
  getMigrations: async () => localMigrations,
}
