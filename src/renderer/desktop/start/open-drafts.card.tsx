import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DraftSummary } from '../../../shared/api/ipc.contract'
import { formatDateTime } from '../../common/format/date.format'

interface OpenDraftsCardProps {
  drafts: readonly DraftSummary[]
  villageName: (code: string) => string
  onResume: (draft: DraftSummary) => void
}

/** "Tiếp tục phiếu đang làm": visits started and not finished, one click to go back in. */
export function OpenDraftsCard({ drafts, villageName, onResume }: OpenDraftsCardProps) {
  const { t } = useTranslation()
  if (drafts.length === 0) return null
  return (
    <Paper withBorder radius="md" p="lg" bg="blue.0" data-testid="open-drafts">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('start.draftsTitle', { count: drafts.length })}
        </Title>
        {drafts.map((d, index) => {
          const name = d.headName || t('start.unnamedDraft')
          return (
            <Group key={d.id} justify="space-between" wrap="nowrap" className="open-draft">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} truncate="end">
                  {name}
                </Text>
                <Text size="sm" c="dimmed">
                  {villageName(d.villageCode)} ·{' '}
                  {d.householdId ? t('start.revisit') : t('start.newHousehold')} ·{' '}
                  {t('start.updatedAt', { time: formatDateTime(d.updatedAt) })}
                </Text>
              </Stack>
              <Button
                onClick={() => onResume(d)}
                aria-label={t('start.resumeLabel', { name })}
                data-autofocus={index === 0 ? true : undefined}
              >
                {t('start.resume')}
              </Button>
            </Group>
          )
        })}
      </Stack>
    </Paper>
  )
}
