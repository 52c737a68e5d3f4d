import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { z } from 'zod'
import {
  type ConsoleHousehold,
  HOUSEHOLD_LIST_WINDOW,
  HOUSEHOLD_SEARCH_WINDOW,
  type HttpContract,
} from '../../shared/api/http.contract'
import type { StoreDialect } from '../store/server-database'
import type { ServerDatabase } from '../store/server-database.types'
import { type HouseholdListRow, LIST_COLUMNS, toConsoleHouseholds } from './household-rows'
import {
  ftsMatchExpression,
  isIndexableCode,
  type SearchTerm,
  searchTerms,
  tsQueryText,
} from './household-search.query'
import { villageWords } from './village-words'

/** The list filters after parsing (limit and offset defaulted). */
export type HouseholdListQuery = z.output<HttpContract['households.list']['input']>

/** A page of the list and its total, counted up to the list's window. */
export interface HouseholdPage {
  total: number
  totalCapped: boolean
  items: ConsoleHousehold[]
}

/** Where a list's rows come from and which conditions pick them; the order is change order. */
interface ListPlan {
  from: RawBuilder<unknown>
  where: RawBuilder<unknown>[]
  /**
   * The `order by` list, newest first: the change number of `from`, after columns held
   * equal by the filters that name the index to walk.
   */
  order: RawBuilder<unknown>
}

const EMPTY_PAGE: HouseholdPage = { total: 0, totalCapped: false, items: [] }

/**
 * Households of the console list, newest change first (change sequence numbers are never
 * reused, so a household's number also identifies the state a review decision was made
 * on), with the filters and the text search of household-search.query.ts. Each way in has
 * its index, so a page costs about the same with a whole province stored:
 * - SQLite walks its FTS5 index, in rowid = change order with every filter a facet, for a
 *   text search and for any filter but the commune's, and stops at the page;
 * - PostgreSQL walks the GIN index or the change-order index for a text search, as its
 *   planner judges, the rows of a review decision in change order for that filter, and
 *   the b-trees of commune, village or visit result otherwise;
 * - the whole province, or one commune, is walked in change order by its b-tree.
 * The total is counted up to the window only (HOUSEHOLD_LIST_WINDOW, or
 * HOUSEHOLD_SEARCH_WINDOW for a text search): counting every household named Nguyễn in a
 * province would cost more than the page. The count walks the list's own order, so the
 * planner takes the index the page takes (PostgreSQL would otherwise scan the table for a
 * common visit result); a page that is not full needs no count. Rows are paged before
 * their review is joined.
 */
export async function listHouseholds(
  db: Kysely<ServerDatabase>,
  dialect: StoreDialect,
  query: HouseholdListQuery,
): Promise<HouseholdPage> {
  if (query.villageCode && !isIndexableCode(query.villageCode)) return EMPTY_PAGE
  const terms = query.q
    ? searchTerms(query.q, await villageWords(db, query.communeCode ?? null))
    : []
  const window = terms.length > 0 ? HOUSEHOLD_SEARCH_WINDOW : HOUSEHOLD_LIST_WINDOW
  const plan = listPlan(dialect, query, terms)
  const where = plan.where.length > 0 ? sql`where ${sql.join(plan.where, sql` and `)}` : sql``
  const rows = await sql<HouseholdListRow>`
    select h.*, r.state as review_state, r.change_seq as review_seq
    from (
      select ${LIST_COLUMNS} from ${plan.from} ${where}
      order by ${plan.order} limit ${query.limit} offset ${query.offset}
    ) as h
    left join household_reviews r on r.household_id = h.id
    order by h.change_seq desc`.execute(db)
  const items = await toConsoleHouseholds(db, rows.rows)
  // A page that is not full ends the list (unless it lies past the end): no count needed.
  if (items.length < query.limit && (items.length > 0 || query.offset === 0)) {
    const total = query.offset + items.length
    return { total: Math.min(total, window), totalCapped: total > window, items }
  }
  const counted = await sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 as one from ${plan.from} ${where}
      order by ${plan.order} limit ${window + 1}
    ) as matches`.execute(db)
  const n = Number(counted.rows[0]?.n ?? 0)
  return { total: Math.min(n, window), totalCapped: n > window, items }
}

function listPlan(
  dialect: StoreDialect,
  query: HouseholdListQuery,
  terms: readonly SearchTerm[],
): ListPlan {
  const decision = query.reviewState && query.reviewState !== 'received' ? query.reviewState : null
  const beyondCommune = Boolean(query.villageCode || query.visitResult || query.reviewState)
  if (dialect === 'sqlite' && (terms.length > 0 || beyondCommune)) {
    // Every filter is a facet of the FTS row: intersected in the index, not row by row.
    return {
      from: sql`household_search s join households h on h.change_seq = s.rowid`,
      where: [sql`household_search match ${ftsMatchExpression(terms, query)}`],
      order: sql`s.rowid desc`,
    }
  }
  const where: RawBuilder<unknown>[] = []
  let plan: ListPlan
  if (terms.length > 0) {
    where.push(sql`h.search_vector @@ to_tsquery('simple', ${tsQueryText(terms)})`)
  }
  if (decision) {
    // The decisions that still apply (made on the household's current change number),
    // walked newest first; with a search the planner may as well start from the text.
    where.push(sql`rv.state = ${decision}`)
    if (query.communeCode) where.push(sql`rv.commune_code = ${query.communeCode}`)
    plan = {
      from: sql`household_reviews rv join households h on h.change_seq = rv.change_seq`,
      where,
      order: sql`rv.change_seq desc`,
    }
  } else if (query.visitResult && !query.communeCode && terms.length === 0) {
    // Naming the result first makes the planner walk its index (else it walks the change
    // order and filters, which for a common result counts through a tenth of a province).
    plan = {
      from: sql`households h`,
      where,
      order: sql`h.visit_result desc, h.change_seq desc`,
    }
  } else {
    plan = { from: sql`households h`, where, order: sql`h.change_seq desc` }
  }
  if (query.communeCode) where.push(sql`h.commune_code = ${query.communeCode}`)
  if (query.villageCode) where.push(sql`h.village_code = ${query.villageCode}`)
  if (query.visitResult) where.push(sql`h.visit_result = ${query.visitResult}`)
  if (query.reviewState === 'received') {
    where.push(
      sql`not exists (select 1 from household_reviews d where d.change_seq = h.change_seq)`,
    )
  }
  return plan
}
