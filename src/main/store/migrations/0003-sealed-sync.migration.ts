import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Issue 5, sealed sync: every batch is sealed (signed, encrypted) once and its exact bytes
 * kept, so a retry after a lost answer re-sends the identical file, and an export to a USB
 * stick is remembered. The revisions table is left as it is (append-only history); which
 * revisions a batch carries is a separate join table.
 */
export const sealedSyncMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sealed_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('upload', 'export')`))
      .addColumn('body', 'blob', (c) => c.notNull())
      .addColumn('revision_count', 'integer', (c) => c.notNull())
      .addColumn('device_key_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('settled_at', 'text')
      .addColumn('released_at', 'text')
      .execute()
    await db.schema
      .createTable('sealed_batch_revisions')
      .addColumn('batch_id', 'text', (c) => c.notNull().references('sealed_batches.id'))
      .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
      .addPrimaryKeyConstraint('sealed_batch_revisions_pk', ['batch_id', 'revision_id'])
      .execute()
    await db.schema
      .createIndex('sealed_batch_revisions_revision')
      .on('sealed_batch_revisions')
      .column('revision_id')
      .execute()
  },
}
