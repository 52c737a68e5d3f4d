import { Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DuplicateCandidate } from '../../../shared/api/ipc.contract'
import type { ShownIssue } from './form-issues'

interface FinalizeConfirmModalProps {
  opened: boolean
  warnings: readonly ShownIssue[]
  duplicates: readonly DuplicateCandidate[]
  villageName: (code: string) => string
  saving: boolean
  onSaveAnyway: () => void
  onBack: () => void
  onGoTo: (issue: ShownIssue) => void
  onOpenHousehold: (duplicate: DuplicateCandidate) => void
}

/**
 * Before saving a visit with warnings or a possible duplicate: what is worth a second
 * look, with "Vẫn lưu" (the data is right) and "Quay lại sửa". Nothing is saved yet.
 */
export function FinalizeConfirmModal(props: FinalizeConfirmModalProps) {
  const { opened, warnings, duplicates, saving, onSaveAnyway, onBack } = props
  const { t } = useTranslation()
  const count = warnings.length + duplicates.length
  return (
    <Modal
      opened={opened}
      onClose={onBack}
      title={t('form.confirm.title', { count })}
      size="lg"
      centered
    >
      <Stack gap="md">
        <Text>{t('form.confirm.hint')}</Text>
        {duplicates.length > 0 ? (
          <Stack gap={6} data-testid="duplicates">
            <Title order={3} size="h5">
              {t('form.confirm.duplicatesTitle')}
            </Title>
            {duplicates.map((d) => (
              <Paper key={d.householdId} withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" align="center">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={700}>{d.headName}</Text>
                    <Text size="sm" c="dimmed">
                      {[d.address, props.villageName(d.villageCode)].filter(Boolean).join(' · ')}
                    </Text>
                    <Group gap={6}>
                      {d.reasons.map((r) => (
                        <Badge key={r} color="orange" variant="light" size="sm" radius="sm">
                          {t(`form.confirm.reason.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  <Button variant="default" onClick={() => props.onOpenHousehold(d)}>
                    {t('form.confirm.openHousehold')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : null}
        {warnings.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('form.confirm.warningsTitle')}
            </Title>
            <List spacing={6}>
              {warnings.map((w) => (
                <List.Item key={`${w.key}:${w.text}`}>
                  <Anchor component="button" type="button" fw={600} onClick={() => props.onGoTo(w)}>
                    {w.where}:
                  </Anchor>{' '}
                  {w.text}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onBack} data-autofocus>
            {t('form.confirm.back')}
          </Button>
          <Button color="orange" onClick={onSaveAnyway} loading={saving}>
            {t('form.confirm.saveAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
