import { EmptyState, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VillageSummary } from '../../../shared/api/ipc.contract'
import { VillageProgressBar, VillageStats } from './village-progress.bar'

interface VillageCardsProps {
  villages: readonly VillageSummary[]
  onOpen: (village: VillageSummary) => void
}

/** The commune's villages as large cards: how far the survey is in each. */
export function VillageCards({ villages, onOpen }: VillageCardsProps) {
  const { t } = useTranslation()
  if (villages.length === 0) {
    return <EmptyState mt="xl" title={t('villages.title')} description={t('villages.empty')} />
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {villages.map((village) => (
        <UnstyledButton
          key={village.code}
          onClick={() => onOpen(village)}
          aria-label={village.name}
          data-village={village.code}
          className="village-card-button"
        >
          <Paper withBorder radius="md" p="md" shadow="xs" className="village-card" h="100%">
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={700} size="xl">
                  {village.name}
                </Text>
                {village.drafts > 0 ? (
                  <Text size="sm" c="blue.8" fw={600}>
                    {t('villages.draftsOpen', { count: village.drafts })}
                  </Text>
                ) : null}
              </Group>
              <VillageProgressBar village={village} />
              <VillageStats village={village} />
            </Stack>
          </Paper>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  )
}
