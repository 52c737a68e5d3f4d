import { z } from 'zod'
import { exprSchema } from '../forms/expression.schema'
import { localizedTextSchema } from '../forms/localized-text'

/**
 * Who an indicator counts:
 * - `adults`: members aged ≥ adultAge in the visit year, not away, of completed consenting households
 * - `members`: every member of completed consenting households
 * - `households`: completed consenting households
 * - `surveyed`: coverage — households with a completed visit over households registered
 *   (the denominator comes from the village register, not from the answers)
 */
export const INDICATOR_POPULATIONS = ['adults', 'members', 'households', 'surveyed'] as const
export type IndicatorPopulation = (typeof INDICATOR_POPULATIONS)[number]

export const ratioIndicatorSchema = z.strictObject({
  kind: z.literal('ratio'),
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: localizedTextSchema,
  population: z.enum(INDICATOR_POPULATIONS),
  /** Evaluated in the member's row (adults, members) or the household's scope. */
  numerator: exprSchema.optional(),
  /** National target as a share (0.8 = 80%), where one is set. */
  target: z.number().min(0).max(1).optional(),
})

/** Counts of each choice of a select_multiple question over members (e.g. help given). */
export const tallyIndicatorSchema = z.strictObject({
  kind: z.literal('tally'),
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: localizedTextSchema,
  question: z.string(),
})

export const indicatorSchema = z.discriminatedUnion('kind', [
  ratioIndicatorSchema,
  tallyIndicatorSchema,
])
export type IndicatorDefinition = z.infer<typeof indicatorSchema>
export type RatioIndicator = z.infer<typeof ratioIndicatorSchema>
export type TallyIndicator = z.infer<typeof tallyIndicatorSchema>
