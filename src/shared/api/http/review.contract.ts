import { z } from 'zod'
import { defineHttp, ROLES } from './http-call'

/** Most households one bulk review decides: a few pages of the list, selected. */
export const MAX_BULK_REVIEW = 200
/** Longest review comment, in characters. */
export const MAX_REVIEW_COMMENT = 1000

/**
 * Where a household stands in review. "received" until staff decide, and again as soon as
 * the household changes after a decision (a newer revision or a merge).
 */
export const reviewStateSchema = z.enum(['received', 'approved', 'has_issues', 'rejected'])
export type ReviewState = z.infer<typeof reviewStateSchema>

/** What staff may decide: "has issues" (cần bổ sung) and "rejected" need a comment. */
export const reviewDecisionSchema = z.enum(['approved', 'has_issues', 'rejected'])
export type ReviewDecisionState = z.infer<typeof reviewDecisionSchema>

/** A decision or a comment in a household's review history. */
export const reviewEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['review', 'comment']),
  /** The decision, for kind 'review'. */
  state: reviewDecisionSchema.nullable(),
  comment: z.string().nullable(),
  authorName: z.string(),
  authorRole: z.string(),
  createdAt: z.string(),
  /** The household's head revision at the time. */
  revisionId: z.string(),
  /** Made on the household as it is now (no change since). */
  current: z.boolean(),
})
export type ReviewEvent = z.infer<typeof reviewEventSchema>

/** A household's review: its state, the decision that set it, and the whole history. */
export const householdReviewSchema = z.object({
  householdId: z.uuid(),
  state: reviewStateSchema,
  /** The household's change number: a decision must name the one it was made on. */
  version: z.number().int(),
  /** The latest decision, whether it still applies (`current`) or the household changed since. */
  decision: z
    .object({
      state: reviewDecisionSchema,
      comment: z.string().nullable(),
      reviewedByName: z.string(),
      reviewedAt: z.string(),
      revisionId: z.string(),
      current: z.boolean(),
    })
    .nullable(),
  /** Decisions and comments, newest first. */
  events: z.array(reviewEventSchema),
})
export type HouseholdReview = z.infer<typeof householdReviewSchema>

const comment = z.string().trim().max(MAX_REVIEW_COMMENT)

/** A decision without a comment is refused for the states that send a record back. */
function commentWhenNeeded(
  input: { state: ReviewDecisionState; comment?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (input.state !== 'approved' && !input.comment) {
    ctx.addIssue({ code: 'custom', path: ['comment'], message: 'a comment is required' })
  }
}

/** One household of a bulk decision, with the change number the reviewer saw. */
export const bulkReviewItemSchema = z.strictObject({
  id: z.uuid(),
  version: z.number().int().min(0),
})

/** What a bulk decision did to each household it named. */
export const bulkReviewResultSchema = z.object({
  /** Decided now. */
  reviewed: z.array(z.uuid()),
  /** Changed since the reviewer saw it: left as it was, to be looked at again. */
  stale: z.array(z.uuid()),
  /** Unknown ids. */
  missing: z.array(z.uuid()),
})
export type BulkReviewResult = z.infer<typeof bulkReviewResultSchema>

const ANY_USER = { roles: ROLES } as const
const PROVINCE_STAFF = { roles: ['province_admin', 'province_staff'] } as const

/**
 * Review of received households. Province staff decide (one household, or a selection in
 * bulk); commune viewers read and comment on their own commune's households only. Every
 * decision and comment is in the audit log.
 */
export const reviewCalls = defineHttp({
  'reviews.get': {
    method: 'GET',
    path: '/api/v1/households/:id/review',
    access: ANY_USER,
    input: z.strictObject({ id: z.uuid() }),
    output: householdReviewSchema,
  },
  'reviews.decide': {
    method: 'POST',
    path: '/api/v1/households/:id/review',
    access: PROVINCE_STAFF,
    input: z
      .strictObject({
        id: z.uuid(),
        state: reviewDecisionSchema,
        /** The household's change number the reviewer looked at (a newer one is refused). */
        version: z.number().int().min(0),
        comment: comment.optional(),
      })
      .superRefine(commentWhenNeeded),
    output: householdReviewSchema,
  },
  'reviews.decideMany': {
    method: 'POST',
    path: '/api/v1/reviews/bulk',
    access: PROVINCE_STAFF,
    input: z
      .strictObject({
        state: reviewDecisionSchema,
        comment: comment.optional(),
        households: z
          .array(bulkReviewItemSchema)
          .min(1)
          .max(MAX_BULK_REVIEW)
          .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
            message: 'each household once',
          }),
      })
      .superRefine(commentWhenNeeded),
    output: bulkReviewResultSchema,
  },
  'reviews.comment': {
    method: 'POST',
    path: '/api/v1/households/:id/review/comments',
    access: ANY_USER,
    input: z.strictObject({ id: z.uuid(), comment: comment.min(1) }),
    output: householdReviewSchema,
  },
})
