import type { Kysely } from 'kysely'
import type { LocalDatabase } from '../store/local-database.types'

/**
 * The settings this installation keeps; a closed list so that typos are type errors.
 * - data_key_wrapped: the data key sealed by the OS (never the key itself)
 * - data_key_check: recognises the data key the store was encrypted with
 * - data_protection: 'legacy' while clear-text rows of the walking skeleton remain
 * - indicators_fingerprint: what the stored per-household indicator contributions were made by
 * - current_team_member: who records visits now
 * - device_enrolment: the sealed enrolment record, device private key included (device/)
 * - enrolled_places: the enrolled commune, province and villages, clear JSON (places/)
 * - pull_cursor: the server's change sequence this laptop has applied up to (sync/)
 * - open_conflicts: the commune's open conflicts at the last pull
 * - last_sync_server_at: the server's receipt time at the last sync (last_sync_at is the device's)
 * - last_sync_run: how the last sync ended, its report or error code (JSON, sync/)
 */
export type SettingKey =
  | 'device_id'
  | 'hlc_last'
  | 'server_url'
  | 'last_sync_at'
  | 'data_key_wrapped'
  | 'data_key_check'
  | 'data_protection'
  | 'indicators_fingerprint'
  | 'current_team_member'
  | 'device_enrolment'
  | 'enrolled_places'
  | 'pull_cursor'
  | 'open_conflicts'
  | 'last_sync_server_at'
  | 'last_sync_run'

/** Reads one setting; null when it was never set. */
export async function getSetting(
  db: Kysely<LocalDatabase>,
  key: SettingKey,
): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value ?? null
}

/** Writes one setting, replacing any previous value. */
export async function setSetting(
  db: Kysely<LocalDatabase>,
  key: SettingKey,
  value: string,
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** Removes a setting. */
export async function deleteSetting(db: Kysely<LocalDatabase>, key: SettingKey): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute()
}

/**
 * Returns the setting, first storing `make()` if it is missing. A value once stored is
 * never replaced (the device id must stay stable for the life of the installation).
 */
export async function getOrCreateSetting(
  db: Kysely<LocalDatabase>,
  key: SettingKey,
  make: () => string,
): Promise<string> {
  const existing = await getSetting(db, key)
  if (existing !== null) return existing
  await db
    .insertInto('settings')
    .values({ key, value: make() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const value = await getSetting(db, key)
  if (value === null) throw new Error(`setting ${key} vanished after insert`)
  return value
}
