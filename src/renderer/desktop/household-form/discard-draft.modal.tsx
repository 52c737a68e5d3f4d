import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface DiscardDraftModalProps {
  opened: boolean
  isRevisit: boolean
  busy: boolean
  onDiscard: () => void
  onClose: () => void
}

/** Asks once before throwing a visit in progress away; saved visits are never touched. */
export function DiscardDraftModal({
  opened,
  isRevisit,
  busy,
  onDiscard,
  onClose,
}: DiscardDraftModalProps) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('form.discard.title')} centered>
      <Stack gap="md">
        <Text>{isRevisit ? t('form.discard.revisitHint') : t('form.discard.newHint')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('form.discard.keep')}
          </Button>
          <Button color="red" onClick={onDiscard} loading={busy}>
            {t('form.discard.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
