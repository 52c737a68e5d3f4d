import { type Kysely, sql } from 'kysely'
import type { LocalDatabase } from '../store/local-database.types'

/**
 * The household search index: an FTS5 table over each household's folded names and
 * address (households.search_text). A query token matches the start of a word, so
 * "nguyen van a" finds "Nguyễn Văn An" in any word order; prefix indexes keep one- to
 * three-letter tokens fast. Every save moves the household to a new, higher rowid
 * (households.search_rowid), so the index yields matches newest first and a search stops
 * as soon as it has its page, even for a token half the village shares ("nguyen").
 * Chosen over a LIKE scan and a trigram index by the figures of bench/desktop.bench.ts.
 */

/** Puts a household's search text in the index at the newest position. */
export async function indexHouseholdText(
  db: Kysely<LocalDatabase>,
  householdId: string,
  text: string,
): Promise<void> {
  const row = await db
    .selectFrom('households')
    .select('search_rowid')
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow()
  if (row.search_rowid !== null) {
    await sql`delete from household_search where rowid = ${row.search_rowid}`.execute(db)
  }
  const last = await db
    .selectFrom('households')
    .select((eb) => eb.fn.max('search_rowid').as('last'))
    .executeTakeFirst()
  const next = Number(last?.last ?? 0) + 1
  await sql`insert into household_search (rowid, text) values (${next}, ${text})`.execute(db)
  await db
    .updateTable('households')
    .set({ search_rowid: next })
    .where('id', '=', householdId)
    .execute()
}

/** Rebuilds the whole index from households, in the order they were last saved. */
export async function rebuildSearchIndex(db: Kysely<LocalDatabase>): Promise<void> {
  await sql`delete from household_search`.execute(db)
  await db.updateTable('households').set({ search_rowid: null }).execute()
  await sql`update households set search_rowid = ranked.n
    from (select id, row_number() over (order by updated_at, id) as n from households) as ranked
    where ranked.id = households.id`.execute(db)
  await sql`insert into household_search (rowid, text)
    select search_rowid, search_text from households`.execute(db)
}

/**
 * The FTS5 MATCH expression for folded tokens: every token as a word prefix, all required.
 * Null when there is nothing to match. Tokens come from foldText (letters and digits only);
 * they are quoted anyway so no token can be read as FTS syntax.
 */
export function searchMatchExpression(tokens: readonly string[]): string | null {
  const terms = tokens.filter((t) => t.length > 0).map((t) => `"${t.replaceAll('"', '""')}"*`)
  return terms.length > 0 ? terms.join(' AND ') : null
}
