import { Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ShownIssue } from './form-issues'

interface SavedWarningsModalProps {
  warnings: readonly ShownIssue[]
  onBackToList: () => void
  onKeepEditing: () => void
}

/** After a save with warnings: the form is saved; say what is worth a second look. */
export function SavedWarningsModal({
  warnings,
  onBackToList,
  onKeepEditing,
}: SavedWarningsModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={warnings.length > 0}
      onClose={onKeepEditing}
      title={t('form.issues.warningsTitle', { count: warnings.length })}
      size="lg"
      centered
    >
      <Stack gap="md">
        <Text>{t('form.issues.warningsHint')}</Text>
        <List spacing={4}>
          {warnings.map((w) => (
            <List.Item key={`${w.key}:${w.text}`}>
              <Text span fw={600}>
                {w.where}:
              </Text>{' '}
              {w.text}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeepEditing}>
            {t('form.issues.keepEditing')}
          </Button>
          <Button onClick={onBackToList} data-autofocus>
            {t('form.issues.backToList')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
