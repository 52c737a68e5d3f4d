import { Button, Group, Kbd, Paper } from '@mantine/core'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'

interface DraftActionsBarProps {
  /** Something is running: leaving and discarding wait for it. */
  busy: boolean
  finalizing: boolean
  finalizeRef: Ref<HTMLButtonElement>
  onLeave: () => void
  onDiscard: () => void
  onFinalize: () => void
}

/**
 * The bar that stays at the bottom of the form: back to the list (the draft is kept),
 * discard, and the one primary action, "Hoàn tất phiếu".
 */
export function DraftActionsBar(props: DraftActionsBarProps) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" radius="md" shadow="md" pos="sticky" bottom={12} style={{ zIndex: 5 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" onClick={props.onLeave} disabled={props.busy}>
            {t('form.leave')}
          </Button>
          <Button variant="subtle" color="red" onClick={props.onDiscard} disabled={props.busy}>
            {t('form.discard.button')}
          </Button>
        </Group>
        <Button
          ref={props.finalizeRef}
          size="lg"
          miw={220}
          onClick={props.onFinalize}
          loading={props.finalizing}
          rightSection={
            <Kbd size="xs" aria-hidden="true">
              Ctrl+Enter
            </Kbd>
          }
        >
          {t('form.finalize')}
        </Button>
      </Group>
    </Paper>
  )
}
