import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  type ReviewDecisionState,
  type ReviewState,
  reviewStateSchema,
} from '../../../shared/api/http.contract'

/** Every review state, in the order the filters offer them. */
export const REVIEW_STATES: readonly ReviewState[] = reviewStateSchema.options

/** The decisions staff may make, in the order the buttons show them. */
export const REVIEW_DECISIONS: readonly ReviewDecisionState[] = [
  'approved',
  'has_issues',
  'rejected',
]

/** A colour per state: grey waits, green is done, orange goes back to the village, red is refused. */
export const REVIEW_COLORS: Record<ReviewState, string> = {
  received: 'gray',
  approved: 'teal',
  has_issues: 'orange',
  rejected: 'red',
}

/** A household's review state as a coloured badge. */
export function ReviewStateBadge({
  state,
  ...props
}: { state: ReviewState } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useTranslation()
  return (
    <Badge
      color={REVIEW_COLORS[state]}
      variant={state === 'received' ? 'outline' : 'light'}
      radius="sm"
      data-review-state={state}
      {...props}
    >
      {t(`console.review.states.${state}`)}
    </Badge>
  )
}
