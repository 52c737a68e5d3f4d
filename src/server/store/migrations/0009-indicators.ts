import { type Kysely, type Migration, sql, type Transaction } from 'kysely'
import { rebuildIndicators } from '../../indicators/indicator-rebuild'
import type { ServerDatabase } from '../server-database.types'

/**
 * Indicators kept at ingest (issue 6): what each household and each visit adds, and their
 * sums per village, commune and province, per month and in total, and per team member —
 * so the dashboard reads sums instead of every member. Households stored before this
 * migration are counted here (a rebuild from the stored states, visits and revisions).
 */
export const indicatorsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('indicator_households')
      .addColumn('household_id', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('visit_id', 'text', (c) => c.notNull())
      .addColumn('revision_id', 'text', (c) => c.notNull())
      .addColumn('from_state', 'integer', (c) => c.notNull())
      .addColumn('parts_json', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('indicator_visits')
      .addColumn('visit_id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('enumerator_id', 'text', (c) => c.notNull())
      .addColumn('revision_id', 'text', (c) => c.notNull())
      .addColumn('from_state', 'integer', (c) => c.notNull())
      .addColumn('parts_json', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('indicator_visits_household_idx')
      .on('indicator_visits')
      .column('household_id')
      .execute()

    await db.schema
      .createTable('indicator_sums')
      .addColumn('level', 'text', (c) =>
        c.notNull().check(sql`level in ('village', 'commune', 'province')`),
      )
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('indicator_sums_pk', ['level', 'place', 'month', 'part'])
      .execute()
    // A commune's villages, in one range of the index.
    await db.schema
      .createIndex('indicator_sums_commune_idx')
      .on('indicator_sums')
      .columns(['level', 'commune_code', 'month'])
      .execute()
    // Every commune's totals (the province's bars), without the months' rows.
    await db.schema
      .createIndex('indicator_sums_month_idx')
      .on('indicator_sums')
      .columns(['level', 'month', 'place'])
      .execute()

    await db.schema
      .createTable('indicator_member_sums')
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('enumerator_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      // A scope's team members in a month (or all time) are one range of the key.
      .addPrimaryKeyConstraint('indicator_member_sums_pk', [
        'commune_code',
        'village_code',
        'month',
        'enumerator_id',
        'part',
      ])
      .execute()

    await db.schema
      .createTable('indicator_enumerators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .execute()

    // PostgreSQL runs migrations in a transaction; SQLite's migrator does not.
    const store = db as unknown as Kysely<ServerDatabase>
    if (store.isTransaction) await rebuildIndicators(store as Transaction<ServerDatabase>)
    else await store.transaction().execute((trx) => rebuildIndicators(trx))
  },
}
