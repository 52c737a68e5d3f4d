import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../common/errors/error.messages'
import { formatTimeOfDay } from '../../common/format/date.format'
import type { AutosaveState } from './draft-autosave'

/** The quiet "Đã lưu nháp 10:42:07"; only a failure raises its voice. */
export function AutosaveIndicator({ state }: { state: AutosaveState }) {
  const { t } = useTranslation()
  if (state.kind === 'failed') {
    return (
      <Text size="sm" c="red.8" fw={600} role="alert" data-testid="autosave">
        {t('form.autosave.failed')} {errorMessage(state.code, t)}
      </Text>
    )
  }
  const text =
    state.kind === 'saved'
      ? t('form.autosave.saved', { time: formatTimeOfDay(state.at) })
      : state.kind === 'pending'
        ? t('form.autosave.saving')
        : t('form.autosave.idle')
  return (
    <Text
      size="sm"
      c="dimmed"
      role="status"
      aria-live="polite"
      data-testid="autosave"
      data-state={state.kind}
    >
      {text}
    </Text>
  )
}
