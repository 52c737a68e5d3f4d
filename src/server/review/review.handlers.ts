import type { HttpHandlers } from '../http/http-handler'
import { commentOnReview, decideReview, decideReviews, getReviewInScope } from './review.service'

/** The console's review calls: read and comment (every role, in scope), decide (province roles). */
export const reviewHandlers = {
  'reviews.get': (ctx, input) => getReviewInScope(ctx, input.id),
  'reviews.decide': (ctx, input) => decideReview(ctx, input),
  'reviews.decideMany': (ctx, input) => decideReviews(ctx, input),
  'reviews.comment': (ctx, input) => commentOnReview(ctx, input),
} satisfies Partial<HttpHandlers>
