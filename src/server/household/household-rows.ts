import { type Kysely, sql } from 'kysely'
import type { ConsoleHousehold, ReviewState } from '../../shared/api/http.contract'
import { findVillage, PILOT_COMMUNE } from '../../shared/places/pilot-places'
import { villageNamesByCode } from '../places/village.repository'
import type { ReviewDecision } from '../review/review.tables'
import type { ServerDatabase } from '../store/server-database.types'

/** The household columns of a list row (the list never reads the stored response). */
export const LIST_COLUMNS = sql.raw(
  [
    'id',
    'commune_code',
    'village_code',
    'head_name',
    'address',
    'member_count',
    'visit_result',
    'visit_date',
    'device_id',
    'received_at',
    'change_seq',
  ]
    .map((column) => `h.${column}`)
    .join(', '),
)

/** A list row: the household's columns and its review decision, if any. */
export interface HouseholdListRow {
  id: string
  commune_code: string
  village_code: string
  head_name: string
  address: string | null
  member_count: number | string
  visit_result: string | null
  visit_date: string
  device_id: string
  received_at: string
  change_seq: number | string
  review_state: ReviewDecision | null
  review_seq: number | string | null
}

/**
 * A household's review state: its decision while the decision was made on its current
 * change, "received" before any decision and again after any later change.
 */
export function reviewStateOf(
  changeSeq: number | string,
  decision: { state: ReviewDecision | null; changeSeq: number | string | null },
): ReviewState {
  return decision.state !== null && Number(decision.changeSeq) === Number(changeSeq)
    ? decision.state
    : 'received'
}

/** List rows as the console shows them, with their villages named. */
export async function toConsoleHouseholds(
  db: Kysely<ServerDatabase>,
  rows: readonly HouseholdListRow[],
): Promise<ConsoleHousehold[]> {
  const names = await villageNamesByCode(
    db,
    rows.map((row) => row.village_code),
  )
  return rows.map((row) => ({
    id: row.id,
    communeCode: row.commune_code,
    villageCode: row.village_code,
    villageName:
      names.get(row.village_code) ?? pilotVillageName(row.commune_code, row.village_code),
    headName: row.head_name,
    address: row.address,
    // PostgreSQL answers integers of raw queries as numbers, bigints as strings.
    memberCount: Number(row.member_count),
    visitResult: row.visit_result,
    visitDate: row.visit_date,
    deviceId: row.device_id,
    receivedAt: row.received_at,
    version: Number(row.change_seq),
    reviewState: reviewStateOf(row.change_seq, {
      state: row.review_state,
      changeSeq: row.review_seq,
    }),
  }))
}

/**
 * Records made before the province entered its villages name the pilot commune's
 * hard-wired villages; they keep their names until the village list covers them.
 */
function pilotVillageName(communeCode: string, villageCode: string): string | null {
  if (communeCode !== PILOT_COMMUNE.code) return null
  return findVillage(villageCode)?.name ?? null
}
