import type { Kysely } from 'kysely'
import type { AuditEntry } from '../../shared/api/http.contract'
import type { HttpParsedInput } from '../http/http-handler'
import type { ServerDatabase } from '../store/server-database.types'
import type { AuditLogTable } from './audit.tables'

const DAY_MS = 24 * 3600_000

export type AuditFilters = HttpParsedInput<'audit.list'>

/** A page of audit entries matching the filters, newest first, with the total. */
export async function listAuditEntries(
  db: Kysely<ServerDatabase>,
  filters: AuditFilters,
): Promise<{ total: number; items: AuditEntry[] }> {
  let query = db.selectFrom('audit_log')
  if (filters.action) query = query.where('action', '=', filters.action)
  if (filters.actorKind) query = query.where('actor_kind', '=', filters.actorKind)
  if (filters.actorId) query = query.where('actor_id', '=', filters.actorId)
  if (filters.targetType) query = query.where('target_type', '=', filters.targetType)
  if (filters.targetId) query = query.where('target_id', '=', filters.targetId)
  if (filters.communeCode) query = query.where('commune_code', '=', filters.communeCode)
  if (filters.from) query = query.where('at', '>=', vietnamDayStart(filters.from))
  if (filters.to) query = query.where('at', '<', vietnamDayStart(filters.to, DAY_MS))

  const totalRow = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute()
  return { total: Number(totalRow.n), items: rows.map(toAuditEntry) }
}

/** The distinct actions recorded so far, for the console's filter list. */
export async function listAuditActions(db: Kysely<ServerDatabase>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute()
  return rows.map((r) => r.action)
}

/** ISO time (UTC) of midnight in Vietnam (UTC+7) on a day, plus an offset. */
function vietnamDayStart(date: string, plusMs = 0): string {
  return new Date(Date.parse(`${date}T00:00:00+07:00`) + plusMs).toISOString()
}

function toAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    communeCode: row.commune_code,
    details: parseDetails(row.details_json),
    ip: row.ip,
  }
}

function parseDetails(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json)
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
