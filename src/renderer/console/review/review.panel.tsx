import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HouseholdReview, ReviewDecisionState } from '../../../shared/api/http.contract'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { failureOf } from '../common/console-errors'
import { ReviewDecisionModal } from './review-decision.modal'
import { REVIEW_DECISIONS, ReviewStateBadge } from './review-state.badge'

/**
 * Where a household stands in review, the decision that set it (or that a later change
 * undid), and for province staff the three decisions. A decision names the household's
 * change number; when the household changed meanwhile the server refuses it and
 * `onStale` reloads the page's data.
 */
export function ReviewPanel({
  review,
  onChanged,
  onStale,
}: {
  review: HouseholdReview
  onChanged: (review: HouseholdReview) => void
  onStale: () => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const { user } = useSession()
  const canDecide = mayCall(user.role, 'reviews.decide')
  const [deciding, setDeciding] = useState<ReviewDecisionState | null>(null)
  const decision = review.decision
  const decide = async (state: ReviewDecisionState, comment: string | undefined) => {
    try {
      const next = await client.call('reviews.decide', {
        id: review.householdId,
        state,
        version: review.version,
        ...(comment ? { comment } : {}),
      })
      setDeciding(null)
      onChanged(next)
    } catch (error) {
      if (failureOf(error).code === 'review_stale') onStale()
      throw error
    }
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="review-panel">
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm">
            <Text fw={700}>{t('console.review.title')}</Text>
            <ReviewStateBadge state={review.state} size="lg" />
          </Group>
          {decision?.current ? (
            <Text size="sm" c="dimmed">
              {t('console.review.decidedBy', {
                name: decision.reviewedByName,
                time: formatDateTime(decision.reviewedAt),
              })}
              {decision.comment ? ` — ${decision.comment}` : ''}
            </Text>
          ) : null}
          {decision && !decision.current ? (
            <Text size="sm" c="orange.9">
              {t('console.review.changedSince', {
                state: t(`console.review.states.${decision.state}`),
                name: decision.reviewedByName,
                time: formatDateTime(decision.reviewedAt),
              })}
            </Text>
          ) : null}
          {canDecide ? null : (
            <Text size="sm" c="dimmed">
              {t('console.review.viewerNote')}
            </Text>
          )}
        </Stack>
        {canDecide ? (
          <Group gap="sm">
            {REVIEW_DECISIONS.map((state) => (
              <Button
                key={state}
                variant={state === 'approved' ? 'filled' : 'light'}
                color={state === 'approved' ? 'teal' : state === 'has_issues' ? 'orange' : 'red'}
                onClick={() => setDeciding(state)}
                disabled={review.state === state}
              >
                {t(`console.review.actions.${state}`)}
              </Button>
            ))}
          </Group>
        ) : null}
      </Group>
      {deciding ? (
        <ReviewDecisionModal
          state={deciding}
          onDecide={(comment) => decide(deciding, comment)}
          onClose={() => setDeciding(null)}
        />
      ) : null}
    </Paper>
  )
}
