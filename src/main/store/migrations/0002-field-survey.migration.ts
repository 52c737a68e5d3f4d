import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Issue 3, the field survey: the team list, drafts, visit history with the team member,
 * keyed hashes of phones and citizen ids, the search index, per-household indicator
 * contributions and the village register slot.
 *
 * Encrypting existing clear-text rows needs the data key, which SQL does not have: this
 * migration only marks a store that holds walking-skeleton rows ('data_protection' =
 * 'legacy'), and protectLegacyData() seals them right after, when the key is at hand.
 */
export const fieldSurveyMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('team_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('drafts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.references('households.id'))
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('enumerator_id', 'text', (c) => c.references('team_members.id'))
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('head_name', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('previous_response', 'text')
      .addColumn('previous_visit_date', 'text')
      .addColumn('cursor_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    // At most one visit in progress per household: "start" resumes it.
    await sql`create unique index drafts_household on drafts (household_id)
      where household_id is not null`.execute(db)
    await db.schema.createIndex('drafts_village').on('drafts').column('village_code').execute()

    await db.schema
      .createTable('pii_index')
      .addColumn('household_id', 'text', (c) =>
        c.notNull().references('households.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('phone', 'citizen_id')`))
      .addColumn('hmac', 'text', (c) => c.notNull())
      // Looked up by hash; the primary key is that lookup, without a separate rowid table.
      .addPrimaryKeyConstraint('pii_index_pk', ['hmac', 'kind', 'household_id'])
      .modifyEnd(sql`without rowid`)
      .execute()
    await db.schema
      .createIndex('pii_index_household')
      .on('pii_index')
      .column('household_id')
      .execute()

    await db.schema.alterTable('visits').addColumn('visit_result', 'text').execute()
    await db.schema
      .alterTable('visits')
      .addColumn('full_record', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .alterTable('visits')
      .addColumn('enumerator_id', 'text', (c) => c.references('team_members.id'))
      .execute()
    await db.schema
      .createIndex('visits_household_full')
      .on('visits')
      .columns(['household_id', 'full_record', 'visit_date'])
      .execute()

    await db.schema.alterTable('households').addColumn('contribution_json', 'text').execute()
    await db.schema.alterTable('households').addColumn('contribution_date', 'text').execute()
    await db.schema.alterTable('households').addColumn('head_key', 'text').execute()
    await db.schema.alterTable('households').addColumn('search_rowid', 'integer').execute()
    await db.schema
      .createIndex('households_search_rowid')
      .on('households')
      .column('search_rowid')
      .unique()
      .execute()
    // Covers the per-village counts (places.listVillages) without reading the rows.
    await db.schema
      .createIndex('households_village_result_state')
      .on('households')
      .columns(['village_code', 'visit_result', 'sync_state'])
      .execute()

    await db.schema
      .createTable('village_register')
      .addColumn('village_code', 'text', (c) => c.primaryKey())
      .addColumn('registered', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    // Word-prefix search over folded names and addresses; see household-search.repository.ts.
    // Prefix indexes up to six letters make the prefix queries of typing cheap.
    await sql`create virtual table household_search using fts5(
      text, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5 6',
      detail = 'column'
    )`.execute(db)

    await sql`insert into settings (key, value)
      select 'data_protection', 'legacy' where exists (select 1 from households)`.execute(db)
  },
}
