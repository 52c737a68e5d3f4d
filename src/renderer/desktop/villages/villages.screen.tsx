import {
  Badge,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VillageSummary } from '../../../shared/api/ipc.contract'

interface VillagesScreenProps {
  villages: readonly VillageSummary[]
  onOpen: (village: VillageSummary) => void
}

/** The commune's villages as large cards: how many households, how many still to send. */
export function VillagesScreen({ villages, onOpen }: VillagesScreenProps) {
  const { t } = useTranslation()
  if (villages.length === 0) {
    return <EmptyState mt="xl" title={t('villages.title')} description={t('villages.empty')} />
  }
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('villages.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {villages.map((village) => (
          <UnstyledButton
            key={village.code}
            onClick={() => onOpen(village)}
            aria-label={village.name}
            data-village={village.code}
          >
            <Paper withBorder radius="md" p="lg" shadow="xs" className="village-card">
              <Stack gap="xs">
                <Text fw={700} size="xl">
                  {village.name}
                </Text>
                <Group gap="sm">
                  <Text c="dimmed" size="md">
                    {t('villages.households', { count: village.households })}
                  </Text>
                  {village.pending > 0 ? (
                    <Badge color="yellow" variant="light" size="lg" radius="sm">
                      {t('villages.pending', { count: village.pending })}
                    </Badge>
                  ) : village.households > 0 ? (
                    <Badge color="green" variant="light" size="lg" radius="sm">
                      {t('villages.noPending')}
                    </Badge>
                  ) : null}
                </Group>
              </Stack>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
