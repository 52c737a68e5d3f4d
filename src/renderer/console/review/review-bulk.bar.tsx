import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type BulkReviewResult,
  type ConsoleHousehold,
  MAX_BULK_REVIEW,
  type ReviewDecisionState,
} from '../../../shared/api/http.contract'
import { useConsoleClient } from '../app/console-client.context'
import { ReviewDecisionModal } from './review-decision.modal'
import { REVIEW_COLORS, REVIEW_DECISIONS } from './review-state.badge'

/**
 * The decisions on the selected households of the list (province staff), at most
 * MAX_BULK_REVIEW at once. Each household goes with the change number the list showed, so
 * one changed since is left alone and reported. `onDone` clears the selection and reloads.
 */
export function ReviewBulkBar({
  selected,
  onClear,
  onDone,
}: {
  selected: readonly Pick<ConsoleHousehold, 'id' | 'version'>[]
  onClear: () => void
  onDone: (result: BulkReviewResult) => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [deciding, setDeciding] = useState<ReviewDecisionState | null>(null)
  if (selected.length === 0) return null
  const tooMany = selected.length > MAX_BULK_REVIEW
  const decide = async (state: ReviewDecisionState, comment: string | undefined) => {
    const result = await client.call('reviews.decideMany', {
      state,
      households: selected.map((h) => ({ id: h.id, version: h.version })),
      ...(comment ? { comment } : {}),
    })
    setDeciding(null)
    onDone(result)
  }
  return (
    <Paper withBorder p="sm" radius="md" data-testid="review-bulk">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Text fw={700}>{t('console.review.bulk.selected', { count: selected.length })}</Text>
            <Button variant="subtle" size="compact-md" onClick={onClear}>
              {t('console.review.bulk.clear')}
            </Button>
          </Group>
          <Group gap="sm">
            {REVIEW_DECISIONS.map((state) => (
              <Button
                key={state}
                color={REVIEW_COLORS[state]}
                variant={state === 'approved' ? 'filled' : 'light'}
                disabled={tooMany}
                onClick={() => setDeciding(state)}
              >
                {t(`console.review.actions.${state}`)}
              </Button>
            ))}
          </Group>
        </Group>
        {tooMany ? (
          <Text c="red.8" size="sm">
            {t('console.review.bulk.limit', { count: MAX_BULK_REVIEW })}
          </Text>
        ) : null}
      </Stack>
      {deciding ? (
        <ReviewDecisionModal
          state={deciding}
          count={selected.length}
          onDecide={(comment) => decide(deciding, comment)}
          onClose={() => setDeciding(null)}
        />
      ) : null}
    </Paper>
  )
}

/** What the last bulk decision did, as an alert above the list. */
export function ReviewBulkNotice({ result }: { result: BulkReviewResult }) {
  const { t } = useTranslation()
  const troubled = result.stale.length > 0 || result.missing.length > 0
  return (
    <Alert color={troubled ? 'orange' : 'teal'} variant="light" data-testid="review-bulk-notice">
      <Stack gap={2}>
        <Text>{t('console.review.bulk.done', { count: result.reviewed.length })}</Text>
        {result.stale.length > 0 ? (
          <Text>{t('console.review.bulk.stale', { count: result.stale.length })}</Text>
        ) : null}
        {result.missing.length > 0 ? (
          <Text>{t('console.review.bulk.missing', { count: result.missing.length })}</Text>
        ) : null}
      </Stack>
    </Alert>
  )
}
