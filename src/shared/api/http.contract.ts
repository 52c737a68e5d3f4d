import { z } from 'zod'
import { formResponseSchema } from '../forms/form-response.schema'
import { validationIssueSchema } from '../forms/validation-issue'
import { householdRevisionSchema, isoDateSchema } from '../household/household-revision.schema'
import type { CallSpec } from './contract'

/** A call of the provincial server's HTTP API: the input is built from path params, query and body. */
export interface HttpCallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType>
  extends CallSpec<I, O> {
  method: 'GET' | 'POST'
  /** Fastify-style path; `:name` segments become input fields. */
  path: string
}

function defineHttp<const C extends Record<string, HttpCallSpec>>(contract: C): C {
  return contract
}

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

export const consoleHouseholdSchema = z.object({
  id: z.uuid(),
  communeCode: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  headName: z.string(),
  address: z.string().nullable(),
  memberCount: z.number().int(),
  visitResult: z.string().nullable(),
  visitDate: isoDateSchema,
  deviceId: z.uuid(),
  receivedAt: z.string(),
})
export type ConsoleHousehold = z.infer<typeof consoleHouseholdSchema>

export const consoleMemberSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  fullName: z.string(),
  answers: z.record(z.string(), z.unknown()),
})

export const consoleHouseholdDetailSchema = consoleHouseholdSchema.extend({
  revisionId: z.uuid(),
  formId: z.string(),
  formVersion: z.number().int(),
  response: formResponseSchema,
  members: z.array(consoleMemberSchema),
})
export type ConsoleHouseholdDetail = z.infer<typeof consoleHouseholdDetailSchema>

/**
 * The provincial server's HTTP contract. The server validates every input against it and
 * answers `{ ok: true, data } | { ok: false, error: { code, message } }`; clients validate
 * the data against `output`.
 */
export const httpContract = defineHttp({
  'system.health': {
    method: 'GET',
    path: '/api/v1/health',
    input: z.object({}),
    output: z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) }),
  },
  'sync.uploadBatch': {
    method: 'POST',
    path: '/api/v1/sync/batches',
    input: syncBatchSchema,
    output: syncReceiptSchema,
  },
  'households.list': {
    method: 'GET',
    path: '/api/v1/households',
    input: z.strictObject({
      communeCode: z
        .string()
        .regex(/^\d{5}$/)
        .optional(),
      villageCode: z.string().max(32).optional(),
      q: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number().int(), items: z.array(consoleHouseholdSchema) }),
  },
  'households.get': {
    method: 'GET',
    path: '/api/v1/households/:id',
    input: z.strictObject({ id: z.uuid() }),
    output: consoleHouseholdDetailSchema,
  },
})

export type HttpContract = typeof httpContract
export type HttpCall = keyof HttpContract & string
export type HttpInput<N extends HttpCall> = z.input<HttpContract[N]['input']>
export type HttpOutput<N extends HttpCall> = z.output<HttpContract[N]['output']>
