import { z } from 'zod'
import { validationIssueSchema } from '../../forms/validation-issue'
import { defineHttp, ROLES } from './http-call'
import { importedRecordSchema, inboxBatchSchema } from './sync.contract'

/** Most revisions one quarantine action takes: a page of the list, selected. */
export const MAX_QUARANTINE_ACTION = 200

const ANY_USER = { roles: ROLES } as const
const PROVINCE_STAFF = { roles: ['province_admin', 'province_staff'] } as const

/** One batch of the inbox with the records it brought (those a previous batch brought are counted only). */
export const inboxBatchDetailSchema = z.object({
  batch: inboxBatchSchema,
  /** Records this batch stored, in batch order: accepted or rejected (a repeat is counted in `batch.duplicate`). */
  records: z.array(importedRecordSchema),
  recordsTotal: z.number().int(),
})
export type InboxBatchDetail = z.infer<typeof inboxBatchDetailSchema>

/** What checking a quarantined revision again decided. */
export const recheckOutcomeSchema = z.object({
  revisionId: z.string(),
  /** 'accepted': taken into its household now; 'rejected': still refused (reason may differ). */
  status: z.enum(['accepted', 'rejected']),
  reason: z.string().nullable(),
  issues: z.array(validationIssueSchema),
})
export type RecheckOutcome = z.infer<typeof recheckOutcomeSchema>

const revisionIds = z
  .array(z.string().min(1).max(64))
  .min(1)
  .max(MAX_QUARANTINE_ACTION)
  .refine((ids) => new Set(ids).size === ids.length, 'each revision once')

/** The batch inbox's detail and the settling of quarantined (rejected) revisions. */
export const inboxCalls = defineHttp({
  'batches.get': {
    method: 'GET',
    path: '/api/v1/batches/:id',
    access: ANY_USER,
    input: z.strictObject({
      id: z.string().min(1).max(64),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    output: inboxBatchDetailSchema,
  },
  'quarantine.recheck': {
    method: 'POST',
    path: '/api/v1/quarantine/recheck',
    access: PROVINCE_STAFF,
    input: z.strictObject({ revisionIds }),
    output: z.object({ outcomes: z.array(recheckOutcomeSchema) }),
  },
  'quarantine.dismiss': {
    method: 'POST',
    path: '/api/v1/quarantine/dismiss',
    access: PROVINCE_STAFF,
    input: z.strictObject({
      revisionIds,
      /** Why it is set aside; required, so the next person knows. */
      note: z.string().trim().min(1).max(500),
    }),
    output: z.object({ dismissed: z.number().int() }),
  },
})
