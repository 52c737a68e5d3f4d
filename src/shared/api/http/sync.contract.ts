import { z } from 'zod'
import { validationIssueSchema } from '../../forms/validation-issue'
import { householdRevisionSchema } from '../../household/household-revision.schema'
import { defineHttp } from './http-call'

/** Largest number of revisions in one batch; keeps a batch small enough for a weak link. */
export const MAX_BATCH_REVISIONS = 500

export const syncBatchSchema = z.strictObject({
  batchId: z.uuid(),
  deviceId: z.uuid(),
  communeCode: z.string().regex(/^\d{5}$/),
  /** Device wall-clock time when the batch was sealed (ISO 8601). */
  sentAt: z.iso.datetime({ offset: true }),
  revisions: z.array(householdRevisionSchema).min(1).max(MAX_BATCH_REVISIONS),
})
export type SyncBatch = z.infer<typeof syncBatchSchema>

export const revisionOutcomeSchema = z.object({
  revisionId: z.uuid(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  /** Reason code when rejected. */
  reason: z.string().optional(),
  issues: z.array(validationIssueSchema).optional(),
})
export type RevisionOutcome = z.infer<typeof revisionOutcomeSchema>

export const syncReceiptSchema = z.object({
  batchId: z.uuid(),
  receivedAt: z.string(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  outcomes: z.array(revisionOutcomeSchema),
})
export type SyncReceipt = z.infer<typeof syncReceiptSchema>

export const syncCalls = defineHttp({
  'sync.uploadBatch': {
    method: 'POST',
    path: '/api/v1/sync/batches',
    // Until device enrolment exists, any client may upload; batches are still validated.
    access: 'public',
    input: syncBatchSchema,
    output: syncReceiptSchema,
  },
})
