/** Row types of the review tables (migration 0008-reviews). */

/** A decision on a household; "received" is the absence of a decision that still applies. */
export type ReviewDecision = 'approved' | 'has_issues' | 'rejected'

/**
 * The latest decision on a household. It applies while the household's change sequence
 * number is still `change_seq`; any later change makes the household "received" again.
 */
export interface HouseholdReviewTable {
  household_id: string
  commune_code: string
  state: ReviewDecision
  /** The household's head revision when it was reviewed. */
  revision_id: string
  /** households.change_seq when it was reviewed. */
  change_seq: number
  comment: string | null
  /** User id and display name of the reviewer. */
  reviewed_by: string
  reviewed_by_name: string
  reviewed_at: string
}

/** A review decision or a comment, kept for the household's review history. */
export interface ReviewEventTable {
  id: string
  household_id: string
  commune_code: string
  kind: 'review' | 'comment'
  /** The decision, for kind 'review'. */
  state: ReviewDecision | null
  revision_id: string
  change_seq: number
  comment: string | null
  author_id: string
  author_name: string
  author_role: string
  created_at: string
}
