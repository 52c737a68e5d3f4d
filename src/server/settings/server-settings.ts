import type { Kysely, Transaction } from 'kysely'
import type { ServerDatabase } from '../store/server-database.types'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** Keys of the `server_settings` table. */
export const SETTING_KEYS = {
  provinceCode: 'province_code',
  /** Written once by first-run setup; its primary key makes a second setup fail. */
  setupCompletedAt: 'setup_completed_at',
} as const

/** The province this server serves (chosen at first-run setup), or null before setup. */
export async function getProvinceCode(db: Db): Promise<string | null> {
  return getSetting(db, SETTING_KEYS.provinceCode)
}

/** Stores the server's province (official 2-digit code); call inside the caller's transaction. */
export async function setProvinceCode(
  trx: Db,
  code: string,
  now: number = Date.now(),
): Promise<void> {
  await putSetting(trx, SETTING_KEYS.provinceCode, code, now)
}

/** One setting's value, or null when it was never set. */
export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value ?? null
}

/** Sets a setting, replacing any earlier value. */
export async function putSetting(db: Db, key: string, value: string, now: number): Promise<void> {
  const updatedAt = new Date(now).toISOString()
  await db
    .insertInto('server_settings')
    .values({ key, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute()
}

/** Sets a setting that must not exist yet; a second write fails with a unique violation. */
export async function insertSettingOnce(
  db: Db,
  key: string,
  value: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('server_settings')
    .values({ key, value, updated_at: new Date(now).toISOString() })
    .execute()
}
