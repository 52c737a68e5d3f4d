import type { ConsoleHousehold, ConsoleHouseholdDetail } from '../../shared/api/http.contract'
import { communeScope, requireCommuneAccess } from '../auth/require-role'
import type { RequestContext } from '../http/request-context'
import { getHousehold, type HouseholdListQuery, listHouseholds } from './household.repository'

/**
 * The households a caller may list. Province roles see the whole province; a commune viewer
 * is limited to their commune, and naming another commune (or a village of another
 * commune) is refused with 403 rather than answered with an empty page.
 */
export function listHouseholdsInScope(
  ctx: RequestContext,
  query: HouseholdListQuery,
): Promise<{ total: number; items: ConsoleHousehold[] }> {
  if (query.communeCode) requireCommuneAccess(ctx, query.communeCode)
  const villageCommune = query.villageCode ? communeOfVillageCode(query.villageCode) : null
  if (villageCommune) requireCommuneAccess(ctx, villageCommune)
  const scope = communeScope(ctx)
  return listHouseholds(ctx.db, scope ? { ...query, communeCode: scope } : query)
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

/** Village codes are `<commune code>-<serial>`; null for a code of another shape. */
function communeOfVillageCode(villageCode: string): string | null {
  return /^(\d{5})-\d+$/.exec(villageCode)?.[1] ?? null
}
