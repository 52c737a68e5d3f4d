import type { Kysely } from 'kysely'
import {
  type Draft,
  type DraftCursor,
  type DraftSummary,
  draftCursorSchema,
} from '../../shared/api/ipc.contract'
import { vietnamDate } from '../../shared/clock/clock'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { householdFacts } from '../../shared/household/household-facts'
import { NotFoundError } from '../../shared/result'
import type { MainContext } from '../context'
import { currentForm } from '../forms/local-forms'
import { findHousehold } from '../household/household.repository'
import { openVisitResponse } from '../household/household.service'
import { listVisits } from '../household/visit.repository'
import { localVillageCodes, requireVillage } from '../places/village-catalog'
import type { LocalDatabase } from '../store/local-database.types'
import { openResponse, sealedAt } from '../store/sealed-columns'
import { TeamError } from '../team/team.errors'
import { findTeamMember } from '../team/team.repository'
import { currentTeamMemberId } from '../team/team.service'
import {
  type DraftRow,
  deleteDraft,
  findDraft,
  findHouseholdDraft,
  insertDraft,
  listDraftSummaries,
  updateDraft,
} from './draft.repository'
import { newHouseholdResponse, revisitResponse } from './revisit-state'

/**
 * Opens the household's visit in progress if there is one; otherwise starts a visit: a
 * revisit from the household's recorded state (see revisitResponse), or a new household,
 * empty, in `villageCode`. Either way the current team member is named as the enumerator.
 */
export async function startDraft(
  ctx: MainContext,
  input: { householdId?: string | undefined; villageCode: string },
): Promise<Draft> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (input.householdId === undefined) return insertNewHouseholdDraft(trx, ctx, input.villageCode)
    const open = await findHouseholdDraft(trx, input.householdId)
    return open ?? insertRevisitDraft(trx, ctx, input.householdId)
  })
  return openDraft(ctx, row)
}

async function insertNewHouseholdDraft(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  villageCode: string,
): Promise<DraftRow> {
  await requireVillage(trx, villageCode)
  const form = currentForm(ctx.db)
  const repeatIds = form.sections.filter((s) => s.kind === 'repeat').map((s) => s.id)
  return insertStartedDraft(trx, ctx, {
    householdId: null,
    villageCode,
    response: newHouseholdResponse(villageCode, repeatIds),
    previous: null,
  })
}

async function insertRevisitDraft(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  householdId: string,
): Promise<DraftRow> {
  const household = await findHousehold(trx, householdId)
  if (!household) throw new NotFoundError('household')
  const visits = await listVisits(trx, householdId)
  const latest = visits[0]
  const state = visits.find((v) => v.full_record === 1) ?? latest
  if (!latest || !state) throw new Error('a saved household has no visit')
  const stateResponse = openVisitResponse(ctx, state)
  const latestResponse = latest === state ? null : openVisitResponse(ctx, latest)
  return insertStartedDraft(trx, ctx, {
    householdId,
    villageCode: household.village_code,
    response: revisitResponse(stateResponse, latestResponse),
    previous: { response: stateResponse, visitDate: state.visit_date },
  })
}

async function insertStartedDraft(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  start: {
    householdId: string | null
    villageCode: string
    response: FormResponse
    previous: { response: FormResponse; visitDate: string } | null
  },
): Promise<DraftRow> {
  // Every visit starts on the newest form version held; it keeps it until saved.
  const form = currentForm(ctx.db)
  const id = ctx.newId()
  const at = new Date(ctx.clock.now()).toISOString()
  const row: DraftRow = {
    id,
    household_id: start.householdId,
    village_code: start.villageCode,
    visit_date: vietnamDate(ctx.clock.now()),
    enumerator_id: await currentTeamMemberId(trx),
    form_id: form.id,
    form_version: form.version,
    head_name: householdFacts(start.response).headName,
    response: ctx.cipher.sealJson(start.response, sealedAt.draftResponse(id)),
    previous_response: start.previous
      ? ctx.cipher.sealJson(start.previous.response, sealedAt.draftPrevious(id))
      : null,
    previous_visit_date: start.previous?.visitDate ?? null,
    cursor_json: null,
    created_at: at,
    updated_at: at,
  }
  await insertDraft(trx, row)
  return row
}

/** One draft with its (opened) responses. */
export async function getDraft(ctx: MainContext, id: string): Promise<Draft> {
  const row = await findDraft(ctx.db, id)
  if (!row) throw new NotFoundError('draft')
  return openDraft(ctx, row)
}

export interface DraftUpdate {
  id: string
  response: FormResponse
  cursor: DraftCursor | null
  visitDate?: string | undefined
  enumeratorId?: string | null | undefined
}

/**
 * The autosave, called on every answer change: the whole response (sealed) and the cursor
 * in one UPDATE. The village follows the response's village answer when it names one of
 * the commune's villages.
 */
export async function updateDraftAnswers(
  ctx: MainContext,
  input: DraftUpdate,
): Promise<{ updatedAt: string }> {
  if (input.enumeratorId) await requireActiveMember(ctx.db, input.enumeratorId)
  const updatedAt = new Date(ctx.clock.now()).toISOString()
  const village = input.response.answers.village
  const villageCodes = await localVillageCodes(ctx.db)
  const found = await updateDraft(ctx.db, input.id, {
    response: ctx.cipher.sealJson(input.response, sealedAt.draftResponse(input.id)),
    cursor_json: input.cursor === null ? null : JSON.stringify(input.cursor),
    head_name: householdFacts(input.response).headName,
    updated_at: updatedAt,
    ...(typeof village === 'string' && villageCodes.includes(village)
      ? { village_code: village }
      : {}),
    ...(input.visitDate !== undefined ? { visit_date: input.visitDate } : {}),
    ...(input.enumeratorId !== undefined ? { enumerator_id: input.enumeratorId } : {}),
  })
  if (!found) throw new NotFoundError('draft')
  return { updatedAt }
}

/** Throws away a visit in progress. Saved visits are never touched; discarding twice is fine. */
export async function discardDraft(ctx: MainContext, id: string): Promise<Record<string, never>> {
  await deleteDraft(ctx.db, id)
  return {}
}

/** Visits in progress, for "resume where you left off". */
export async function listOpenDrafts(ctx: MainContext): Promise<DraftSummary[]> {
  return (await listDraftSummaries(ctx.db)).map((r) => ({
    id: r.id,
    householdId: r.household_id,
    villageCode: r.village_code,
    headName: r.head_name,
    visitDate: r.visit_date,
    updatedAt: r.updated_at,
  }))
}

/** The draft as the renderer sees it, responses opened. */
export function openDraft(ctx: MainContext, row: DraftRow): Draft {
  const cursor =
    row.cursor_json === null ? null : draftCursorSchema.safeParse(JSON.parse(row.cursor_json))
  return {
    id: row.id,
    householdId: row.household_id,
    villageCode: row.village_code,
    visitDate: row.visit_date,
    enumeratorId: row.enumerator_id,
    formId: row.form_id,
    formVersion: row.form_version,
    response: openResponse(ctx.cipher, row.response, sealedAt.draftResponse(row.id)),
    previous:
      row.previous_response === null
        ? null
        : openResponse(ctx.cipher, row.previous_response, sealedAt.draftPrevious(row.id)),
    previousVisitDate: row.previous_visit_date,
    cursor: cursor?.success ? cursor.data : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

async function requireActiveMember(db: Kysely<LocalDatabase>, id: string): Promise<void> {
  const member = await findTeamMember(db, id)
  if (!member) throw new NotFoundError('team member')
  if (member.active !== 1) throw new TeamError('team_member_inactive', 'team member is deactivated')
}
