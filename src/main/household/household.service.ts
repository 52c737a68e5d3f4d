import type {
  HouseholdDetail,
  HouseholdStatusFilter,
  HouseholdSummary,
  IpcOutput,
  VisitSummary,
} from '../../shared/api/ipc.contract'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { NotFoundError } from '../../shared/result'
import { queryTokens } from '../../shared/text/fold'
import type { MainContext } from '../context'
import { openResponse, openRevision, sealedAt } from '../store/sealed-columns'
import { findRevision } from '../sync/outbox.repository'
import {
  findHousehold,
  householdSyncState,
  type ListedHouseholdRow,
  listHouseholdRows,
} from './household.repository'
import { normalizePersonal } from './personal-data'
import {
  findStateVisit,
  findVisit,
  listVisits,
  type VisitRow,
  type VisitWithEnumerator,
} from './visit.repository'

/** Rows of a list answer when the caller sets no limit; the UI narrows with search. */
const DEFAULT_LIST_LIMIT = 500

export interface HouseholdQuery {
  villageCode?: string | undefined
  query?: string | undefined
  status?: HouseholdStatusFilter | undefined
  limit?: number | undefined
}

/**
 * Households of a village (or all), most recently saved first, filtered by status and by a
 * search. Search is accent-free and order-free: every folded word of the query must start a
 * word of the household's head or member names or address; a query token that is a phone
 * number or a citizen id must be one of the household's (matched by keyed hash).
 */
export async function listHouseholds(
  ctx: MainContext,
  filter: HouseholdQuery,
): Promise<HouseholdSummary[]> {
  const tokens: string[] = []
  const hashes: string[] = []
  for (const token of queryTokens(filter.query ?? '')) {
    const personal = normalizePersonal('phone', token) ?? normalizePersonal('citizen_id', token)
    if (personal && /^\d+$/.test(token))
      hashes.push(ctx.cipher.blindIndex(personal.kind, personal.value))
    else tokens.push(token)
  }
  const rows = await listHouseholdRows(ctx.db, {
    villageCode: filter.villageCode,
    status: filter.status,
    tokens,
    hashes,
    limit: filter.limit ?? DEFAULT_LIST_LIMIT,
  })
  return rows.map((row) => toSummary(row, row.draft_id))
}

/** One household with the response of its latest revision and, if rejected, the reason. */
export async function getHousehold(ctx: MainContext, id: string): Promise<HouseholdDetail> {
  const [row] = await listHouseholdRowById(ctx, id)
  if (!row) throw new NotFoundError('household')
  const revisionRow = await findRevision(ctx.db, row.latest_revision_id)
  if (!revisionRow) throw new Error('household has no stored latest revision')
  const revision = openRevision(ctx.cipher, revisionRow)
  return {
    ...toSummary(row, row.draft_id),
    revisionId: revision.id,
    formId: revision.formId,
    formVersion: revision.formVersion,
    response: revision.response,
  }
}

/** Every saved visit of a household, newest first, naming the team member who made it. */
export async function listHouseholdVisits(
  ctx: MainContext,
  householdId: string,
): Promise<VisitSummary[]> {
  if (!(await findHousehold(ctx.db, householdId))) throw new NotFoundError('household')
  return (await listVisits(ctx.db, householdId)).map(toVisitSummary)
}

/**
 * One saved visit with what it recorded and the household's state before it (the latest
 * earlier full record, else the latest earlier visit; null for the first visit), for
 * showing what changed.
 */
export async function getHouseholdVisit(
  ctx: MainContext,
  visitId: string,
): Promise<IpcOutput<'households.visit'>> {
  const visit = await findVisit(ctx.db, visitId)
  if (!visit) throw new NotFoundError('visit')
  const before = await findStateVisit(ctx.db, visit.household_id, visit.visit_date)
  return {
    visit: toVisitSummary(visit),
    response: openVisitResponse(ctx, visit),
    previous: before ? openVisitResponse(ctx, before) : null,
  }
}

/** The response a visit recorded. */
export function openVisitResponse(ctx: MainContext, visit: VisitRow): FormResponse {
  return openResponse(ctx.cipher, visit.response_json, sealedAt.visitResponse(visit.id))
}

async function listHouseholdRowById(ctx: MainContext, id: string) {
  return ctx.db
    .selectFrom('households as h')
    .leftJoin('drafts as d', 'd.household_id', 'h.id')
    .selectAll('h')
    .select('d.id as draft_id')
    .where('h.id', '=', id)
    .execute()
}

function toSummary(row: ListedHouseholdRow, draftId: string | null): HouseholdSummary {
  return {
    id: row.id,
    villageCode: row.village_code,
    headName: row.head_name,
    address: row.address,
    memberCount: row.member_count,
    visitResult: row.visit_result,
    visitDate: row.visit_date,
    syncState: householdSyncState(row),
    rejectReason: row.reject_reason,
    awaitingSince: row.awaiting_since,
    awaitingVia: row.awaiting_via,
    draftId,
    updatedAt: row.updated_at,
  }
}

function toVisitSummary(row: VisitWithEnumerator): VisitSummary {
  return {
    id: row.id,
    householdId: row.household_id,
    visitDate: row.visit_date,
    visitResult: row.visit_result,
    enumeratorName: row.enumerator_name,
    savedAt: row.updated_at,
    formId: row.form_id,
    formVersion: row.form_version,
  }
}
