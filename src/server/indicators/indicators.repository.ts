import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { ServerDatabase } from '../store/server-database.types'
import { ALL_MONTHS, ALL_PLACES, type Parts, VISITS_PART } from './indicator-parts'
import type { IndicatorLevel } from './indicators.tables'

type Db = Kysely<ServerDatabase>

/** Parts summed per key (a place, a month or a team member). */
export type PartsByKey = Map<string, Parts>

/** A range of months, both ends included; null ends are open (null, null: all time). */
export interface MonthRange {
  from: string | null
  to: string | null
}

/** Which rows of a level to read: all of them, or one commune's. */
export interface PlaceFilter {
  level: IndicatorLevel
  communeCode?: string
}

/**
 * Each place's totals over every month (its ALL_MONTHS rows): one row per place and part,
 * no summing — a province is read in about (communes × parts) rows.
 */
export async function totalsByPlace(db: Db, filter: PlaceFilter): Promise<PartsByKey> {
  let query = db
    .selectFrom('indicator_sums')
    .select(['place', 'part', 'value'])
    .where('level', '=', filter.level)
    .where('month', '=', ALL_MONTHS)
  if (filter.communeCode !== undefined) query = query.where('commune_code', '=', filter.communeCode)
  return collect(await query.execute(), (row) => row.place)
}

/** One place's totals per month (the trend), every part. */
export async function monthsOfPlace(
  db: Db,
  level: IndicatorLevel,
  place: string,
): Promise<PartsByKey> {
  const rows = await db
    .selectFrom('indicator_sums')
    .select(['month', 'part', 'value'])
    .where('level', '=', level)
    .where('place', '=', place)
    .where('month', '!=', ALL_MONTHS)
    .execute()
  return collect(rows, (row) => row.month)
}

/**
 * Every part of each place of a level within a range of months (the visit parts are what
 * the support figures read): the total rows as they are for all time, else the months'
 * rows summed. (No part filter in SQL: SQLite would then prefer the primary key to the
 * commune index.)
 */
export async function partsByPlace(
  db: Db,
  filter: PlaceFilter,
  range: MonthRange,
): Promise<PartsByKey> {
  if (range.from === null && range.to === null) return totalsByPlace(db, filter)
  let query = db
    .selectFrom('indicator_sums')
    .select((eb) => ['place', 'part', eb.fn.sum<number | string>('value').as('value')])
    .where('level', '=', filter.level)
  if (filter.communeCode !== undefined) query = query.where('commune_code', '=', filter.communeCode)
  query = query.where(inRange(range))
  return collect(await query.groupBy(['place', 'part']).execute(), (row) => row.place)
}

/** The team members of a scope who helped most, with their parts, and how many there are. */
export interface RankedMembers {
  /** Most help first, then most visits, then by id; at most `limit`. */
  members: PartsByKey
  total: number
}

/**
 * The team members of one village, one commune or the province (their own rows, see
 * IndicatorMemberSumTable) ranked by the help they gave within a range of months — ranked
 * by the database, so that only the listed members' rows come back. `helpPrefix` starts
 * the parts that count as help (`e:<tally id>:`).
 */
export async function rankedMembers(
  db: Db,
  scope: { communeCode?: string; villageCode?: string },
  range: MonthRange,
  helpPrefix: string,
  limit: number,
): Promise<RankedMembers> {
  const commune = scope.communeCode ?? ALL_PLACES
  const village = scope.communeCode === undefined ? ALL_PLACES : (scope.villageCode ?? ALL_PLACES)
  const base = db
    .selectFrom('indicator_member_sums')
    .where('commune_code', '=', commune)
    .where('village_code', '=', village)
    .where(inRange(range))
  const help = sql<
    number | string
  >`sum(case when substr(part, 1, ${helpPrefix.length}) = ${helpPrefix} then value else 0 end)`
  const visits = sql<number | string>`sum(case when part = ${VISITS_PART} then value else 0 end)`
  const top = await base
    .select(['enumerator_id', help.as('help'), visits.as('visits')])
    .groupBy('enumerator_id')
    .orderBy(help, 'desc')
    .orderBy(visits, 'desc')
    .orderBy('enumerator_id')
    .limit(limit)
    .execute()
  const counted = await base
    .select((eb) => eb.fn.count<number | string>('enumerator_id').distinct().as('n'))
    .executeTakeFirst()
  const ids = top.map((row) => row.enumerator_id)
  const rows =
    ids.length === 0
      ? []
      : await base
          .select((eb) => [
            'enumerator_id',
            'part',
            eb.fn.sum<number | string>('value').as('value'),
          ])
          .where('enumerator_id', 'in', ids)
          .groupBy(['enumerator_id', 'part'])
          .execute()
  const byId = collect(rows, (r) => r.enumerator_id)
  // In the ranked order.
  const members: PartsByKey = new Map(ids.map((id) => [id, byId.get(id) ?? {}]))
  return { members, total: Number(counted?.n ?? 0) }
}

/** Team members' names (as on their newest counted visit) and communes. */
export async function enumeratorsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; communeCode: string }>> {
  const unique = [...new Set(ids)].filter((id) => id !== '')
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('indicator_enumerators')
    .select(['id', 'name', 'commune_code'])
    .where('id', 'in', unique)
    .execute()
  return new Map(rows.map((r) => [r.id, { name: r.name, communeCode: r.commune_code }]))
}

/** Registered households (the coverage denominator) per village of the active villages. */
export async function registeredByVillage(
  db: Db,
  communeCode?: string,
): Promise<Map<string, { communeCode: string; name: string; registered: number }>> {
  let query = db
    .selectFrom('villages')
    .select(['code', 'commune_code', 'name', 'registered_households', 'active'])
  if (communeCode !== undefined) query = query.where('commune_code', '=', communeCode)
  const rows = await query.execute()
  return new Map(
    rows.map((r) => [
      r.code,
      {
        communeCode: r.commune_code,
        name: r.name,
        // A deactivated village no longer counts on the register.
        registered: Number(r.active) === 1 ? Number(r.registered_households) : 0,
      },
    ]),
  )
}

/** The month condition of a range: the total rows for all time, else the months in it. */
function inRange(range: MonthRange): RawBuilder<SqlBool> {
  if (range.from === null && range.to === null) return sql<SqlBool>`month = ${ALL_MONTHS}`
  // ALL_MONTHS ('*') sorts before every YYYY-MM, so a range never includes the totals.
  const from = range.from ?? '0000-00'
  return range.to === null
    ? sql<SqlBool>`month >= ${from}`
    : sql<SqlBool>`month >= ${from} and month <= ${range.to}`
}

function collect<R extends { part: string; value: number | string | null }>(
  rows: readonly R[],
  keyOf: (row: R) => string,
): PartsByKey {
  const byKey: PartsByKey = new Map()
  for (const row of rows) {
    const key = keyOf(row)
    let parts = byKey.get(key)
    if (!parts) {
      parts = {}
      byKey.set(key, parts)
    }
    // PostgreSQL answers sums as bigint strings.
    parts[row.part] = (parts[row.part] ?? 0) + Number(row.value ?? 0)
  }
  return byKey
}
