import { Button, Group, Stack, Text, Textarea, Timeline } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type HouseholdReview,
  MAX_REVIEW_COMMENT,
  type ReviewEvent,
  ROLES,
  type Role,
} from '../../../shared/api/http.contract'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'
import { REVIEW_COLORS } from './review-state.badge'

/**
 * A household's review history — decisions and comments, newest first, each marked when
 * it was about an earlier version of the household — and a box to add a comment (every
 * role; a commune viewer on their own commune's households, which is all they can open).
 */
export function ReviewThread({
  review,
  onChanged,
}: {
  review: HouseholdReview
  onChanged: (review: HouseholdReview) => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [comment, setComment] = useState('')
  const send = useAction(async () => {
    const next = await client.call('reviews.comment', {
      id: review.householdId,
      comment: comment.trim(),
    })
    setComment('')
    onChanged(next)
  })
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Textarea
          label={t('console.review.addComment')}
          placeholder={t('console.review.addCommentPlaceholder')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          maxLength={MAX_REVIEW_COMMENT}
          autosize
          minRows={2}
        />
        {send.failure ? <ErrorAlert failure={send.failure} /> : null}
        <Group justify="flex-end">
          <Button
            onClick={() => void send.run()}
            loading={send.pending}
            disabled={comment.trim() === ''}
          >
            {t('console.review.send')}
          </Button>
        </Group>
      </Stack>
      {review.events.length === 0 ? (
        <Text c="dimmed">{t('console.review.threadEmpty')}</Text>
      ) : (
        <Timeline
          active={review.events.length - 1}
          bulletSize={14}
          lineWidth={2}
          data-testid="review-thread"
        >
          {review.events.map((event) => (
            <Timeline.Item
              key={event.id}
              color={event.state ? REVIEW_COLORS[event.state] : 'blue'}
              title={<EventTitle event={event} />}
            >
              {event.comment ? (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{event.comment}</Text>
              ) : null}
              <Text size="sm" c="dimmed">
                {formatDateTime(event.createdAt)}
                {event.current ? '' : ` · ${t('console.review.eventOld')}`}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  )
}

function EventTitle({ event }: { event: ReviewEvent }) {
  const { t } = useTranslation()
  const what = event.state
    ? t('console.review.eventDecision', { state: t(`console.review.states.${event.state}`) })
    : t('console.review.eventComment')
  const role = isRole(event.authorRole) ? t(`console.roles.${event.authorRole}`) : event.authorRole
  return (
    <Text fw={600}>
      {event.authorName}
      <Text span c="dimmed" fw={400}>
        {` · ${role} · `}
      </Text>
      <Text span fw={400}>
        {what}
      </Text>
    </Text>
  )
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
