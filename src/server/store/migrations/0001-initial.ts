import { type Kysely, type Migration, sql } from 'kysely'

/**
 * The walking skeleton's tables: the batch inbox, the append-only revision log (with its
 * quarantine of rejected revisions) and the household projection. Types are portable
 * (text, integer) so the same migration runs on SQLite and PostgreSQL.
 */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('device_sent_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('accepted', 'integer', (c) => c.notNull())
      .addColumn('duplicate', 'integer', (c) => c.notNull())
      .addColumn('rejected', 'integer', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('revisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
      .addColumn('household_id', 'text', (c) => c.notNull())
      .addColumn('visit_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('base_revision_id', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('accepted', 'rejected')`),
      )
      .addColumn('reason', 'text')
      .addColumn('issues_json', 'text')
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('device_saved_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('revisions_household_idx')
      .on('revisions')
      .columns(['household_id', 'hlc'])
      .execute()
    await db.schema.createIndex('revisions_batch_idx').on('revisions').column('batch_id').execute()
    await db.schema
      .createIndex('revisions_quarantine_idx')
      .on('revisions')
      .columns(['status', 'commune_code', 'received_at'])
      .execute()

    await db.schema
      .createTable('households')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('head_name', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('member_count', 'integer', (c) => c.notNull())
      .addColumn('visit_result', 'text')
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('response_json', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('households_place_idx')
      .on('households')
      .columns(['commune_code', 'village_code', 'updated_at'])
      .execute()
    await db.schema
      .createIndex('households_updated_idx')
      .on('households')
      .columns(['updated_at', 'id'])
      .execute()

    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) =>
        c.notNull().references('households.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('answers_json', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('members_household_idx')
      .on('members')
      .columns(['household_id', 'position'])
      .execute()

    await db.schema
      .createTable('visits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) =>
        c.notNull().references('households.id').onDelete('cascade'),
      )
      .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('visit_result', 'text')
      .execute()
    await db.schema
      .createIndex('visits_household_idx')
      .on('visits')
      .column('household_id')
      .execute()
  },
}
