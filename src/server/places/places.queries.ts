import type { HttpOutput } from '../../shared/api/http.contract'
import { foldText, matchesQuery, queryTokens } from '../../shared/text/fold'
import { communeScope, requireCommuneAccess } from '../auth/require-role'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import { communesOf, listProvinces } from './official-units'
import { provinceCommune, provinceCommunes, serverProvince } from './server-province'
import {
  householdsByCommune,
  householdsByVillage,
  toVillage,
  villagesOf,
  villageTotalsByCommune,
} from './village.repository'

/** The 34 provinces with their commune counts, for the first-run province picker. */
export function listOfficialProvinces(): HttpOutput<'places.provinces'> {
  return {
    items: listProvinces().map((p) => ({
      code: p.code,
      name: p.name,
      kind: p.kind,
      communeCount: communesOf(p.code).length,
    })),
  }
}

/**
 * The province's communes with their villages, registered households and households
 * received. A commune viewer gets only their own commune.
 */
export async function listCommunes(
  ctx: RequestContext,
  input: HttpParsedInput<'places.communes'>,
): Promise<HttpOutput<'places.communes'>> {
  const province = await serverProvince(ctx.db)
  const scope = communeScope(ctx)
  const tokens = queryTokens(input.q ?? '')
  const communes = provinceCommunes(province).filter(
    (c) => (scope === null || c.code === scope) && matchesQuery(foldText(c.name), tokens),
  )
  const page = communes.slice(input.offset, input.offset + input.limit)
  const totals = await villageTotalsByCommune(ctx.db)
  const received = await householdsByCommune(ctx.db)
  return {
    province: { code: province.code, name: province.name },
    total: communes.length,
    items: page.map((c) => ({
      code: c.code,
      name: c.name,
      kind: c.kind,
      villageCount: totals.get(c.code)?.villageCount ?? 0,
      registeredHouseholds: totals.get(c.code)?.registeredHouseholds ?? 0,
      householdsReceived: received.get(c.code) ?? 0,
    })),
  }
}

/** A commune's villages, with households received per village; 403 outside a viewer's commune. */
export async function listVillages(
  ctx: RequestContext,
  input: HttpParsedInput<'places.villages'>,
): Promise<HttpOutput<'places.villages'>> {
  requireCommuneAccess(ctx, input.communeCode)
  const commune = provinceCommune(await serverProvince(ctx.db), input.communeCode)
  const tokens = queryTokens(input.q ?? '')
  const rows = (await villagesOf(ctx.db, commune.code)).filter(
    (row) =>
      (input.status === 'all' || row.active === (input.status === 'active' ? 1 : 0)) &&
      matchesQuery(row.name_key, tokens),
  )
  const received = await householdsByVillage(ctx.db, commune.code)
  return {
    commune: { code: commune.code, name: commune.name, kind: commune.kind },
    total: rows.length,
    items: rows.map((row) => toVillage(row, received.get(row.code) ?? 0)),
  }
}
