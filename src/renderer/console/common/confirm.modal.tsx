import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAction } from './action.hook'
import { ErrorAlert } from './error.alert'

/**
 * Asks before something that cannot be undone (revoking a device, disabling an account):
 * what will happen, a cancel that is the safe default, and the action in red.
 */
export function ConfirmModal({
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string
  text: string
  confirmLabel: string
  onConfirm: () => Promise<void>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const action = useAction(onConfirm)
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        <Text size="md">{text}</Text>
        {action.failure ? <ErrorAlert failure={action.failure} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('console.common.cancel')}
          </Button>
          <Button color="red" loading={action.pending} onClick={() => void action.run()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
