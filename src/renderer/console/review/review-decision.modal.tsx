import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_REVIEW_COMMENT, type ReviewDecisionState } from '../../../shared/api/http.contract'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'
import { REVIEW_COLORS } from './review-state.badge'

/**
 * Asks for the note of a decision (required to send a record back or reject it, as the
 * server requires) and makes it. `count` is set for a bulk decision. A failure is shown
 * in place, a household changed meanwhile in review's own words.
 */
export function ReviewDecisionModal({
  state,
  count,
  onDecide,
  onClose,
}: {
  state: ReviewDecisionState
  count?: number
  onDecide: (comment: string | undefined) => Promise<void>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [comment, setComment] = useState('')
  const [missing, setMissing] = useState(false)
  const needed = state !== 'approved'
  const action = useAction(onDecide)
  const submit = () => {
    const text = comment.trim()
    if (needed && text === '') {
      setMissing(true)
      return
    }
    void action.run(text === '' ? undefined : text)
  }
  const title =
    count === undefined
      ? t(`console.review.decideTitle.${state}`)
      : t(`console.review.decideManyTitle.${state}`, { count })
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        <Textarea
          label={needed ? t('console.review.comment') : t('console.review.commentOptional')}
          placeholder={t('console.review.commentPlaceholder')}
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value)
            setMissing(false)
          }}
          error={missing ? t('console.review.commentRequired') : undefined}
          withAsterisk={needed}
          maxLength={MAX_REVIEW_COMMENT}
          autosize
          minRows={3}
          data-autofocus
        />
        {action.failure ? (
          <ErrorAlert
            failure={action.failure}
            overrides={{ review_stale: t('console.review.stale') }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('console.common.cancel')}
          </Button>
          <Button color={REVIEW_COLORS[state]} loading={action.pending} onClick={submit}>
            {t(`console.review.confirm.${state}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
