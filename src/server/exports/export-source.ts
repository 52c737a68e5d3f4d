import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { ExportFilter } from '../../shared/api/http.contract'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { type Parts, readParts } from '../indicators/indicator-parts'
import type { ServerDatabase } from '../store/server-database.types'

/** Households read per query: small enough to never hold much, large enough to be quick. */
export const EXPORT_CHUNK_SIZE = 500

/** One household as the writers need it: its current state and how often it was visited. */
export interface ExportHousehold {
  id: string
  communeCode: string
  villageCode: string
  visitDate: string
  visitResult: string | null
  formId: string
  formVersion: number
  /** The cleaned response of the household's current state. */
  response: FormResponse
  deviceId: string
  receivedAt: string
  updatedAt: string
  visitCount: number
  /**
   * What the household adds to the indicators, as ingest stored it for the dashboard (its
   * latest completed visit through the shared function); null when it has none.
   */
  indicatorParts: Parts | null
}

/** A commune and village that holds households of the export. */
export interface ExportPlace {
  communeCode: string
  villageCode: string
}

type HouseholdQuery<O> = SelectQueryBuilder<ServerDatabase, 'households', O>

/** Households matching the filter (the progress total). */
export async function countHouseholds(
  db: Kysely<ServerDatabase>,
  filter: ExportFilter,
): Promise<number> {
  const row = await withAnswerFilter(withPlaceFilter(db.selectFrom('households'), filter), filter)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow()
  // PostgreSQL answers count(*) as a bigint string.
  return Number(row.n)
}

/**
 * The households of the export, commune by commune and village by village (codes in
 * order), as chunks of about `chunkSize`. Each query reads at most `chunkSize` rows of
 * one village, paging by id (keyset: `id > last`), which is immutable — so a household
 * changed while the export runs is neither skipped nor written twice — and which needs no
 * long read transaction that would hold back ingest. The list of villages comes from the
 * place index alone; the other filters are applied by each page's query.
 */
export async function* householdChunks(
  db: Kysely<ServerDatabase>,
  filter: ExportFilter,
  chunkSize: number = EXPORT_CHUNK_SIZE,
): AsyncGenerator<ExportHousehold[]> {
  let buffer: ExportHousehold[] = []
  for (const place of await exportPlaces(db, filter)) {
    let after = ''
    for (;;) {
      const rows = await withAnswerFilter(
        db
          .selectFrom('households')
          .where('commune_code', '=', place.communeCode)
          .where('village_code', '=', place.villageCode)
          .where('id', '>', after),
        filter,
      )
        .select([
          'id',
          'commune_code',
          'village_code',
          'visit_date',
          'visit_result',
          'form_id',
          'form_version',
          'response_json',
          'device_id',
          'received_at',
          'updated_at',
        ])
        .orderBy('id')
        .limit(chunkSize)
        .execute()
      const last = rows.at(-1)
      if (!last) break
      after = last.id
      for (const row of rows) {
        buffer.push({
          id: row.id,
          communeCode: row.commune_code,
          villageCode: row.village_code,
          visitDate: row.visit_date,
          visitResult: row.visit_result,
          formId: row.form_id,
          formVersion: Number(row.form_version),
          response: storedResponse(row.response_json),
          deviceId: row.device_id,
          receivedAt: row.received_at,
          updatedAt: row.updated_at,
          visitCount: 0,
          indicatorParts: null,
        })
      }
      if (buffer.length >= chunkSize) {
        yield await withChunkFacts(db, buffer)
        buffer = []
      }
      if (rows.length < chunkSize) break
    }
  }
  if (buffer.length > 0) yield await withChunkFacts(db, buffer)
}

/** Every commune and village holding households of the export's place filter, in order. */
export async function exportPlaces(
  db: Kysely<ServerDatabase>,
  filter: ExportFilter,
): Promise<ExportPlace[]> {
  const rows = await withPlaceFilter(db.selectFrom('households'), filter)
    .select(['commune_code', 'village_code'])
    .distinct()
    .orderBy('commune_code')
    .orderBy('village_code')
    .execute()
  return rows.map((r) => ({ communeCode: r.commune_code, villageCode: r.village_code }))
}

function withPlaceFilter<O>(query: HouseholdQuery<O>, filter: ExportFilter): HouseholdQuery<O> {
  let q = query
  if (filter.communeCode) q = q.where('commune_code', '=', filter.communeCode)
  if (filter.villageCode) q = q.where('village_code', '=', filter.villageCode)
  return q
}

function withAnswerFilter<O>(query: HouseholdQuery<O>, filter: ExportFilter): HouseholdQuery<O> {
  let q = query
  if (filter.visitResult) q = q.where('visit_result', '=', filter.visitResult)
  if (filter.from) q = q.where('visit_date', '>=', filter.from)
  if (filter.to) q = q.where('visit_date', '<=', filter.to)
  return q
}

/**
 * Adds each household's number of visits and its stored indicator contribution: two
 * queries per chunk, by the chunk's ids.
 */
async function withChunkFacts(
  db: Kysely<ServerDatabase>,
  households: ExportHousehold[],
): Promise<ExportHousehold[]> {
  const ids = households.map((h) => h.id)
  const visits = await db
    .selectFrom('visits')
    .select(['household_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
    .where('household_id', 'in', ids)
    .groupBy('household_id')
    .execute()
  const counts = new Map(visits.map((r) => [r.household_id, Number(r.n)]))
  const indicators = await db
    .selectFrom('indicator_households')
    .select(['household_id', 'parts_json'])
    .where('household_id', 'in', ids)
    .execute()
  const parts = new Map(indicators.map((r) => [r.household_id, readParts(r.parts_json)]))
  for (const household of households) {
    household.visitCount = counts.get(household.id) ?? 0
    household.indicatorParts = parts.get(household.id) ?? null
  }
  return households
}

/**
 * A stored response, read without a schema check: it was validated and cleaned at ingest,
 * and checking a million of them with zod would cost more than writing them. Only its
 * shape is made safe to walk.
 */
function storedResponse(json: string): FormResponse {
  const parsed = JSON.parse(json) as Partial<FormResponse> | null
  return {
    answers: parsed?.answers && typeof parsed.answers === 'object' ? parsed.answers : {},
    repeats: parsed?.repeats && typeof parsed.repeats === 'object' ? parsed.repeats : {},
  }
}
