import type { Kysely, Migration } from 'kysely'

/**
 * Issue 5, pull: the form versions the province published (definitions pulled from the
 * server, so records of a new version can be read and stored on this laptop), and the
 * server states a pull had to leave aside because the household had local work (an unsent
 * edit or an open draft): they are applied once that work is gone, instead of waiting for
 * the household's next change on the server.
 */
export const pulledStateMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('form_versions')
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      // A form definition holds no personal data: clear JSON.
      .addColumn('definition_json', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('form_versions_pk', ['form_id', 'version'])
      .execute()
    await db.schema
      .createTable('parked_households')
      .addColumn('household_id', 'text', (c) => c.primaryKey())
      .addColumn('change_seq', 'integer', (c) => c.notNull())
      // The pulled state, sealed: it carries the household's answers.
      .addColumn('state_json', 'text', (c) => c.notNull())
      .addColumn('parked_at', 'text', (c) => c.notNull())
      .execute()
  },
}
