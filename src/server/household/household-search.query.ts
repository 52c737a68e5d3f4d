import { queryTokens } from '../../shared/text/fold'

/**
 * The text search of the console's household list, as an expression over the index of
 * migration 0010 (SQLite FTS5 `household_search`, PostgreSQL `households.search_vector`).
 *
 * A query is folded into tokens (queryTokens: accents and case dropped, digit groups
 * joined, +84 numbers in their 0… form). Every token must match:
 * - a word token matches the start of a word of the household's names or address, or the
 *   name of its village (the token is then also met by the codes of the villages whose
 *   name has a word starting with it, when there are only a few: a word every village name
 *   shares, such as "thon", says nothing about the village);
 * - a number matches only a whole phone number or citizen id (or a house number): a part
 *   of a number finds nothing, so numbers cannot be guessed digit by digit.
 * On SQLite the commune, village, visit-result and review-state filters are single tokens
 * of the index's `facets` column (`c<code>`, `v<code>`, `r<result>`, `s<state>`; '-' and
 * '_' written 'x'), so that they are intersected inside the index, not row by row.
 */

/** Villages a word token may stand for before it is taken as a word only. */
export const MAX_VILLAGES_PER_TOKEN = 30

/** One token of a search: its text, whether it is a number, and the villages it names. */
export interface SearchTerm {
  token: string
  exact: boolean
  villageCodes: readonly string[]
}

/** The filters that SQLite's index holds as facets. */
export interface FacetFilters {
  communeCode?: string | undefined
  villageCode?: string | undefined
  visitResult?: string | undefined
  reviewState?: string | undefined
}

/** A village as the search matches it: its code and its folded name's words. */
export interface VillageWords {
  code: string
  words: readonly string[]
}

/** The terms of a query; the villages are those of the caller's scope. */
export function searchTerms(q: string, villages: readonly VillageWords[]): SearchTerm[] {
  return queryTokens(q).map((token) => {
    const exact = /^\d+$/.test(token)
    if (exact) return { token, exact, villageCodes: [] }
    const named = villages.filter((v) => v.words.some((w) => w.startsWith(token)))
    const villageCodes = named.length <= MAX_VILLAGES_PER_TOKEN ? named.map((v) => v.code) : []
    return { token, exact, villageCodes: villageCodes.filter(isIndexableCode) }
  })
}

/**
 * Codes written into the index as one token: the server makes `<commune>-<serial>`;
 * anything else cannot be a facet and never matches.
 */
export function isIndexableCode(code: string): boolean {
  return /^[0-9A-Za-z_-]{1,32}$/.test(code)
}

/** A code as the single token the index holds ('-' and '_' are separators for the tokenizers). */
function facetCode(code: string): string {
  return code.replace(/[-_]/g, 'x').toLowerCase()
}

/** The facet token of a village, as both indexes hold it. */
export function villageFacet(code: string): string {
  return `v${facetCode(code)}`
}

/**
 * The FTS5 MATCH expression of the terms and filters, or null when there is nothing to
 * match. Tokens hold letters and digits only (folded) and codes are checked, yet every
 * string is quoted so that nothing can be read as FTS syntax.
 */
export function ftsMatchExpression(terms: readonly SearchTerm[], filters: FacetFilters): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`
  const parts = terms.map((term) => {
    const word = `{words} : ${quote(term.token)}${term.exact ? '' : ' *'}`
    if (term.villageCodes.length === 0) return word
    const villages = term.villageCodes.map((code) => quote(villageFacet(code))).join(' OR ')
    return `(${word} OR {facets} : (${villages}))`
  })
  if (filters.communeCode) parts.push(`{facets} : ${quote(`c${filters.communeCode}`)}`)
  if (filters.villageCode) parts.push(`{facets} : ${quote(villageFacet(filters.villageCode))}`)
  if (filters.visitResult) {
    parts.push(`{facets} : ${quote(`r${facetCode(filters.visitResult)}`)}`)
  }
  if (filters.reviewState) {
    parts.push(`{facets} : ${quote(`s${facetCode(filters.reviewState)}`)}`)
  }
  return parts.join(' AND ')
}

/**
 * The PostgreSQL tsquery text of the terms (for to_tsquery('simple', …)): household words
 * carry weight A, the village token weight B. Filters stay plain column conditions there,
 * where the planner may pick their b-tree indexes instead.
 */
export function tsQueryText(terms: readonly SearchTerm[]): string {
  return terms
    .map((term) => {
      const word = `${term.token}:${term.exact ? '' : '*'}A`
      if (term.villageCodes.length === 0) return word
      const villages = term.villageCodes.map((code) => `${villageFacet(code)}:B`)
      return `(${[word, ...villages].join(' | ')})`
    })
    .join(' & ')
}
