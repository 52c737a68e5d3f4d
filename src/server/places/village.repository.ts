import type { Kysely, Selectable, Updateable } from 'kysely'
import type { Village } from '../../shared/api/http/places.contract'
import { formatVillageCode, nextVillageSerial } from '../../shared/places/village-code'
import type { ServerDatabase } from '../store/server-database.types'
import type { VillageTable } from './places.tables'

/** A connection or an open transaction: both run the same queries. */
type Db = Kysely<ServerDatabase>
export type VillageRow = Selectable<VillageTable>

/** The commune's villages by code (creation order), active and inactive. */
export function villagesOf(db: Db, communeCode: string): Promise<VillageRow[]> {
  return db
    .selectFrom('villages')
    .selectAll()
    .where('commune_code', '=', communeCode)
    .orderBy('code')
    .execute()
}

export function findVillage(db: Db, code: string): Promise<VillageRow | undefined> {
  return db.selectFrom('villages').selectAll().where('code', '=', code).executeTakeFirst()
}

export function findVillageByNameKey(
  db: Db,
  communeCode: string,
  nameKey: string,
): Promise<VillageRow | undefined> {
  return db
    .selectFrom('villages')
    .selectAll()
    .where('commune_code', '=', communeCode)
    .where('name_key', '=', nameKey)
    .executeTakeFirst()
}

/** Tries a few serials in case another request took the next one at the same moment. */
const CODE_ATTEMPTS = 5

/**
 * Inserts a village under the commune's next free code. Returns undefined when the name
 * was taken meanwhile (the unique key on the folded name refused the row).
 */
export async function insertVillage(
  db: Db,
  row: Omit<VillageTable, 'code'>,
): Promise<VillageRow | undefined> {
  const codes = (
    await db
      .selectFrom('villages')
      .select('code')
      .where('commune_code', '=', row.commune_code)
      .execute()
  ).map((r) => r.code)
  let serial = nextVillageSerial(row.commune_code, codes)
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1, serial += 1) {
    const code = formatVillageCode(row.commune_code, serial)
    const result = await db
      .insertInto('villages')
      .values({ ...row, code })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { ...row, code }
    if (await findVillageByNameKey(db, row.commune_code, row.name_key)) return undefined
  }
  throw new Error(`No free village code for commune ${row.commune_code}`)
}

export async function updateVillageRow(
  db: Db,
  code: string,
  patch: Updateable<VillageTable>,
): Promise<VillageRow> {
  await db.updateTable('villages').set(patch).where('code', '=', code).execute()
  const row = await findVillage(db, code)
  if (!row) throw new Error(`Village ${code} vanished while being updated`)
  return row
}

/** Active villages and their registered households, per commune. */
export async function villageTotalsByCommune(
  db: Db,
): Promise<Map<string, { villageCount: number; registeredHouseholds: number }>> {
  const rows = await db
    .selectFrom('villages')
    .select((eb) => [
      'commune_code',
      eb.fn.countAll<number | string>().as('villages'),
      eb.fn.sum<number | string>('registered_households').as('households'),
    ])
    .where('active', '=', 1)
    .groupBy('commune_code')
    .execute()
  // PostgreSQL answers count and sum as bigint strings.
  return new Map(
    rows.map((r) => [
      r.commune_code,
      { villageCount: Number(r.villages), registeredHouseholds: Number(r.households ?? 0) },
    ]),
  )
}

/** Households received per commune. */
export async function householdsByCommune(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('households')
    .select((eb) => ['commune_code', eb.fn.countAll<number | string>().as('n')])
    .groupBy('commune_code')
    .execute()
  return new Map(rows.map((r) => [r.commune_code, Number(r.n)]))
}

/** Households received per village of one commune. */
export async function householdsByVillage(
  db: Db,
  communeCode: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('households')
    .select((eb) => ['village_code', eb.fn.countAll<number | string>().as('n')])
    .where('commune_code', '=', communeCode)
    .groupBy('village_code')
    .execute()
  return new Map(rows.map((r) => [r.village_code, Number(r.n)]))
}

/** The API shape of a village row. */
export function toVillage(row: VillageRow, householdsReceived: number): Village {
  return {
    code: row.code,
    communeCode: row.commune_code,
    name: row.name,
    registeredHouseholds: row.registered_households,
    active: row.active === 1,
    householdsReceived,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Names of the given villages as the province recorded them (places), by code. */
export async function villageNamesByCode(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(codes)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('villages')
    .select(['code', 'name'])
    .where('code', 'in', unique)
    .execute()
  return new Map(rows.map((r) => [r.code, r.name]))
}
