import type { Kysely } from 'kysely'
import {
  type HouseholdHistory,
  type HouseholdRevisionEntry,
  MAX_HISTORY_REVISIONS,
} from '../../shared/api/http.contract'
import { NotFoundError } from '../../shared/result'
import type { ServerDatabase } from '../store/server-database.types'
import { SERVER_DEVICE_ID } from '../sync/conflict-resolution.service'
import { readRevisionContents } from './revision-contents'

/**
 * Every visit and every revision of a household, newest first: for each revision who made
 * it (the team member named on the laptop), on which laptop, when it was saved and
 * received, whether it was accepted, and its response — the console shows what it changed
 * against its base. Rejected revisions are listed too (they are in the quarantine).
 */
export async function householdHistory(
  db: Kysely<ServerDatabase>,
  householdId: string,
): Promise<HouseholdHistory> {
  const household = await db
    .selectFrom('households')
    .select('revision_id')
    .where('id', '=', householdId)
    .executeTakeFirst()
  if (!household) throw new NotFoundError('household')
  const rows = await db
    .selectFrom('revisions')
    .select([
      'id',
      'visit_id',
      'base_revision_id',
      'status',
      'reason',
      'hlc',
      'device_saved_at',
      'received_at',
      'batch_id',
      'device_id',
    ])
    .where('household_id', '=', householdId)
    .orderBy('hlc', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_HISTORY_REVISIONS + 1)
    .execute()
  const kept = rows.slice(0, MAX_HISTORY_REVISIONS)
  const ids = kept.map((row) => row.id)
  const [contents, devices, settlers, visits] = await Promise.all([
    readRevisionContents(db, ids),
    deviceNames(
      db,
      kept.map((row) => row.device_id),
    ),
    settledBy(db, ids),
    visitsOf(db, householdId),
  ])
  const revisions: HouseholdRevisionEntry[] = []
  for (const row of kept) {
    const content = contents.get(row.id)
    if (!content) continue
    const madeByServer = row.device_id === SERVER_DEVICE_ID
    revisions.push({
      id: row.id,
      visitId: row.visit_id,
      baseRevisionId: row.base_revision_id,
      status: row.status,
      reason: row.reason,
      hlc: row.hlc,
      savedAt: row.device_saved_at,
      receivedAt: row.received_at,
      batchId: row.batch_id,
      deviceId: row.device_id,
      deviceName: madeByServer ? null : (devices.get(row.device_id) ?? null),
      enumeratorName: content.revision.enumerator?.name ?? null,
      madeByServer,
      settledBy: settlers.get(row.id) ?? null,
      formVersion: content.revision.formVersion,
      response: content.response,
      isHead: row.id === household.revision_id,
    })
  }
  // The store orders stamps by its collation; stamps compare by code unit.
  revisions.sort((a, b) => (a.hlc === b.hlc ? cmp(b.id, a.id) : cmp(b.hlc, a.hlc)))
  return { visits, revisions, truncated: rows.length > MAX_HISTORY_REVISIONS }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function visitsOf(db: Kysely<ServerDatabase>, householdId: string) {
  const [visits, counts] = await Promise.all([
    db
      .selectFrom('visits')
      .select(['id', 'visit_date', 'visit_result', 'revision_id', 'hlc'])
      .where('household_id', '=', householdId)
      .execute(),
    db
      .selectFrom('revisions')
      .select((eb) => ['visit_id', eb.fn.countAll<number | string>().as('n')])
      .where('household_id', '=', householdId)
      .groupBy('visit_id')
      .execute(),
  ])
  const count = new Map(counts.map((c) => [c.visit_id, Number(c.n)]))
  return visits
    .sort((a, b) => cmp(b.visit_date, a.visit_date) || cmp(b.hlc, a.hlc))
    .map((v) => ({
      id: v.id,
      visitDate: v.visit_date,
      visitResult: v.visit_result,
      revisionId: v.revision_id,
      revisionCount: count.get(v.id) ?? 0,
    }))
}

async function deviceNames(
  db: Kysely<ServerDatabase>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}

/** Who settled the conflicts that the server's revisions among `ids` carry out. */
async function settledBy(
  db: Kysely<ServerDatabase>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('conflicts')
    .select(['resolution_revision_id', 'resolved_by'])
    .where('resolution_revision_id', 'in', ids)
    .execute()
  const found = new Map<string, string>()
  for (const row of rows) {
    if (row.resolution_revision_id && row.resolved_by) {
      found.set(row.resolution_revision_id, row.resolved_by)
    }
  }
  return found
}
