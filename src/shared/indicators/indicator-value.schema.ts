import { z } from 'zod'

/** One computed indicator, as it crosses a boundary (see compute-indicators.ts). */
export const indicatorValueSchema = z.object({
  id: z.string(),
  kind: z.enum(['ratio', 'tally']),
  numerator: z.number().int(),
  denominator: z.number().int(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  counts: z.record(z.string(), z.number().int()).optional(),
})
