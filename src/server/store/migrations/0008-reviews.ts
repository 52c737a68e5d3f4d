import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Review of received households (issue 6): each household's current review decision, and
 * the log of every decision and comment made on it. A decision names the state of the
 * household it was made on (its head revision and change sequence number): once the
 * household changes, the decision no longer applies and the household is "received"
 * again, without the ingest having to know about reviews.
 */
export const reviewsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('household_reviews')
      .addColumn('household_id', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('approved', 'has_issues', 'rejected')`),
      )
      .addColumn('revision_id', 'text', (c) => c.notNull())
      .addColumn('change_seq', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('reviewed_by', 'text', (c) => c.notNull())
      .addColumn('reviewed_by_name', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text', (c) => c.notNull())
      .execute()
    // A state filter walks the decisions of that state newest change first.
    await db.schema
      .createIndex('household_reviews_state_idx')
      .on('household_reviews')
      .columns(['state', 'change_seq'])
      .execute()
    // Change numbers are never reused, so a decision that still applies is found by the
    // household's current change number alone ("received" = no decision on it).
    await db.schema
      .createIndex('household_reviews_seq_idx')
      .on('household_reviews')
      .column('change_seq')
      .execute()
    await db.schema
      .createIndex('household_reviews_commune_idx')
      .on('household_reviews')
      .columns(['commune_code', 'state', 'change_seq'])
      .execute()

    await db.schema
      .createTable('review_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('review', 'comment')`))
      .addColumn('state', 'text')
      .addColumn('revision_id', 'text', (c) => c.notNull())
      .addColumn('change_seq', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('review_events_household_idx')
      .on('review_events')
      .columns(['household_id', 'created_at'])
      .execute()
  },
}
