import { z } from 'zod'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

export const syncStatusSchema = z.object({
  serverUrl: z.string().nullable(),
  pending: z.number().int(),
  sent: z.number().int(),
  rejected: z.number().int(),
  lastSyncAt: z.string().nullable(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const syncReportSchema = z.object({
  batches: z.number().int(),
  sent: z.number().int(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
})
export type SyncReport = z.infer<typeof syncReportSchema>

export const syncCalls = defineContract({
  'sync.status': { input: emptyInput, output: syncStatusSchema },
  'sync.setServerUrl': {
    input: z.object({ serverUrl: z.url({ protocol: /^https?$/ }).max(500) }).strict(),
    output: syncStatusSchema,
  },
  'sync.run': { input: emptyInput, output: syncReportSchema },
})
