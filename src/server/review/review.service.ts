import type {
  BulkReviewResult,
  HouseholdReview,
  ReviewDecisionState,
} from '../../shared/api/http.contract'
import { newId } from '../../shared/ids/uuid'
import { NotFoundError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import { requireUser } from '../auth/require-role'
import { requireHouseholdAccess } from '../household/household.service'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext, UserCaller } from '../http/request-context'
import {
  appendEvents,
  type ReviewedHousehold,
  readReview,
  reviewedHouseholds,
  saveDecisions,
} from './review.repository'
import type { HouseholdReviewTable, ReviewEventTable } from './review.tables'
import { ReviewStaleError } from './review-errors'

/** A household's review, if the caller may see its commune (404 / 403 as for the household). */
export async function getReviewInScope(ctx: RequestContext, id: string): Promise<HouseholdReview> {
  await requireHouseholdAccess(ctx, id)
  return readReview(ctx.db, id)
}

/**
 * Decides on one household (province roles only: the contract refuses commune viewers).
 * The decision names the change number the reviewer looked at; a household changed since
 * is refused (review_stale) rather than decided unseen. The decision, its history entry
 * and its audit entry are saved in one transaction.
 */
export async function decideReview(
  ctx: RequestContext,
  input: HttpParsedInput<'reviews.decide'>,
): Promise<HouseholdReview> {
  const user = requireUser(ctx)
  const author = await authorOf(ctx, user)
  return ctx.db.transaction().execute(async (trx) => {
    const household = (await reviewedHouseholds(trx, [input.id])).get(input.id)
    if (!household) throw new NotFoundError('household')
    if (household.changeSeq !== input.version) throw new ReviewStaleError()
    const decision = { state: input.state, comment: input.comment ?? null }
    await saveDecisions(trx, [decisionRow(ctx, author, household, decision)])
    await appendEvents(trx, [eventRow(ctx, author, household, 'review', decision)])
    await recordAudit(trx, ctx, reviewAudit(household, input.state, false))
    return readReview(trx, input.id)
  })
}

/**
 * Decides on a selection of households at once (at most MAX_BULK_REVIEW, by the contract).
 * Households changed since the reviewer saw them are left as they were and reported as
 * stale, unknown ids as missing; the others are decided together, each with its history
 * and audit entry, in one transaction.
 */
export async function decideReviews(
  ctx: RequestContext,
  input: HttpParsedInput<'reviews.decideMany'>,
): Promise<BulkReviewResult> {
  const user = requireUser(ctx)
  const author = await authorOf(ctx, user)
  return ctx.db.transaction().execute(async (trx) => {
    const found = await reviewedHouseholds(
      trx,
      input.households.map((item) => item.id),
    )
    const result: BulkReviewResult = { reviewed: [], stale: [], missing: [] }
    const decided: ReviewedHousehold[] = []
    for (const item of input.households) {
      const household = found.get(item.id)
      if (!household) result.missing.push(item.id)
      else if (household.changeSeq !== item.version) result.stale.push(item.id)
      else {
        decided.push(household)
        result.reviewed.push(item.id)
      }
    }
    const decision = { state: input.state, comment: input.comment ?? null }
    await saveDecisions(
      trx,
      decided.map((h) => decisionRow(ctx, author, h, decision)),
    )
    await appendEvents(
      trx,
      decided.map((h) => eventRow(ctx, author, h, 'review', decision)),
    )
    for (const household of decided) {
      await recordAudit(trx, ctx, reviewAudit(household, input.state, true))
    }
    return result
  })
}

/**
 * Adds a comment to a household's review history: any console role, a commune viewer on
 * their own commune's households only. Comments change no state.
 */
export async function commentOnReview(
  ctx: RequestContext,
  input: HttpParsedInput<'reviews.comment'>,
): Promise<HouseholdReview> {
  const user = requireUser(ctx)
  await requireHouseholdAccess(ctx, input.id)
  const author = await authorOf(ctx, user)
  return ctx.db.transaction().execute(async (trx) => {
    const household = (await reviewedHouseholds(trx, [input.id])).get(input.id)
    if (!household) throw new NotFoundError('household')
    await appendEvents(trx, [
      eventRow(ctx, author, household, 'comment', { state: null, comment: input.comment }),
    ])
    // The comment's text may name people: the audit entry records that it was made only.
    await recordAudit(trx, ctx, {
      action: 'review.commented',
      targetType: 'household',
      targetId: household.id,
      communeCode: household.communeCode,
      details: { revisionId: household.revisionId, version: household.changeSeq },
    })
    return readReview(trx, input.id)
  })
}

interface Author {
  id: string
  name: string
  role: string
}

/** The caller as the history names them: their display name at the time. */
async function authorOf(ctx: RequestContext, user: UserCaller): Promise<Author> {
  const row = await ctx.db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', user.userId)
    .executeTakeFirst()
  return { id: user.userId, name: row?.display_name ?? user.username, role: user.role }
}

function now(ctx: RequestContext): string {
  return new Date(ctx.clock.now()).toISOString()
}

function decisionRow(
  ctx: RequestContext,
  author: Author,
  household: ReviewedHousehold,
  decision: { state: ReviewDecisionState; comment: string | null },
): HouseholdReviewTable {
  return {
    household_id: household.id,
    commune_code: household.communeCode,
    state: decision.state,
    revision_id: household.revisionId,
    change_seq: household.changeSeq,
    comment: decision.comment,
    reviewed_by: author.id,
    reviewed_by_name: author.name,
    reviewed_at: now(ctx),
  }
}

function eventRow(
  ctx: RequestContext,
  author: Author,
  household: ReviewedHousehold,
  kind: ReviewEventTable['kind'],
  entry: { state: ReviewDecisionState | null; comment: string | null },
): ReviewEventTable {
  return {
    id: newId(),
    household_id: household.id,
    commune_code: household.communeCode,
    kind,
    state: entry.state,
    revision_id: household.revisionId,
    change_seq: household.changeSeq,
    comment: entry.comment,
    author_id: author.id,
    author_name: author.name,
    author_role: author.role,
    created_at: now(ctx),
  }
}

/** The audit entry of a decision: codes only (the comment may name people). */
function reviewAudit(household: ReviewedHousehold, state: ReviewDecisionState, bulk: boolean) {
  return {
    action: `review.${state}`,
    targetType: 'household',
    targetId: household.id,
    communeCode: household.communeCode,
    details: { revisionId: household.revisionId, version: household.changeSeq, bulk },
  }
}
