import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely'
import { formResponseSchema } from '../../../shared/forms/form-response.schema'
import { householdSearchText } from '../../../shared/household/household-facts'

/** Households whose search text is recomputed per statement while backfilling. */
const BACKFILL_CHUNK = 500

/**
 * The household search index of the console (issue 6), built so that a search answers in
 * a few milliseconds with a whole province stored (see household-search.query.ts):
 * - SQLite: an FTS5 table `household_search` whose rowid is households.change_seq (so its
 *   matches come newest change first and a page stops early), with two columns: `words`
 *   (households.search_text) and `facets` (commune, village, visit result and review
 *   state as single tokens, so filters are intersected inside the index). It is
 *   contentless, kept by triggers on households and household_reviews, so neither the
 *   ingest nor the review code has to know about it.
 * - PostgreSQL: a generated tsvector column (`simple` configuration: the text is folded
 *   already) over the search text (weight A) and the village token (weight B), with a GIN
 *   index; prefix queries (`nguyen:*`) are built in, no extension needed.
 * Both get a b-tree index on the change sequence number (the list's order, and the join
 * key of the FTS table); PostgreSQL one per visit result too. Existing households get the
 * current search text (now with citizen ids and national-form phones) and are indexed.
 */
export const householdSearchMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await backfillSearchText(db)
    await db.schema
      .createIndex('households_seq_idx')
      .on('households')
      .column('change_seq')
      .execute()
    if (isPostgres(db)) await createPostgresIndex(db)
    else await createSqliteIndex(db)
  },
}

/** Whether the store is PostgreSQL (the only DDL here that differs by dialect). */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** A code as one token in SQL: '-' and '_' are separators for the tokenizer. */
const token = (value: string) => `replace(replace(${value}, '-', 'x'), '_', 'x')`

/**
 * The facet tokens of the household row `h` in SQL: `c<commune>`, `v<village code>`,
 * `r<visit result>` and `s<review state>`; household-search.query.ts writes the same
 * tokens into its queries. `review` is the SQL of the state of the decision that applies.
 */
function facetsSql(h: string, review: string): string {
  return [
    `'c' || ${h}.commune_code`,
    `' v' || ${token(`${h}.village_code`)}`,
    `' r' || ${token(`coalesce(${h}.visit_result, '')`)}`,
    `' s' || ${token(review)}`,
  ].join(' || ')
}

/** The state of the decision made on the household row `h` as it is, or 'received'. */
const decisionOf = (h: string) =>
  `coalesce((select d.state from household_reviews d where d.change_seq = ${h}.change_seq), 'received')`

async function createSqliteIndex(db: Kysely<unknown>): Promise<void> {
  // detail=column: no positions (no phrase queries are made), a smaller index. Prefix
  // indexes up to six letters (the longest Vietnamese syllables: "nguyen", "truong") let a
  // prefix be read as one list, walked lazily: without them FTS5 merges the lists of every
  // word with the prefix first, which for "nguyen" in a province costs tens of ms.
  await sql`create virtual table household_search using fts5(
    words, facets, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5 6', detail = 'column'
  )`.execute(db)
  const indexRow = `insert into household_search (rowid, words, facets)
    values (new.change_seq, new.search_text, ${facetsSql('new', decisionOf('new'))});`
  await sql
    .raw(`create trigger households_search_insert after insert on households begin
      ${indexRow}
    end`)
    .execute(db)
  await sql
    .raw(`create trigger households_search_update
      after update of search_text, change_seq, commune_code, village_code, visit_result
      on households begin
      delete from household_search where rowid = old.change_seq;
      ${indexRow}
    end`)
    .execute(db)
  await sql
    .raw(`create trigger households_search_delete after delete on households begin
      delete from household_search where rowid = old.change_seq;
    end`)
    .execute(db)
  // A decision on the household as it is changes its review facet (one on an older state
  // of it finds no row to change).
  for (const event of ['insert', 'update']) {
    await sql
      .raw(`create trigger household_reviews_search_${event} after ${event} on household_reviews
        begin
        delete from household_search where rowid = new.change_seq;
        insert into household_search (rowid, words, facets)
          select h.change_seq, h.search_text, ${facetsSql('h', 'new.state')}
          from households h where h.change_seq = new.change_seq;
      end`)
      .execute(db)
  }
  await sql
    .raw(`insert into household_search (rowid, words, facets)
      select h.change_seq, h.search_text, ${facetsSql('h', decisionOf('h'))} from households h`)
    .execute(db)
}

async function createPostgresIndex(db: Kysely<unknown>): Promise<void> {
  await sql`alter table households add column search_vector tsvector
    generated always as (
      setweight(to_tsvector('simple'::regconfig, search_text), 'A') ||
      setweight(to_tsvector('simple'::regconfig, 'v' || translate(village_code, '-_', 'xx')), 'B')
    ) stored`.execute(db)
  await sql`create index households_search_idx on households using gin (search_vector)`.execute(db)
  // SQLite filters by visit result inside its FTS index; PostgreSQL walks this instead.
  await db.schema
    .createIndex('households_result_seq_idx')
    .on('households')
    .columns(['visit_result', 'change_seq'])
    .execute()
}

/** Recomputes every household's search text from its stored response, a chunk at a time. */
async function backfillSearchText(db: Kysely<unknown>): Promise<void> {
  let after = ''
  for (;;) {
    const rows = await sql<{ id: string; response_json: string; search_text: string }>`
      select id, response_json, search_text from households
      where id > ${after} order by id limit ${BACKFILL_CHUNK}`.execute(db)
    for (const row of rows.rows) {
      // Stored responses passed the form's checks; one that does not parse keeps its text.
      const response = formResponseSchema.safeParse(JSON.parse(row.response_json))
      const text = response.success ? householdSearchText(response.data) : row.search_text
      if (text !== row.search_text) {
        await sql`update households set search_text = ${text} where id = ${row.id}`.execute(db)
      }
    }
    const last = rows.rows.at(-1)
    if (!last || rows.rows.length < BACKFILL_CHUNK) return
    after = last.id
  }
}
