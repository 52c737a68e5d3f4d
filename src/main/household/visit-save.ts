import type { Kysely } from 'kysely'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { householdFacts, MEMBERS_REPEAT } from '../../shared/household/household-facts'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../../shared/household/household-revision.schema'
import { NotFoundError } from '../../shared/result'
import type { MainContext } from '../context'
import { contributionJson } from '../indicators/indicator-contributions'
import { localPlaces } from '../places/village-catalog'
import { nextHlcStamp } from '../settings/device-clock'
import type { LocalDatabase, LocalSyncState } from '../store/local-database.types'
import { sealedAt } from '../store/sealed-columns'
import { insertRevision } from '../sync/outbox.repository'
import { findHousehold, type HouseholdRow, upsertHousehold } from './household.repository'
import { indexHouseholdText } from './household-search.repository'
import { householdSearchText } from './household-text'
import { listMembers, replaceMembers } from './member.repository'
import { nameKey } from './name-similarity'
import { personalValues } from './personal-data'
import { replacePiiIndex } from './pii-index.repository'
import { findVisitOnDate, upsertVisit } from './visit.repository'
import { isFullRecord } from './visit-kind'

/** A validated visit, ready to store. */
export interface VisitToSave {
  /** Null for a household recorded for the first time. */
  householdId: string | null
  villageCode: string
  visitDate: string
  form: FormDefinition
  /** The cleaned response (validateResponse's output). */
  response: FormResponse
  enumerator: { id: string; name: string } | null
}

export interface SavedVisit {
  householdId: string
  revisionId: string
  visitId: string
}

/**
 * Stores one visit; call inside a transaction (with whatever else must commit with it).
 * Writes: a revision in the outbox (stamped by the device's hybrid logical clock, based on
 * the household's previous revision, naming the team member), the day's visit (a second
 * save the same day replaces it), the household's listed facts and indicator contribution,
 * and, for a full record, its roster and the keyed hashes of its phones and citizen ids.
 * Responses, roster answers and the outbox payload are sealed; nothing personal is clear.
 */
export async function saveVisit(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  visit: VisitToSave,
): Promise<SavedVisit> {
  const existing = visit.householdId ? await findHousehold(trx, visit.householdId) : undefined
  if (visit.householdId && !existing) throw new NotFoundError('household')
  const householdId = existing?.id ?? ctx.newId()
  const revisionId = ctx.newId()
  const sameDay = await findVisitOnDate(trx, householdId, visit.visitDate)
  const visitId = sameDay?.id ?? ctx.newId()
  const savedAt = new Date(ctx.clock.now()).toISOString()
  const facts = householdFacts(visit.response)

  const revision: HouseholdRevision = householdRevisionSchema.parse({
    id: revisionId,
    householdId,
    visitId,
    baseRevisionId: existing?.latest_revision_id ?? null,
    deviceId: ctx.deviceId,
    hlc: await nextHlcStamp(trx, ctx.clock, ctx.deviceId),
    communeCode: (await localPlaces(trx)).commune.code,
    villageCode: facts.villageCode ?? visit.villageCode,
    formId: visit.form.id,
    formVersion: visit.form.version,
    visitDate: visit.visitDate,
    savedAt,
    response: visit.response,
    enumerator: visit.enumerator,
  })

  await storeHouseholdState(trx, ctx, existing, {
    householdId,
    revisionId,
    visitId,
    communeCode: revision.communeCode,
    villageCode: revision.villageCode,
    visitDate: visit.visitDate,
    form: visit.form,
    response: visit.response,
    enumeratorId: visit.enumerator?.id ?? null,
    syncState: 'pending',
    at: savedAt,
  })
  await insertRevision(trx, {
    id: revisionId,
    household_id: householdId,
    visit_id: visitId,
    base_revision_id: revision.baseRevisionId,
    hlc: revision.hlc,
    payload_json: ctx.cipher.sealJson(revision, sealedAt.revisionPayload(revisionId)),
    status: 'pending',
    reason: null,
    batch_id: null,
    created_at: savedAt,
    sent_at: null,
  })
  return { householdId, revisionId, visitId }
}

/** A household's state to store: a local save's, or one pulled from the server. */
export interface HouseholdState {
  householdId: string
  /** The revision this state is: the household's next edit is based on it. */
  revisionId: string
  visitId: string
  communeCode: string
  villageCode: string
  visitDate: string
  form: FormDefinition
  response: FormResponse
  enumeratorId: string | null
  syncState: LocalSyncState
  at: string
}

/**
 * Writes a household's state everywhere a list, search or indicator reads it: the listed
 * facts and indicator contribution, the day's visit (sealed), for a full record the roster
 * (sealed) and the keyed hashes of its phones and citizen ids, and the search index. Both a
 * local save and a pulled change go through here, so they are stored the same way. Call
 * inside a transaction.
 */
export async function storeHouseholdState(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  existing: HouseholdRow | undefined,
  state: HouseholdState,
): Promise<void> {
  const { householdId, visitId, at } = state
  const visit = { form: state.form, visitDate: state.visitDate, response: state.response }
  const facts = householdFacts(state.response)
  const full = isFullRecord(state.response) || !existing
  const sameDay = await findVisitOnDate(trx, householdId, state.visitDate)
  const memberNames = full ? facts.memberNames : await currentMemberNames(trx, householdId)
  const searchText = householdSearchText(facts.headName, memberNames, facts.address)
  await upsertHousehold(trx, {
    id: householdId,
    commune_code: state.communeCode,
    village_code: state.villageCode,
    head_name: facts.headName,
    head_key: nameKey(facts.headName),
    search_text: searchText,
    address: facts.address,
    member_count: full ? facts.memberCount : (existing?.member_count ?? 0),
    visit_result: facts.visitResult,
    visit_date: state.visitDate,
    latest_revision_id: state.revisionId,
    sync_state: state.syncState,
    reject_reason: null,
    ...contribution(existing, visit),
    created_at: existing?.created_at ?? at,
    updated_at: at,
  })
  await upsertVisit(trx, {
    id: visitId,
    household_id: householdId,
    visit_date: state.visitDate,
    form_id: state.form.id,
    form_version: state.form.version,
    response_json: ctx.cipher.sealJson(state.response, sealedAt.visitResponse(visitId)),
    visit_result: facts.visitResult,
    full_record: isFullRecord(state.response) ? 1 : 0,
    enumerator_id: state.enumeratorId,
    created_at: sameDay?.created_at ?? at,
    updated_at: at,
  })
  if (full) await replaceRoster(trx, ctx, householdId, visit)
  await indexHouseholdText(trx, householdId, searchText)
}

/**
 * Indicators use each household's latest completed visit: a completed visit dated on or
 * after the stored one replaces its contribution; any other visit leaves it.
 */
function contribution(
  existing: HouseholdRow | undefined,
  visit: Pick<VisitToSave, 'form' | 'visitDate' | 'response'>,
): Pick<HouseholdRow, 'contribution_json' | 'contribution_date'> {
  const kept = {
    contribution_json: existing?.contribution_json ?? null,
    contribution_date: existing?.contribution_date ?? null,
  }
  if (visit.response.answers.visit_result !== 'completed') return kept
  if (kept.contribution_date !== null && kept.contribution_date > visit.visitDate) return kept
  return {
    contribution_json: contributionJson(visit.form, visit.visitDate, visit.response),
    contribution_date: visit.visitDate,
  }
}

async function replaceRoster(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  householdId: string,
  visit: Pick<VisitToSave, 'form' | 'response'>,
): Promise<void> {
  const rows = visit.response.repeats[MEMBERS_REPEAT] ?? []
  await replaceMembers(
    trx,
    householdId,
    rows.map((row, position) => ({
      id: row.id,
      household_id: householdId,
      position,
      full_name: typeof row.answers.full_name === 'string' ? row.answers.full_name : '',
      answers_json: ctx.cipher.sealJson(row.answers, sealedAt.memberAnswers(row.id)),
    })),
  )
  const hashes = personalValues(visit.form, visit.response).map((p) => ({
    kind: p.kind,
    hmac: ctx.cipher.blindIndex(p.kind, p.value),
  }))
  await replacePiiIndex(trx, householdId, hashes)
}

async function currentMemberNames(
  db: Kysely<LocalDatabase>,
  householdId: string,
): Promise<string[]> {
  return (await listMembers(db, householdId)).map((m) => m.full_name).filter(Boolean)
}
