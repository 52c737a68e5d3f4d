import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Field-level merge and incremental pull (issue 5): conflicts recorded for review, a flag
 * on merged households, the cleaned response of revisions whose cleaning changed them (so a
 * re-merge needs no form), and a server-wide change sequence that devices pull by.
 */
export const conflictsAndPullMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('conflicts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('household', 'member')`))
      .addColumn('repeat_id', 'text')
      .addColumn('row_id', 'text')
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('base_value_json', 'text', (c) => c.notNull())
      .addColumn('winner_value_json', 'text', (c) => c.notNull())
      .addColumn('loser_value_json', 'text', (c) => c.notNull())
      .addColumn('winner_revision_id', 'text', (c) => c.notNull())
      .addColumn('loser_revision_id', 'text', (c) => c.notNull())
      .addColumn('winner_device_id', 'text', (c) => c.notNull())
      .addColumn('loser_device_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('open').check(sql`status in ('open', 'resolved')`),
      )
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('chosen', 'text')
      .addColumn('comment', 'text')
      .addColumn('resolution_revision_id', 'text')
      .execute()
    await db.schema
      .createIndex('conflicts_commune_idx')
      .on('conflicts')
      .columns(['commune_code', 'status', 'created_at'])
      .execute()
    await db.schema
      .createIndex('conflicts_household_idx')
      .on('conflicts')
      .columns(['household_id', 'status'])
      .execute()

    await db.schema
      .alterTable('households')
      .addColumn('merged', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .alterTable('households')
      .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema.alterTable('revisions').addColumn('clean_response_json', 'text').execute()

    await db.schema
      .createTable('sync_counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute()
    await numberExistingHouseholds(db)
    await db.schema
      .createIndex('households_change_idx')
      .on('households')
      .columns(['commune_code', 'change_seq'])
      .execute()
  },
}

/** Households stored before this migration get sequence numbers, so a first pull sees them. */
async function numberExistingHouseholds(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{
    id: string
  }>`select id from households order by received_at, id`.execute(db)
  let seq = 0
  for (const row of rows.rows) {
    seq += 1
    await sql`update households set change_seq = ${seq} where id = ${row.id}`.execute(db)
  }
  await sql`insert into sync_counters (name, value) values ('change_seq', ${seq})`.execute(db)
}
