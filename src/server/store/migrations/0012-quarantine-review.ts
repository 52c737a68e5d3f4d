import type { Kysely, Migration } from 'kysely'

/**
 * Settling the quarantine (issue 6): a rejected revision stays in the log for good, and staff
 * either check it again (it may pass once the province lists its village or publishes its
 * form version) or mark it handled with a note. `quarantine_state` is null while it waits.
 */
export const quarantineReviewMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const column of [
      'quarantine_state',
      'quarantine_note',
      'quarantine_by',
      'quarantine_at',
    ]) {
      await db.schema.alterTable('revisions').addColumn(column, 'text').execute()
    }
  },
}
