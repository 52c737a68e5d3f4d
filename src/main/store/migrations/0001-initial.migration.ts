import { type Kysely, type Migration, sql } from 'kysely'

/** The walking skeleton's schema: settings, households, members, visits and the outbox. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
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
      .addColumn('latest_revision_id', 'text', (c) => c.notNull())
      .addColumn('sync_state', 'text', (c) =>
        c.notNull().check(sql`sync_state in ('pending', 'sent', 'rejected')`),
      )
      .addColumn('reject_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('households_village_updated')
      .on('households')
      .columns(['village_code', 'updated_at'])
      .execute()
    await db.schema
      .createIndex('households_updated')
      .on('households')
      .column('updated_at')
      .execute()
    await db.schema
      .createIndex('households_village_state')
      .on('households')
      .columns(['village_code', 'sync_state'])
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
      .createIndex('members_household')
      .on('members')
      .columns(['household_id', 'position'])
      .execute()

    await db.schema
      .createTable('visits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) =>
        c.notNull().references('households.id').onDelete('cascade'),
      )
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('response_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    // One visit per household and day: a second save the same day updates it.
    await db.schema
      .createIndex('visits_household_date')
      .on('visits')
      .columns(['household_id', 'visit_date'])
      .unique()
      .execute()

    await db.schema
      .createTable('revisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
      .addColumn('base_revision_id', 'text')
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('pending', 'sent', 'rejected')`),
      )
      .addColumn('reason', 'text')
      .addColumn('batch_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute()
    // The sync client drains the outbox in clock order.
    await db.schema
      .createIndex('revisions_status_hlc')
      .on('revisions')
      .columns(['status', 'hlc'])
      .execute()
    await db.schema
      .createIndex('revisions_household_hlc')
      .on('revisions')
      .columns(['household_id', 'hlc'])
      .execute()
  },
}
