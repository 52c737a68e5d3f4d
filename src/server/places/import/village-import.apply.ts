import type { Kysely, Updateable } from 'kysely'
import type { VillageImportRow } from '../../../shared/api/http/places.contract'
import { formatVillageCode, nextVillageSerial } from '../../../shared/places/village-code'
import { villageNameKey } from '../../../shared/places/village-name'
import type { ServerDatabase } from '../../store/server-database.types'
import type { VillageTable } from '../places.tables'

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 200

export interface ImportCounts {
  created: number
  updated: number
  unchanged: number
}

/**
 * Applies checked import rows inside the caller's transaction, against the villages as
 * they are now (not as they were at preview): a village named in the file is created under
 * its commune's next codes, or updated (households, reactivated). A village created by
 * someone else meanwhile makes the insert fail on the unique name key, and the caller's
 * transaction rolls everything back.
 */
export async function applyVillageRows(
  trx: Kysely<ServerDatabase>,
  rows: readonly VillageImportRow[],
  now: string,
): Promise<ImportCounts> {
  const villages = await trx.selectFrom('villages').selectAll().execute()
  const byKey = new Map(villages.map((v) => [`${v.commune_code}/${v.name_key}`, v]))
  const codesByCommune = new Map<string, string[]>()
  for (const v of villages) {
    codesByCommune.set(v.commune_code, [...(codesByCommune.get(v.commune_code) ?? []), v.code])
  }
  const nextSerial = new Map<string, number>()
  const creates: VillageTable[] = []
  const updates: { code: string; patch: Updateable<VillageTable> }[] = []
  let unchanged = 0

  for (const row of rows) {
    const { communeCode, villageName } = row
    if (!communeCode || !villageName || row.errors.length > 0) {
      throw new Error(`Import row ${row.rowNumber} was stored with errors`)
    }
    const nameKey = villageNameKey(villageName)
    const existing = byKey.get(`${communeCode}/${nameKey}`)
    if (existing) {
      const patch: Updateable<VillageTable> = {}
      const households = row.registeredHouseholds
      if (households !== null && households !== existing.registered_households) {
        patch.registered_households = households
      }
      if (existing.active !== 1) patch.active = 1
      if (Object.keys(patch).length === 0) unchanged += 1
      else updates.push({ code: existing.code, patch: { ...patch, updated_at: now } })
      continue
    }
    const serial =
      nextSerial.get(communeCode) ??
      nextVillageSerial(communeCode, codesByCommune.get(communeCode) ?? [])
    nextSerial.set(communeCode, serial + 1)
    creates.push({
      code: formatVillageCode(communeCode, serial),
      commune_code: communeCode,
      name: villageName,
      name_key: nameKey,
      registered_households: row.registeredHouseholds ?? 0,
      active: 1,
      created_at: now,
      updated_at: now,
    })
  }

  for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('villages')
      .values(creates.slice(i, i + INSERT_CHUNK))
      .execute()
  }
  for (const { code, patch } of updates) {
    await trx.updateTable('villages').set(patch).where('code', '=', code).execute()
  }
  return { created: creates.length, updated: updates.length, unchanged }
}
