import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'

/** What the last action did, said to the person who pressed it. */
export type QuarantineNotice =
  | { kind: 'rechecked'; total: number; accepted: number; rejected: number }
  | { kind: 'dismissed'; count: number }

/**
 * The actions on the selected quarantined records: check them again (those that pass are
 * taken into their households) or set them aside with a reason. `onDone` clears the
 * selection and reloads the list.
 */
export function QuarantineActions({
  selected,
  onDone,
}: {
  selected: readonly string[]
  onDone: (notice: QuarantineNotice) => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [dismissing, setDismissing] = useState(false)
  const recheck = useAction(async () => {
    const { outcomes } = await client.call('quarantine.recheck', { revisionIds: [...selected] })
    const accepted = outcomes.filter((o) => o.status === 'accepted').length
    onDone({
      kind: 'rechecked',
      total: outcomes.length,
      accepted,
      rejected: outcomes.length - accepted,
    })
  })
  if (selected.length === 0) return null
  return (
    <Paper withBorder p="sm" radius="md" data-testid="quarantine-actions">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>{t('console.inbox.quarantine.selected', { count: selected.length })}</Text>
          <Group gap="sm">
            <Button
              loading={recheck.pending}
              onClick={() => void recheck.run()}
              title={t('console.inbox.quarantine.recheckHint')}
            >
              {t('console.inbox.quarantine.recheck')}
            </Button>
            <Button variant="default" onClick={() => setDismissing(true)}>
              {t('console.inbox.quarantine.dismiss')}
            </Button>
          </Group>
        </Group>
        {recheck.failure ? <ErrorAlert failure={recheck.failure} /> : null}
      </Stack>
      {dismissing ? (
        <DismissModal
          selected={selected}
          onClose={() => setDismissing(false)}
          onDone={(count) => {
            setDismissing(false)
            onDone({ kind: 'dismissed', count })
          }}
        />
      ) : null}
    </Paper>
  )
}

function DismissModal({
  selected,
  onClose,
  onDone,
}: {
  selected: readonly string[]
  onClose: () => void
  onDone: (count: number) => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)
  const action = useAction(async () => {
    const { dismissed } = await client.call('quarantine.dismiss', {
      revisionIds: [...selected],
      note: note.trim(),
    })
    onDone(dismissed)
  })
  const submit = () => {
    if (note.trim() === '') {
      setMissing(true)
      return
    }
    void action.run()
  }
  return (
    <Modal opened onClose={onClose} title={t('console.inbox.quarantine.dismissTitle')} size="lg">
      <Stack gap="md">
        <Text>{t('console.inbox.quarantine.dismissText')}</Text>
        <Textarea
          label={t('console.inbox.quarantine.note')}
          placeholder={t('console.inbox.quarantine.notePlaceholder')}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value)
            setMissing(false)
          }}
          error={missing ? t('console.inbox.quarantine.noteRequired') : undefined}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
        />
        {action.failure ? <ErrorAlert failure={action.failure} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('console.common.cancel')}
          </Button>
          <Button loading={action.pending} onClick={submit}>
            {t('console.inbox.quarantine.confirmDismiss')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** The notice of the last action as an alert. */
export function QuarantineNoticeAlert({ notice }: { notice: QuarantineNotice }) {
  const { t } = useTranslation()
  const text =
    notice.kind === 'rechecked'
      ? t('console.inbox.quarantine.rechecked', notice)
      : t('console.inbox.quarantine.dismissed', { count: notice.count })
  const color = notice.kind === 'rechecked' && notice.accepted > 0 ? 'green' : 'blue'
  return (
    <Alert color={color} variant="light" data-testid="quarantine-notice">
      {text}
    </Alert>
  )
}
