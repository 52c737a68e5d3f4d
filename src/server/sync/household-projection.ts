import type { Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { householdFacts, householdSearchText } from '../../shared/household/household-facts'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import type { HouseholdTable, ServerDatabase } from '../store/server-database.types'

type Trx = Transaction<ServerDatabase>

/** Columns a newer revision overwrites; `received_at` keeps the first arrival. */
const REPLACED_COLUMNS = [
  'commune_code',
  'village_code',
  'head_name',
  'search_text',
  'address',
  'member_count',
  'visit_result',
  'visit_date',
  'revision_id',
  'hlc',
  'device_id',
  'form_id',
  'form_version',
  'response_json',
  'updated_at',
] as const satisfies readonly (keyof HouseholdTable)[]

/**
 * Folds an accepted revision into the current state of its household, visit and members.
 * Skeleton rule: the revision with the latest stamp wins whole (field-level merge comes
 * with the sync issue). The stamp comparison sits inside the upsert, so two batches racing
 * on the same household (PostgreSQL) cannot let an older stamp overwrite a newer one.
 *
 * @returns whether the household's current state now comes from this revision
 */
export async function projectRevision(
  trx: Trx,
  revision: HouseholdRevision,
  response: FormResponse,
  receivedAt: string,
): Promise<boolean> {
  const won = await upsertHousehold(trx, revision, response, receivedAt)
  await upsertVisit(trx, revision, response)
  if (won) await replaceMembers(trx, revision.householdId, response)
  return won
}

async function upsertHousehold(
  trx: Trx,
  revision: HouseholdRevision,
  response: FormResponse,
  receivedAt: string,
): Promise<boolean> {
  const facts = householdFacts(response)
  const row: HouseholdTable = {
    id: revision.householdId,
    commune_code: revision.communeCode,
    village_code: revision.villageCode,
    head_name: facts.headName,
    search_text: householdSearchText(response),
    address: facts.address,
    member_count: facts.memberCount,
    visit_result: facts.visitResult,
    visit_date: revision.visitDate,
    revision_id: revision.id,
    hlc: revision.hlc,
    device_id: revision.deviceId,
    form_id: revision.formId,
    form_version: revision.formVersion,
    response_json: JSON.stringify(response),
    received_at: receivedAt,
    updated_at: receivedAt,
  }
  const result = await trx
    .insertInto('households')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) =>
          Object.fromEntries(REPLACED_COLUMNS.map((col) => [col, eb.ref(`excluded.${col}`)])),
        )
        .whereRef('households.hlc', '<', 'excluded.hlc'),
    )
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

async function upsertVisit(
  trx: Trx,
  revision: HouseholdRevision,
  response: FormResponse,
): Promise<void> {
  await trx
    .insertInto('visits')
    .values({
      id: revision.visitId,
      household_id: revision.householdId,
      revision_id: revision.id,
      hlc: revision.hlc,
      visit_date: revision.visitDate,
      visit_result: householdFacts(response).visitResult,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          revision_id: eb.ref('excluded.revision_id'),
          hlc: eb.ref('excluded.hlc'),
          visit_date: eb.ref('excluded.visit_date'),
          visit_result: eb.ref('excluded.visit_result'),
        }))
        .whereRef('visits.hlc', '<', 'excluded.hlc'),
    )
    .execute()
}

/** The winning revision's roster replaces the stored one; row ids keep members stable. */
async function replaceMembers(
  trx: Trx,
  householdId: string,
  response: FormResponse,
): Promise<void> {
  await trx.deleteFrom('members').where('household_id', '=', householdId).execute()
  const rows = (response.repeats.members ?? []).map((row, position) => ({
    id: row.id,
    household_id: householdId,
    position,
    full_name: typeof row.answers.full_name === 'string' ? row.answers.full_name : '',
    answers_json: JSON.stringify(row.answers),
  }))
  if (rows.length === 0) return
  await trx
    .insertInto('members')
    .values(rows)
    // A member id already held by another household means the person moved: follow them.
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        household_id: eb.ref('excluded.household_id'),
        position: eb.ref('excluded.position'),
        full_name: eb.ref('excluded.full_name'),
        answers_json: eb.ref('excluded.answers_json'),
      })),
    )
    .execute()
}
