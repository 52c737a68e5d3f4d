import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conflict } from '../../../shared/api/http/sync.contract'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'

/** Which value a person picked, and the words to confirm it with. */
export interface ResolveChoice {
  conflict: Conflict
  choose: 'winner' | 'loser'
  question: string
  household: string
  value: string
}

/**
 * Asks before settling a conflict: what will be kept, an optional comment for the audit
 * trail, and the confirm. Choosing the other value writes a server revision.
 */
export function ResolveConflictModal({
  choice,
  onResolved,
  onClose,
}: {
  choice: ResolveChoice
  onResolved: (conflict: Conflict) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [comment, setComment] = useState('')
  const action = useAction(async () => {
    const resolved = await client.call('conflicts.resolve', {
      id: choice.conflict.id,
      choose: choice.choose,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    })
    onResolved(resolved)
  })
  const words = { question: choice.question, household: choice.household, value: choice.value }
  return (
    <Modal opened onClose={onClose} title={t('console.conflicts.confirmTitle')} size="lg">
      <Stack gap="md">
        <Text size="md">
          {choice.choose === 'winner'
            ? t('console.conflicts.confirmWinner', words)
            : t('console.conflicts.confirmLoser', words)}
        </Text>
        <Textarea
          label={t('console.conflicts.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        {action.failure ? <ErrorAlert failure={action.failure} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('console.common.cancel')}
          </Button>
          <Button loading={action.pending} onClick={() => void action.run()}>
            {t('console.conflicts.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
