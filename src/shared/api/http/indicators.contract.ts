import { z } from 'zod'
import { indicatorValueSchema } from '../../indicators/indicator-value.schema'
import { defineHttp, ROLES } from './http-call'

/** A calendar month, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

const placeRefSchema = z.object({ code: z.string(), name: z.string() })

/**
 * A place's indicators — the shared indicatorValues over the households counted there
 * (numerator, denominator, value and the national 2025 target of each) — with its
 * registered households (the coverage denominator) and the households counted (those with
 * a completed visit).
 */
export const placeIndicatorsSchema = placeRefSchema.extend({
  registeredHouseholds: z.number().int(),
  surveyedHouseholds: z.number().int(),
  indicators: z.array(indicatorValueSchema),
})
export type PlaceIndicators = z.infer<typeof placeIndicatorsSchema>

/**
 * The ratio indicators as of the end of a month: every household counted with its latest
 * completed visit, if that visit was in this month or before.
 */
export const trendPointSchema = z.object({
  month: monthSchema,
  indicators: z.array(
    z.object({
      id: z.string(),
      numerator: z.number().int(),
      denominator: z.number().int(),
      value: z.number().nullable(),
    }),
  ),
})
export type TrendPoint = z.infer<typeof trendPointSchema>

/** One scope of the dashboard: its totals, the places within it and its monthly trend. */
export const indicatorScopeSchema = z.object({
  level: z.enum(['province', 'commune', 'village']),
  province: placeRefSchema,
  commune: placeRefSchema.nullable(),
  village: placeRefSchema.nullable(),
  totals: placeIndicatorsSchema,
  /** The province's communes, or the commune's villages; none for a village. */
  places: z.array(placeIndicatorsSchema),
  trend: z.array(trendPointSchema),
})
export type IndicatorScope = z.infer<typeof indicatorScopeSchema>

/** Help the team gave on visits (counts per kind of help) and the visits made. */
export const supportFiguresSchema = z.object({
  visits: z.number().int(),
  completedVisits: z.number().int(),
  /** All help given: the sum of the counts. */
  help: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
})
export type SupportFigures = z.infer<typeof supportFiguresSchema>

export const indicatorSupportSchema = z.object({
  /** The support question's choices, in the form's order (the kinds of help). */
  kinds: z.array(z.string()),
  period: z.object({ from: monthSchema.nullable(), to: monthSchema.nullable() }),
  totals: supportFiguresSchema,
  byMonth: z.array(supportFiguresSchema.extend({ month: monthSchema })),
  /** Each commune's team (province), or each village (commune); none for a village. */
  byPlace: z.array(supportFiguresSchema.extend({ code: z.string(), name: z.string() })),
  /** Team members, most help first (at most 30). */
  byMember: z.array(
    supportFiguresSchema.extend({
      id: z.string(),
      name: z.string().nullable(),
      communeCode: z.string().nullable(),
    }),
  ),
  /** Team members in the scope beyond the ones listed. */
  moreMembers: z.number().int(),
})
export type IndicatorSupport = z.infer<typeof indicatorSupportSchema>

const communeCodeSchema = z.string().regex(/^\d{5}$/)
const villageCodeSchema = z.string().min(1).max(32)

/**
 * Province roles see the province and any commune or village; a commune viewer only their
 * own commune and its villages (anything else is refused with 403).
 */
const PROVINCE = { roles: ['province_admin', 'province_staff'] } as const
const READERS = { roles: ROLES }

export const indicatorCalls = defineHttp({
  'indicators.province': {
    method: 'GET',
    path: '/api/v1/indicators/province',
    access: PROVINCE,
    input: z.strictObject({}),
    output: indicatorScopeSchema,
  },
  'indicators.commune': {
    method: 'GET',
    path: '/api/v1/indicators/communes/:communeCode',
    access: READERS,
    input: z.strictObject({ communeCode: communeCodeSchema }),
    output: indicatorScopeSchema,
  },
  'indicators.village': {
    method: 'GET',
    path: '/api/v1/indicators/villages/:villageCode',
    access: READERS,
    input: z.strictObject({ villageCode: villageCodeSchema }),
    output: indicatorScopeSchema,
  },
  'indicators.support': {
    method: 'GET',
    path: '/api/v1/indicators/support',
    access: READERS,
    input: z.strictObject({
      communeCode: communeCodeSchema.optional(),
      villageCode: villageCodeSchema.optional(),
      from: monthSchema.optional(),
      to: monthSchema.optional(),
    }),
    output: indicatorSupportSchema,
  },
})
