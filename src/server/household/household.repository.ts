import type { Kysely, Selectable } from 'kysely'
import type { z } from 'zod'
import type {
  ConsoleHousehold,
  ConsoleHouseholdDetail,
  HttpContract,
} from '../../shared/api/http.contract'
import { formResponseSchema } from '../../shared/forms/form-response.schema'
import { findVillage, PILOT_COMMUNE } from '../../shared/places/pilot-places'
import { NotFoundError } from '../../shared/result'
import { queryTokens } from '../../shared/text/fold'
import { villageNamesByCode } from '../places/village.repository'
import type { HouseholdTable, ServerDatabase } from '../store/server-database.types'

/** The list filters after parsing (limit and offset defaulted). */
export type HouseholdListQuery = z.output<HttpContract['households.list']['input']>

type HouseholdRow = Selectable<HouseholdTable>

/**
 * Households of the console list, newest change first. `q` is matched word by word against
 * the folded search text, so "nguyen van a" finds "Nguyễn Văn A". Folded tokens hold only
 * letters and digits, so they carry no LIKE wildcards to escape.
 */
export async function listHouseholds(
  db: Kysely<ServerDatabase>,
  query: HouseholdListQuery,
): Promise<{ total: number; items: ConsoleHousehold[] }> {
  let filtered = db.selectFrom('households')
  if (query.communeCode) filtered = filtered.where('commune_code', '=', query.communeCode)
  if (query.villageCode) filtered = filtered.where('village_code', '=', query.villageCode)
  for (const token of queryTokens(query.q ?? '')) {
    filtered = filtered.where('search_text', 'like', `%${token}%`)
  }
  const counted = await filtered
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('total'))
    .executeTakeFirstOrThrow()
  const rows = await filtered
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  const names = await villageNamesByCode(
    db,
    rows.map((row) => row.village_code),
  )
  // PostgreSQL answers count(*) as a bigint string.
  return {
    total: Number(counted.total),
    items: rows.map((row) => toConsoleHousehold(row, names)),
  }
}

/** One household with its roster (in form order) and the stored response. */
export async function getHousehold(
  db: Kysely<ServerDatabase>,
  id: string,
): Promise<ConsoleHouseholdDetail> {
  const row = await db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('household')
  const names = await villageNamesByCode(db, [row.village_code])
  const members = await db
    .selectFrom('members')
    .select(['id', 'position', 'full_name', 'answers_json'])
    .where('household_id', '=', id)
    .orderBy('position')
    .execute()
  return {
    ...toConsoleHousehold(row, names),
    revisionId: row.revision_id,
    formId: row.form_id,
    formVersion: row.form_version,
    response: formResponseSchema.parse(JSON.parse(row.response_json)),
    members: members.map((m) => ({
      id: m.id,
      position: m.position,
      fullName: m.full_name,
      answers: JSON.parse(m.answers_json) as Record<string, unknown>,
    })),
  }
}

function toConsoleHousehold(
  row: HouseholdRow,
  names: ReadonlyMap<string, string>,
): ConsoleHousehold {
  return {
    id: row.id,
    communeCode: row.commune_code,
    villageCode: row.village_code,
    villageName:
      names.get(row.village_code) ?? pilotVillageName(row.commune_code, row.village_code),
    headName: row.head_name,
    address: row.address,
    memberCount: row.member_count,
    visitResult: row.visit_result,
    visitDate: row.visit_date,
    deviceId: row.device_id,
    receivedAt: row.received_at,
  }
}

/**
 * Records made before the province entered its villages name the pilot commune's
 * hard-wired villages; they keep their names until the village list covers them.
 */
function pilotVillageName(communeCode: string, villageCode: string): string | null {
  if (communeCode !== PILOT_COMMUNE.code) return null
  return findVillage(villageCode)?.name ?? null
}
