import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Conflict } from '../../shared/api/http/sync.contract'
import type { Answer } from '../../shared/forms/form-response.schema'
import type { ServerDatabase } from '../store/server-database.types'
import type { ConflictStatus, ConflictTable } from './sync.tables'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

export interface ConflictFilter {
  /** null: every commune (province roles). */
  communeCode: string | null
  status?: ConflictStatus
  householdId?: string
  limit: number
  offset: number
}

type ConflictRow = Selectable<ConflictTable> & {
  head_name: string | null
  village_code: string | null
}

function baseQuery(db: Db, filter: Omit<ConflictFilter, 'limit' | 'offset'>) {
  let query = db
    .selectFrom('conflicts')
    .leftJoin('households', 'households.id', 'conflicts.household_id')
  if (filter.communeCode !== null) {
    query = query.where('conflicts.commune_code', '=', filter.communeCode)
  }
  if (filter.status) query = query.where('conflicts.status', '=', filter.status)
  if (filter.householdId) query = query.where('conflicts.household_id', '=', filter.householdId)
  return query
}

/** Conflicts newest first, with the household head's name for the console's list. */
export async function listConflicts(
  db: Db,
  filter: ConflictFilter,
): Promise<{ total: number; items: Conflict[] }> {
  const counted = await baseQuery(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst()
  const rows = await baseQuery(db, filter)
    .selectAll('conflicts')
    .select(['households.head_name as head_name', 'households.village_code as village_code'])
    .orderBy('conflicts.created_at', 'desc')
    .orderBy('conflicts.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { total: Number(counted?.n ?? 0), items: rows.map(toConflict) }
}

/** One conflict, or undefined. */
export async function findConflict(db: Db, id: string): Promise<Conflict | undefined> {
  const row = await baseQuery(db, {
    communeCode: null,
  })
    .selectAll('conflicts')
    .select(['households.head_name as head_name', 'households.village_code as village_code'])
    .where('conflicts.id', '=', id)
    .executeTakeFirst()
  return row ? toConflict(row) : undefined
}

function toConflict(row: ConflictRow): Conflict {
  return {
    id: row.id,
    householdId: row.household_id,
    communeCode: row.commune_code,
    villageCode: row.village_code,
    headName: row.head_name,
    scope: row.scope,
    repeatId: row.repeat_id,
    rowId: row.row_id,
    questionId: row.question_id,
    baseValue: JSON.parse(row.base_value_json) as Answer,
    winnerValue: JSON.parse(row.winner_value_json) as Answer,
    loserValue: JSON.parse(row.loser_value_json) as Answer,
    winnerRevisionId: row.winner_revision_id,
    loserRevisionId: row.loser_revision_id,
    winnerDeviceId: row.winner_device_id,
    loserDeviceId: row.loser_device_id,
    createdAt: row.created_at,
    status: row.status,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    chosen: row.chosen,
    comment: row.comment,
  }
}
