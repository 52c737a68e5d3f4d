import type { ConsoleHouseholdDetail, HouseholdHistory } from '../../shared/api/http.contract'
import { NotFoundError } from '../../shared/result'
import { communeScope, requireCommuneAccess } from '../auth/require-role'
import type { RequestContext } from '../http/request-context'
import { getHousehold, householdCommune } from './household.repository'
import { householdHistory } from './household-history.repository'
import {
  type HouseholdListQuery,
  type HouseholdPage,
  listHouseholds,
} from './household-list.repository'

/**
 * The households a caller may list. Province roles see the whole province; a commune viewer
 * is limited to their commune, and naming another commune (or a village of another
 * commune) is refused with 403 rather than answered with an empty page.
 */
export function listHouseholdsInScope(
  ctx: RequestContext,
  query: HouseholdListQuery,
): Promise<HouseholdPage> {
  if (query.communeCode) requireCommuneAccess(ctx, query.communeCode)
  const villageCommune = query.villageCode ? communeOfVillageCode(query.villageCode) : null
  if (villageCommune) requireCommuneAccess(ctx, villageCommune)
  // A village names its commune: filtering by both lets the commune's indexes serve.
  const communeCode = communeScope(ctx) ?? query.communeCode ?? villageCommune ?? undefined
  return listHouseholds(ctx.db, ctx.dialect, communeCode ? { ...query, communeCode } : query)
}

/**
 * One household, if the caller may see its commune. An unknown id is a 404 for everyone;
 * another commune's household is a 403 for a commune viewer.
 */
export async function getHouseholdInScope(
  ctx: RequestContext,
  id: string,
): Promise<ConsoleHouseholdDetail> {
  const household = await getHousehold(ctx.db, id)
  requireCommuneAccess(ctx, household.communeCode)
  return household
}

/** Every visit and revision of a household the caller may see (404 / 403 as for the household). */
export async function householdHistoryInScope(
  ctx: RequestContext,
  id: string,
): Promise<HouseholdHistory> {
  await requireHouseholdAccess(ctx, id)
  return householdHistory(ctx.db, id)
}

/**
 * The commune of a household the caller may see: 404 for an unknown id, 403 for a
 * commune viewer asking for another commune's household.
 */
export async function requireHouseholdAccess(ctx: RequestContext, id: string): Promise<string> {
  const communeCode = await householdCommune(ctx.db, id)
  if (communeCode === undefined) throw new NotFoundError('household')
  requireCommuneAccess(ctx, communeCode)
  return communeCode
}

/** Village codes are `<commune code>-<serial>`; null for a code of another shape. */
function communeOfVillageCode(villageCode: string): string | null {
  return /^(\d{5})-\d+$/.exec(villageCode)?.[1] ?? null
}
