import type {
  HouseholdDetail,
  HouseholdSummary,
  SaveHouseholdOutput,
  VillageSummary,
} from '../../shared/api/ipc.contract'
import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { validateResponse } from '../../shared/forms/validate-response'
import { householdFacts, householdSearchText } from '../../shared/household/household-facts'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../../shared/household/household-revision.schema'
import { PILOT_COMMUNE } from '../../shared/places/pilot-places'
import { NotFoundError } from '../../shared/result'
import { queryTokens } from '../../shared/text/fold'
import type { MainContext } from '../context'
import { nextHlcStamp } from '../settings/device-clock'
import { findRevision, insertRevision } from '../sync/outbox.repository'
import {
  countHouseholdsByVillage,
  findHousehold,
  type HouseholdRow,
  listHouseholdRows,
  upsertHousehold,
} from './household.repository'
import { replaceMembers } from './member.repository'
import { findVisitOnDate, upsertVisit } from './visit.repository'

export interface SaveHouseholdInput {
  /** Absent for a new household. */
  householdId?: string | undefined
  /** The village the household is recorded in; used when the form's own answer is blank. */
  villageCode: string
  visitDate: string
  response: FormResponse
}

/** Question holding the village code in the household form. */
const VILLAGE_QUESTION = 'village'
const MEMBERS_REPEAT = 'members'
/** Upper bound of one list answer; the UI narrows with search rather than scrolling further. */
const LIST_LIMIT = 500

/** The form new visits are recorded with. */
export function currentForm(): FormDefinition {
  return defaultHouseholdForm
}

/**
 * Validates and saves one household visit. Blocking errors write nothing and come back as
 * `invalid`. Otherwise, in one transaction: a new revision in the outbox (stamped by the
 * device's hybrid logical clock, based on the household's previous revision), the day's
 * visit (reused when the household was already visited that day), the household's listed
 * facts and its roster.
 */
export async function saveHousehold(
  ctx: MainContext,
  input: SaveHouseholdInput,
): Promise<SaveHouseholdOutput> {
  const form = currentForm()
  const checked = validateResponse(form, withVillage(input.response, input.villageCode), {
    visitDate: input.visitDate,
    villages: PILOT_COMMUNE.villages.map((v) => v.code),
  })
  if (checked.errors > 0) return { status: 'invalid', issues: checked.issues }

  const response = checked.response
  const facts = householdFacts(response)
  const savedAt = new Date(ctx.clock.now()).toISOString()

  const saved = await ctx.db.transaction().execute(async (trx) => {
    const existing = input.householdId ? await findHousehold(trx, input.householdId) : undefined
    if (input.householdId && !existing) throw new NotFoundError('household')
    const householdId = existing?.id ?? ctx.newId()
    const revisionId = ctx.newId()
    const visit = await findVisitOnDate(trx, householdId, input.visitDate)
    const visitId = visit?.id ?? ctx.newId()
    const hlc = await nextHlcStamp(trx, ctx.clock, ctx.deviceId)

    const revision: HouseholdRevision = householdRevisionSchema.parse({
      id: revisionId,
      householdId,
      visitId,
      baseRevisionId: existing?.latest_revision_id ?? null,
      deviceId: ctx.deviceId,
      hlc,
      communeCode: PILOT_COMMUNE.code,
      villageCode: facts.villageCode ?? input.villageCode,
      formId: form.id,
      formVersion: form.version,
      visitDate: input.visitDate,
      savedAt,
      response,
    })

    await upsertHousehold(trx, {
      id: householdId,
      commune_code: revision.communeCode,
      village_code: revision.villageCode,
      head_name: facts.headName,
      search_text: householdSearchText(response),
      address: facts.address,
      member_count: facts.memberCount,
      visit_result: facts.visitResult,
      visit_date: input.visitDate,
      latest_revision_id: revisionId,
      sync_state: 'pending',
      reject_reason: null,
      created_at: existing?.created_at ?? savedAt,
      updated_at: savedAt,
    })
    await upsertVisit(trx, {
      id: visitId,
      household_id: householdId,
      visit_date: input.visitDate,
      form_id: form.id,
      form_version: form.version,
      response_json: JSON.stringify(response),
      created_at: visit?.created_at ?? savedAt,
      updated_at: savedAt,
    })
    await replaceMembers(
      trx,
      householdId,
      (response.repeats[MEMBERS_REPEAT] ?? []).map((row, position) => ({
        id: row.id,
        household_id: householdId,
        position,
        full_name: typeof row.answers.full_name === 'string' ? row.answers.full_name : '',
        answers_json: JSON.stringify(row.answers),
      })),
    )
    await insertRevision(trx, {
      id: revisionId,
      household_id: householdId,
      visit_id: visitId,
      base_revision_id: revision.baseRevisionId,
      hlc,
      payload_json: JSON.stringify(revision),
      status: 'pending',
      reason: null,
      batch_id: null,
      created_at: savedAt,
      sent_at: null,
    })
    return { householdId, revisionId }
  })

  return {
    status: 'saved',
    ...saved,
    warnings: checked.issues.filter((i) => i.severity === 'warning'),
  }
}

/**
 * The form's own village answer wins (the team member may have moved the household); the
 * village the list was opened on only fills a blank one.
 */
function withVillage(response: FormResponse, villageCode: string): FormResponse {
  const current = response.answers[VILLAGE_QUESTION]
  if (current !== undefined && current !== null && current !== '') return response
  return { ...response, answers: { ...response.answers, [VILLAGE_QUESTION]: villageCode } }
}

export interface HouseholdQuery {
  villageCode?: string | undefined
  query?: string | undefined
}

/**
 * Households of a village (or all), newest first. Search is accent-free and order-free:
 * every folded token of the query must occur in the household's names, address or phone.
 */
export async function listHouseholds(
  ctx: MainContext,
  filter: HouseholdQuery,
): Promise<HouseholdSummary[]> {
  const rows = await listHouseholdRows(ctx.db, {
    villageCode: filter.villageCode,
    tokens: queryTokens(filter.query ?? ''),
    limit: LIST_LIMIT,
  })
  return rows.map(toSummary)
}

/** One household with the response of its latest revision and, if rejected, the reason. */
export async function getHousehold(ctx: MainContext, id: string): Promise<HouseholdDetail> {
  const row = await findHousehold(ctx.db, id)
  if (!row) throw new NotFoundError('household')
  const revisionRow = await findRevision(ctx.db, row.latest_revision_id)
  if (!revisionRow) throw new Error('household has no stored latest revision')
  const revision = householdRevisionSchema.parse(JSON.parse(revisionRow.payload_json))
  return {
    ...toSummary(row),
    revisionId: revision.id,
    formId: revision.formId,
    formVersion: revision.formVersion,
    response: revision.response,
    rejectReason: row.reject_reason,
  }
}

/** The pilot commune's villages with their household and waiting-to-send counts. */
export async function listVillageSummaries(ctx: MainContext): Promise<VillageSummary[]> {
  const counts = new Map((await countHouseholdsByVillage(ctx.db)).map((c) => [c.villageCode, c]))
  return PILOT_COMMUNE.villages.map((village) => ({
    code: village.code,
    name: village.name,
    households: counts.get(village.code)?.households ?? 0,
    pending: counts.get(village.code)?.pending ?? 0,
  }))
}

function toSummary(row: HouseholdRow): HouseholdSummary {
  return {
    id: row.id,
    villageCode: row.village_code,
    headName: row.head_name,
    address: row.address,
    memberCount: row.member_count,
    visitResult: row.visit_result,
    visitDate: row.visit_date,
    syncState: row.sync_state,
    updatedAt: row.updated_at,
  }
}
