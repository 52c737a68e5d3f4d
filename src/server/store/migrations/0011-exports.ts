import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Export jobs (issue 6): the console asks for an export, a writer streams it to files under
 * the data folder and records its progress here, and the files are deleted once expired.
 */
export const exportsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('export_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('xlsx', 'csv')`))
      .addColumn('filter_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'expired')`),
      )
      .addColumn('phase', 'text')
      .addColumn('households_total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('households_written', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('members_written', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('members_total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('files_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('error_code', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('expires_at', 'text')
      .execute()
    await db.schema
      .createIndex('export_jobs_user_idx')
      .on('export_jobs')
      .columns(['user_id', 'created_at'])
      .execute()
    await db.schema
      .createIndex('export_jobs_status_idx')
      .on('export_jobs')
      .columns(['status', 'updated_at'])
      .execute()
  },
}
