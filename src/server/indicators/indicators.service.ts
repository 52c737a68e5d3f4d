import type { IndicatorScope, PlaceIndicators } from '../../shared/api/http.contract'
import { indicatorValues } from '../../shared/indicators/compute-indicators'
import { findVillage as findPilotVillage, PILOT_COMMUNE } from '../../shared/places/pilot-places'
import { requireCommuneAccess } from '../auth/require-role'
import type { RequestContext } from '../http/request-context'
import { findCommune } from '../places/official-units'
import { UnknownVillageError } from '../places/places.errors'
import { provinceCommune, provinceCommunes, serverProvince } from '../places/server-province'
import { serverIndicators } from './indicator-changes'
import { type Parts, partsContribution } from './indicator-parts'
import {
  monthsOfPlace,
  type PartsByKey,
  registeredByVillage,
  totalsByPlace,
} from './indicators.repository'

/**
 * The dashboard's scopes: the province with its communes, a commune with its villages, a
 * village — each from the summed rows ingest keeps (indicators.repository), turned into
 * values by the shared indicatorValues, as the desktop turns its village's sums. Commune
 * viewers reach only their commune and its villages.
 */

/** The province: totals, each commune (with data or registered villages) and the trend. */
export async function provinceIndicators(ctx: RequestContext): Promise<IndicatorScope> {
  const province = await serverProvince(ctx.db)
  const [totals, communes, trend, register] = await Promise.all([
    totalsByPlace(ctx.db, { level: 'province' }),
    totalsByPlace(ctx.db, { level: 'commune' }),
    monthsOfPlace(ctx.db, 'province', ''),
    registeredByVillage(ctx.db),
  ])
  const registered = new Map<string, number>()
  for (const village of register.values()) {
    registered.set(
      village.communeCode,
      (registered.get(village.communeCode) ?? 0) + village.registered,
    )
  }
  const listed = provinceCommunes(province).filter(
    (c) => communes.has(c.code) || registered.has(c.code),
  )
  const codes = new Set(listed.map((c) => c.code))
  // Data of a commune outside the official list (none expected) is still shown, by code.
  const others = [...communes.keys()].filter((code) => !codes.has(code))
  const places = [
    ...listed.map((c) => figures(c.code, c.name, communes.get(c.code), registered.get(c.code))),
    ...others.map((code) =>
      figures(code, findCommune(code)?.name ?? code, communes.get(code), registered.get(code)),
    ),
  ]
  const provinceRegistered = [...registered.values()].reduce((a, b) => a + b, 0)
  return {
    level: 'province',
    province: { code: province.code, name: province.name },
    commune: null,
    village: null,
    totals: figures(province.code, province.name, totals.get(''), provinceRegistered),
    places,
    trend: trendOf(trend, provinceRegistered),
  }
}

/** A commune: totals, each of its villages and the trend; 403 outside a viewer's commune. */
export async function communeIndicators(
  ctx: RequestContext,
  communeCode: string,
): Promise<IndicatorScope> {
  requireCommuneAccess(ctx, communeCode)
  const province = await serverProvince(ctx.db)
  const commune = provinceCommune(province, communeCode)
  const [totals, villages, trend, register] = await Promise.all([
    totalsByPlace(ctx.db, { level: 'commune', communeCode }),
    totalsByPlace(ctx.db, { level: 'village', communeCode }),
    monthsOfPlace(ctx.db, 'commune', communeCode),
    registeredByVillage(ctx.db, communeCode),
  ])
  const codes = [...register.keys(), ...[...villages.keys()].filter((c) => !register.has(c))]
  const places = codes
    .filter((code) => villages.has(code) || (register.get(code)?.registered ?? 0) > 0)
    .map((code) =>
      figures(
        code,
        villageName(code, communeCode, register.get(code)?.name),
        villages.get(code),
        register.get(code)?.registered ?? 0,
      ),
    )
  const registered = [...register.values()].reduce((a, v) => a + v.registered, 0)
  return {
    level: 'commune',
    province: { code: province.code, name: province.name },
    commune: { code: commune.code, name: commune.name },
    village: null,
    totals: figures(commune.code, commune.name, totals.get(communeCode), registered),
    places,
    trend: trendOf(trend, registered),
  }
}

/** A village: totals and trend; 404 for a village nobody knows, 403 outside a viewer's commune. */
export async function villageIndicators(
  ctx: RequestContext,
  villageCode: string,
): Promise<IndicatorScope> {
  const communeCode = await communeOfVillage(ctx, villageCode)
  requireCommuneAccess(ctx, communeCode)
  const province = await serverProvince(ctx.db)
  const commune = provinceCommune(province, communeCode)
  const [villages, trend, register] = await Promise.all([
    totalsByPlace(ctx.db, { level: 'village', communeCode }),
    monthsOfPlace(ctx.db, 'village', villageCode),
    registeredByVillage(ctx.db, communeCode),
  ])
  const listed = register.get(villageCode)
  const name = villageName(villageCode, communeCode, listed?.name)
  const registered = listed?.registered ?? 0
  return {
    level: 'village',
    province: { code: province.code, name: province.name },
    commune: { code: commune.code, name: commune.name },
    village: { code: villageCode, name },
    totals: figures(villageCode, name, villages.get(villageCode), registered),
    places: [],
    trend: trendOf(trend, registered),
  }
}

/**
 * The commune a village belongs to: the province's list, else a village with counted
 * households or of the built-in pilot list, named `<commune>-<serial>`.
 */
export async function communeOfVillage(ctx: RequestContext, villageCode: string): Promise<string> {
  const listed = await ctx.db
    .selectFrom('villages')
    .select('commune_code')
    .where('code', '=', villageCode)
    .executeTakeFirst()
  if (listed) return listed.commune_code
  const counted = await ctx.db
    .selectFrom('indicator_sums')
    .select('commune_code')
    .where('level', '=', 'village')
    .where('place', '=', villageCode)
    .limit(1)
    .executeTakeFirst()
  if (counted) return counted.commune_code
  if (findPilotVillage(villageCode)) return PILOT_COMMUNE.code
  throw new UnknownVillageError(villageCode)
}

/** A village's name: the province's list, the pilot list for the pilot commune, else its code. */
export function villageName(code: string, communeCode: string, listed: string | undefined): string {
  if (listed) return listed
  if (communeCode === PILOT_COMMUNE.code) return findPilotVillage(code)?.name ?? code
  return code
}

function figures(
  code: string,
  name: string,
  parts: Parts | undefined,
  registered: number | undefined,
): PlaceIndicators {
  const indicators = indicatorValues(
    serverIndicators,
    partsContribution(serverIndicators, parts ?? {}),
    registered ?? 0,
  )
  return {
    code,
    name,
    registeredHouseholds: registered ?? 0,
    surveyedHouseholds: surveyed(parts ?? {}),
    indicators,
  }
}

/** Households with a completed visit: the numerator of the `surveyed` indicator. */
function surveyed(parts: Parts): number {
  const coverage = serverIndicators.find((i) => i.kind === 'ratio' && i.population === 'surveyed')
  return coverage ? (parts[`n:${coverage.id}`] ?? 0) : 0
}

/**
 * The ratio indicators as of the end of each month from the first with data to the last:
 * the months' sums added up, so each household counts from the month of its latest
 * completed visit. Coverage is over today's register.
 */
function trendOf(months: PartsByKey, registered: number): IndicatorScope['trend'] {
  const keys = [...months.keys()].sort()
  const first = keys[0]
  const last = keys.at(-1)
  if (!first || !last) return []
  const running: Parts = {}
  const points: IndicatorScope['trend'] = []
  for (let month = first; month <= last; month = nextMonth(month)) {
    for (const [part, n] of Object.entries(months.get(month) ?? {})) {
      running[part] = (running[part] ?? 0) + n
    }
    const values = indicatorValues(
      serverIndicators,
      partsContribution(serverIndicators, running),
      registered,
    )
    points.push({
      month,
      indicators: values
        .filter((v) => v.kind === 'ratio')
        .map(({ id, numerator, denominator, value }) => ({ id, numerator, denominator, value })),
    })
  }
  return points
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}
