import { z } from 'zod'
import { formResponseSchema } from '../../forms/form-response.schema'
import { validationIssueSchema } from '../../forms/validation-issue'
import { isoDateSchema } from '../../household/household-revision.schema'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'
import { duplicateCandidateSchema } from './households.contract'

/** Where the team member was in the form, restored when a draft is reopened. */
export const draftCursorSchema = z
  .object({
    sectionId: z.string().max(64),
    rowId: z.uuid().optional(),
    questionId: z.string().max(64).optional(),
  })
  .strict()
export type DraftCursor = z.infer<typeof draftCursorSchema>

/**
 * A visit in progress. Every answer is written to it as it is entered, so closing or
 * killing the app loses nothing; it becomes a saved visit only through `drafts.finalize`.
 */
export const draftSchema = z.object({
  id: z.uuid(),
  /** Null while recording a household that is not saved yet. */
  householdId: z.uuid().nullable(),
  villageCode: z.string(),
  visitDate: isoDateSchema,
  enumeratorId: z.uuid().nullable(),
  formId: z.string(),
  formVersion: z.number().int(),
  response: formResponseSchema,
  /** The household's latest saved state when this visit started, to show what changed. */
  previous: formResponseSchema.nullable(),
  previousVisitDate: isoDateSchema.nullable(),
  cursor: draftCursorSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Draft = z.infer<typeof draftSchema>

export const draftSummarySchema = z.object({
  id: z.uuid(),
  householdId: z.uuid().nullable(),
  villageCode: z.string(),
  headName: z.string(),
  visitDate: isoDateSchema,
  updatedAt: z.string(),
})
export type DraftSummary = z.infer<typeof draftSummarySchema>

export const finalizeOutputSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    householdId: z.uuid(),
    revisionId: z.uuid(),
    warnings: z.array(validationIssueSchema),
  }),
  /** Nothing was saved: errors block. */
  z.object({ status: z.literal('invalid'), issues: z.array(validationIssueSchema) }),
  /** Nothing was saved yet: warnings or possible duplicates wait for confirmation. */
  z.object({
    status: z.literal('needs_confirmation'),
    warnings: z.array(validationIssueSchema),
    duplicates: z.array(duplicateCandidateSchema),
  }),
])
export type FinalizeOutput = z.infer<typeof finalizeOutputSchema>

export const draftsCalls = defineContract({
  'drafts.listOpen': { input: emptyInput, output: z.array(draftSummarySchema) },
  /**
   * Opens the household's visit in progress, or starts one from its latest saved state
   * (a revisit); without householdId, starts recording a new household in the village.
   */
  'drafts.start': {
    input: z
      .object({ householdId: z.uuid().optional(), villageCode: z.string().min(1).max(32) })
      .strict(),
    output: draftSchema,
  },
  'drafts.get': { input: z.object({ id: z.uuid() }).strict(), output: draftSchema },
  /** Autosave: called as answers change. */
  'drafts.update': {
    input: z
      .object({
        id: z.uuid(),
        response: formResponseSchema,
        cursor: draftCursorSchema.nullable(),
        visitDate: isoDateSchema.optional(),
        enumeratorId: z.uuid().nullable().optional(),
      })
      .strict(),
    output: z.object({ updatedAt: z.string() }),
  },
  'drafts.finalize': {
    input: z.object({ id: z.uuid(), confirmWarnings: z.boolean() }).strict(),
    output: finalizeOutputSchema,
  },
  'drafts.discard': { input: z.object({ id: z.uuid() }).strict(), output: z.object({}) },
})
