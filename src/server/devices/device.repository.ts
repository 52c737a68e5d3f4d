import type { Kysely, Transaction } from 'kysely'
import type { ConsoleDevice } from '../../shared/api/http/devices.contract'
import type { ServerDatabase } from '../store/server-database.types'
import { communeName } from './commune-reference'
import type { DeviceStatus, DeviceTable } from './devices.tables'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** A device row by id, or undefined. */
export function findDevice(db: Db, id: string): Promise<DeviceTable | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface DeviceFilter {
  communeCode?: string
  status?: DeviceStatus
  limit: number
  offset: number
}

/** Devices matching the filter, most recently enrolled first, with the total count. */
export async function listDevices(
  db: Db,
  filter: DeviceFilter,
): Promise<{ total: number; rows: DeviceTable[] }> {
  let query = db.selectFrom('devices')
  if (filter.communeCode) query = query.where('commune_code', '=', filter.communeCode)
  if (filter.status) query = query.where('status', '=', filter.status)
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('enrolled_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { total: Number(counted.n), rows }
}

/** Notes that an authenticated request from the device arrived. */
export async function touchDeviceContact(db: Db, id: string, atIso: string): Promise<void> {
  await db.updateTable('devices').set({ last_contact_at: atIso }).where('id', '=', id).execute()
}

/**
 * Notes that a batch from the device was ingested (for the sync pipeline): last sync and
 * last contact both move to the server's receipt time.
 */
export async function recordDeviceSync(db: Db, id: string, atIso: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_sync_at: atIso, last_contact_at: atIso })
    .where('id', '=', id)
    .execute()
}

/** The console's view of a device row; `names` maps user ids to display names. */
export function toConsoleDevice(
  row: DeviceTable,
  names: ReadonlyMap<string, string>,
): ConsoleDevice {
  return {
    id: row.id,
    communeCode: row.commune_code,
    communeName: communeName(row.commune_code),
    name: row.name,
    status: row.status,
    enrolledAt: row.enrolled_at,
    lastContactAt: row.last_contact_at,
    lastSyncAt: row.last_sync_at,
    pendingReported: row.pending_reported === null ? null : Number(row.pending_reported),
    appVersion: row.app_version,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    revokedByName: row.revoked_by ? (names.get(row.revoked_by) ?? null) : null,
  }
}

/**
 * Display names of console users by id, for "created by" and "revoked by" columns: the
 * province staff who read the device list may not list users themselves.
 */
export async function userDisplayNames(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}
