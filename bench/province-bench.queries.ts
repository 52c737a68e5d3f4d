import { performance } from 'node:perf_hooks'
import { type Kysely, sql } from 'kysely'
import { builtinForms, loadFormLookup } from '../src/server/forms/form-registry'
import { registeredByVillage } from '../src/server/indicators/indicators.repository'
import type { ServerDatabase } from '../src/server/store/server-database.types'
import { defaultHouseholdForm } from '../src/shared/forms/default-household-form'
import type { FormDefinition } from '../src/shared/forms/form-definition.schema'
import type { FormResponse } from '../src/shared/forms/form-response.schema'
import {
  type Contribution,
  householdContribution,
  type IndicatorValue,
  indicatorValues,
} from '../src/shared/indicators/compute-indicators'
import { defaultIndicators } from '../src/shared/indicators/default-indicators'
import { foldText, queryTokens } from '../src/shared/text/fold'

/**
 * What bench/province.bench.ts reads from a store with its own connection: the facts it
 * picks its queries from, and the two baselines the server's answers are set beside —
 * - the dashboard as a naive full scan: every household's stored response through the
 *   shared householdContribution / indicatorValues (the function the desktop's village
 *   progress and the server's incremental sums share), summed per place and month;
 * - the search as a naive `like '%token%'` scan of households.search_text, paged and
 *   counted as the console's list is.
 */

type Db = Kysely<ServerDatabase>

/** The commune with the most households (the commune dashboard and the ingest go there). */
export async function largestCommune(db: Db): Promise<{ code: string; households: number }> {
  const row = await db
    .selectFrom('households')
    .select(['commune_code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('commune_code')
    .orderBy('n', 'desc')
    .orderBy('commune_code')
    .executeTakeFirstOrThrow()
  return { code: row.commune_code, households: Number(row.n) }
}

export async function villageCodesOf(db: Db, communeCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('villages')
    .select('code')
    .where('commune_code', '=', communeCode)
    .where('active', '=', 1)
    .orderBy('code')
    .execute()
  return rows.map((r) => r.code)
}

/** A search as the console sends it; `kind` is what the bench prints (never the text). */
export interface SearchQuery {
  /** Short name in the JSON summary. */
  key: 'surnamePrefix' | 'fullName' | 'phone' | 'citizenId'
  kind: string
  q: string
}

/**
 * Real values to search for, taken from the store: the most common surname among the
 * newest households (its first four letters, as someone starts typing), and the head's
 * full name, the phone and a member's citizen id of a household in the middle of the store.
 */
export async function searchQueries(db: Db): Promise<SearchQuery[]> {
  const newest = await db
    .selectFrom('households')
    .select('head_name')
    .orderBy('change_seq', 'desc')
    .limit(2000)
    .execute()
  const surnames = new Map<string, number>()
  for (const { head_name } of newest) {
    const surname = foldText(head_name).split(' ')[0] ?? ''
    if (surname.length >= 2) surnames.set(surname, (surnames.get(surname) ?? 0) + 1)
  }
  const common = [...surnames.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'ng'
  const range = await db
    .selectFrom('households')
    .select((eb) => [eb.fn.min('change_seq').as('low'), eb.fn.max('change_seq').as('high')])
    .executeTakeFirstOrThrow()
  const middle = Math.floor((Number(range.low) + Number(range.high)) / 2)
  const rows = await db
    .selectFrom('households')
    .select(['head_name', 'response_json'])
    .where('change_seq', '>=', middle)
    .orderBy('change_seq')
    .limit(500)
    .execute()
  for (const row of rows) {
    const response = JSON.parse(row.response_json) as FormResponse
    const phone = response.answers.phone
    const citizenId = (response.repeats.members ?? [])
      .map((m) => m.answers.citizen_id)
      .find((id) => typeof id === 'string' && id.length > 0)
    if (typeof phone !== 'string' || typeof citizenId !== 'string' || !row.head_name) continue
    return [
      {
        key: 'surnamePrefix',
        kind: `surname prefix (${Math.min(4, common.length)} letters)`,
        q: common.slice(0, 4),
      },
      {
        key: 'fullName',
        kind: `full name (${row.head_name.split(/\s+/).length} words)`,
        q: row.head_name,
      },
      { key: 'phone', kind: 'phone number', q: phone },
      { key: 'citizenId', kind: 'citizen id', q: citizenId },
    ]
  }
  throw new Error('no household in the middle of the store has a phone and a citizen id')
}

/** What the naive dashboard found, to set beside the server's answer. */
export interface NaiveDashboard {
  ms: number
  households: number
  totals: IndicatorValue[]
  places: number
  months: number
}

const PAGE = 1000

/**
 * The dashboard of the province (or of one commune) computed the naive way: read every
 * household's stored state, its response through householdContribution when its visit was
 * completed, summed for the scope, per place under it (commune or village) and per month,
 * then indicatorValues over the register — the totals, places and trend the dashboard shows.
 */
export async function naiveDashboard(db: Db, communeCode: string | null): Promise<NaiveDashboard> {
  const started = performance.now()
  const forms = new Map<string, FormDefinition | undefined>()
  const formOf = async (id: string, version: number) => {
    const key = `${id}@${version}`
    if (!forms.has(key)) {
      const lookup = await loadFormLookup(db, [{ formId: id, formVersion: version }])
      forms.set(key, lookup(id, version) ?? builtinForms(id, version))
    }
    return forms.get(key)
  }
  const total = emptyContribution()
  const byPlace = new Map<string, Contribution>()
  const byMonth = new Map<string, Contribution>()
  let households = 0
  let after = ''
  for (;;) {
    let query = db
      .selectFrom('households')
      .select(['id', 'commune_code', 'village_code', 'form_id', 'form_version', 'visit_date'])
      .select('response_json')
      .where('id', '>', after)
    if (communeCode) query = query.where('commune_code', '=', communeCode)
    const page = await query.orderBy('id').limit(PAGE).execute()
    if (page.length === 0) break
    after = page.at(-1)?.id ?? after
    for (const row of page) {
      households += 1
      const form = await formOf(row.form_id, row.form_version)
      if (!form) throw new Error(`form ${row.form_id} v${row.form_version} is unknown`)
      // Parsed, not validated again: the naive reading is given its cheapest form.
      const response = JSON.parse(row.response_json) as FormResponse
      const completed = response.answers.visit_result === 'completed'
      const c = householdContribution(
        form,
        defaultIndicators,
        completed ? { visitDate: row.visit_date, response } : null,
      )
      addInto(total, c)
      const place = communeCode ? row.village_code : row.commune_code
      addInto(at(byPlace, place), c)
      if (completed) addInto(at(byMonth, row.visit_date.slice(0, 7)), c)
    }
  }
  const register = await registeredByVillage(db, communeCode ?? undefined)
  const registered = new Map<string, number>()
  for (const [code, village] of register) {
    const place = communeCode ? code : village.communeCode
    registered.set(place, (registered.get(place) ?? 0) + village.registered)
  }
  const all = [...registered.values()].reduce((a, b) => a + b, 0)
  for (const [place, sums] of byPlace)
    indicatorValues(defaultIndicators, sums, registered.get(place) ?? 0)
  // The trend: each month's running total, as of its end.
  const running = emptyContribution()
  for (const month of [...byMonth.keys()].sort()) {
    addInto(running, byMonth.get(month) ?? emptyContribution())
    indicatorValues(defaultIndicators, running, all)
  }
  const totals = indicatorValues(defaultIndicators, total, all)
  return {
    ms: performance.now() - started,
    households,
    totals,
    places: byPlace.size,
    months: byMonth.size,
  }
}

function emptyContribution(): Contribution {
  return householdContribution(defaultHouseholdForm, defaultIndicators, null)
}

function at(map: Map<string, Contribution>, key: string): Contribution {
  let value = map.get(key)
  if (!value) {
    value = emptyContribution()
    map.set(key, value)
  }
  return value
}

function addInto(total: Contribution, c: Contribution): void {
  for (const [id, r] of Object.entries(c.ratios)) {
    const t = total.ratios[id] ?? { numerator: 0, denominator: 0 }
    t.numerator += r.numerator
    t.denominator += r.denominator
    total.ratios[id] = t
  }
  for (const [id, counts] of Object.entries(c.tallies)) {
    const t = total.tallies[id] ?? {}
    for (const [choice, n] of Object.entries(counts)) t[choice] = (t[choice] ?? 0) + n
    total.tallies[id] = t
  }
}

/** Indicators whose numerator or denominator differ between two answers (ids). */
export function differingIndicators(
  a: readonly { id: string; numerator: number; denominator: number }[],
  b: readonly { id: string; numerator: number; denominator: number }[],
): string[] {
  const byId = new Map(b.map((v) => [v.id, v]))
  return a
    .filter((v) => {
      const other = byId.get(v.id)
      return !other || other.numerator !== v.numerator || other.denominator !== v.denominator
    })
    .map((v) => v.id)
}

/** Matches counted by the naive search, as the console counts them (up to its window + 1). */
export interface NaiveSearch {
  ms: number
  total: number
  page: number
}

/**
 * The search done naively: every folded token of the query as `search_text like '%token%'`,
 * counted up to `window + 1` and the newest page of `limit` read, as the console's list
 * counts and pages (the same columns are read for the page).
 */
export async function naiveSearch(
  db: Db,
  q: string,
  window: number,
  limit: number,
): Promise<NaiveSearch> {
  const started = performance.now()
  const tokens = queryTokens(q)
  const where = sql.join(
    tokens.map((t) => sql`search_text like ${`%${t.replace(/[%_\\]/g, '')}%`}`),
    sql` and `,
  )
  const counted = await sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 as one from households where ${where} limit ${window + 1}
    ) as matches`.execute(db)
  const page = await sql<{ id: string }>`
    select id, commune_code, village_code, head_name, address, member_count, visit_result,
      visit_date, device_id, received_at, change_seq
    from households where ${where} order by change_seq desc limit ${limit}`.execute(db)
  return {
    ms: performance.now() - started,
    total: Math.min(Number(counted.rows[0]?.n ?? 0), window),
    page: page.rows.length,
  }
}
