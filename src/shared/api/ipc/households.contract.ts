import { z } from 'zod'
import { formResponseSchema } from '../../forms/form-response.schema'
import { isoDateSchema } from '../../household/household-revision.schema'
import { defineContract } from '../contract'

/**
 * Where a household's latest revision stands with the server:
 * pending (saved here, waiting to be sent) · awaiting (it left in a sealed batch, uploaded
 * without a verified answer yet or exported to a USB file; a receipt marks it sent) ·
 * sent (a verified receipt says the server stored it) ·
 * rejected (the server refused it; the reason is kept and shown).
 */
export const syncStateSchema = z.enum(['pending', 'awaiting', 'sent', 'rejected'])
export type SyncState = z.infer<typeof syncStateSchema>

/** List filter: a latest visit result, or a sync state. */
export const householdStatusFilterSchema = z.enum([
  'completed',
  'absent',
  'refused',
  'moved',
  'pending',
  'awaiting',
  'rejected',
  'draft',
])
export type HouseholdStatusFilter = z.infer<typeof householdStatusFilterSchema>

export const householdSummarySchema = z.object({
  id: z.uuid(),
  villageCode: z.string(),
  headName: z.string(),
  address: z.string().nullable(),
  memberCount: z.number().int(),
  visitResult: z.string().nullable(),
  visitDate: isoDateSchema,
  syncState: syncStateSchema,
  rejectReason: z.string().nullable(),
  /** While awaiting a receipt: when the record left, and how (null in every other state). */
  awaitingSince: z.string().nullable(),
  awaitingVia: z.enum(['upload', 'export']).nullable(),
  /** A visit to this household is in progress (an open draft). */
  draftId: z.uuid().nullable(),
  updatedAt: z.string(),
})
export type HouseholdSummary = z.infer<typeof householdSummarySchema>

export const householdDetailSchema = householdSummarySchema.extend({
  revisionId: z.uuid(),
  formId: z.string(),
  formVersion: z.number().int(),
  response: formResponseSchema,
})
export type HouseholdDetail = z.infer<typeof householdDetailSchema>

export const visitSummarySchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  visitDate: isoDateSchema,
  visitResult: z.string().nullable(),
  enumeratorName: z.string().nullable(),
  savedAt: z.string(),
  /** The form version the visit was recorded on: it is shown with that version. */
  formId: z.string(),
  formVersion: z.number().int().positive(),
})
export type VisitSummary = z.infer<typeof visitSummarySchema>

export const duplicateCandidateSchema = z.object({
  householdId: z.uuid(),
  headName: z.string(),
  villageCode: z.string(),
  address: z.string().nullable(),
  reasons: z.array(z.enum(['citizen_id', 'similar_name'])),
})
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>

export const householdsCalls = defineContract({
  'households.list': {
    input: z
      .object({
        villageCode: z.string().max(32).optional(),
        query: z.string().max(200).optional(),
        status: householdStatusFilterSchema.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.array(householdSummarySchema),
  },
  'households.get': {
    input: z.object({ id: z.uuid() }).strict(),
    output: householdDetailSchema,
  },
  /** Every saved visit of a household, newest first. */
  'households.visits': {
    input: z.object({ householdId: z.uuid() }).strict(),
    output: z.array(visitSummarySchema),
  },
  /** One saved visit, with the household's state before it (null for the first visit). */
  'households.visit': {
    input: z.object({ visitId: z.uuid() }).strict(),
    output: z.object({
      visit: visitSummarySchema,
      response: formResponseSchema,
      previous: formResponseSchema.nullable(),
    }),
  },
  /** Households that may be the same as the one being recorded. */
  'households.findDuplicates': {
    input: z
      .object({
        villageCode: z.string().min(1).max(32),
        headName: z.string().max(100).optional(),
        citizenIds: z.array(z.string().max(20)).max(60).optional(),
        excludeHouseholdId: z.uuid().optional(),
      })
      .strict(),
    output: z.array(duplicateCandidateSchema),
  },
})
