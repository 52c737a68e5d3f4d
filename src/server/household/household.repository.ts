import { type Kysely, sql } from 'kysely'
import type { ConsoleHouseholdDetail } from '../../shared/api/http.contract'
import { formResponseSchema } from '../../shared/forms/form-response.schema'
import { NotFoundError } from '../../shared/result'
import type { ServerDatabase } from '../store/server-database.types'
import { type HouseholdListRow, LIST_COLUMNS, toConsoleHouseholds } from './household-rows'

type DetailRow = HouseholdListRow & {
  revision_id: string
  form_id: string
  form_version: number | string
  response_json: string
}

/** One household with its roster (in form order), the stored response and its review state. */
export async function getHousehold(
  db: Kysely<ServerDatabase>,
  id: string,
): Promise<ConsoleHouseholdDetail> {
  const found = await sql<DetailRow>`
    select ${LIST_COLUMNS}, h.revision_id, h.form_id, h.form_version, h.response_json,
      r.state as review_state, r.change_seq as review_seq
    from households h left join household_reviews r on r.household_id = h.id
    where h.id = ${id}`.execute(db)
  const row = found.rows[0]
  if (!row) throw new NotFoundError('household')
  const [household] = await toConsoleHouseholds(db, [row])
  if (!household) throw new NotFoundError('household')
  const members = await db
    .selectFrom('members')
    .select(['id', 'position', 'full_name', 'answers_json'])
    .where('household_id', '=', id)
    .orderBy('position')
    .execute()
  return {
    ...household,
    revisionId: row.revision_id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    response: formResponseSchema.parse(JSON.parse(row.response_json)),
    members: members.map((m) => ({
      id: m.id,
      position: m.position,
      fullName: m.full_name,
      answers: JSON.parse(m.answers_json) as Record<string, unknown>,
    })),
  }
}

/** The commune of a household, or undefined for an unknown id (scope checks need no more). */
export async function householdCommune(
  db: Kysely<ServerDatabase>,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('households')
    .select('commune_code')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.commune_code
}
