import { z } from 'zod'
import { indicatorValueSchema } from '../../indicators/indicator-value.schema'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

/**
 * A village with the laptop's progress in it. `registered` (households on the commune's
 * register) is null until the commune's reference data has reached the laptop; then
 * `notVisited` = registered − visited.
 */
export const villageSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  registered: z.number().int().nullable(),
  /** Households recorded on this laptop. */
  households: z.number().int(),
  /** Households by the result of their latest visit. */
  completed: z.number().int(),
  absent: z.number().int(),
  refused: z.number().int(),
  moved: z.number().int(),
  notVisited: z.number().int().nullable(),
  /** Households with a saved change waiting to leave this laptop. */
  pending: z.number().int(),
  /** Households whose change left (uploaded, or exported to a USB file) and awaits a receipt. */
  awaiting: z.number().int(),
  /** Visits in progress (drafts) in this village. */
  drafts: z.number().int(),
})
export type VillageSummary = z.infer<typeof villageSummarySchema>

export const placesCalls = defineContract({
  'places.listVillages': { input: emptyInput, output: z.array(villageSummarySchema) },
  /** The village's indicators so far, from each household's latest completed visit. */
  'places.villageProgress': {
    input: z.object({ villageCode: z.string().min(1).max(32) }).strict(),
    output: z.object({
      village: villageSummarySchema,
      indicators: z.array(indicatorValueSchema),
    }),
  },
})
