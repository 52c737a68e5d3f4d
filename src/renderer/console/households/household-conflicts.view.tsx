import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Conflict, ConsoleHouseholdDetail } from '../../../shared/api/http.contract'
import { RouteLink } from '../app/navigation'
import { useDevices } from '../batches/devices.hook'
import { ConflictCard } from '../conflicts/conflict.card'

/**
 * The household's open conflicts, read-only here: the value in use and the other side with
 * their laptops. They are settled on the conflicts page, which this links to.
 */
export function HouseholdConflictsView({
  conflicts,
  household,
}: {
  conflicts: readonly Conflict[]
  household: ConsoleHouseholdDetail
}) {
  const { t } = useTranslation()
  const devices = useDevices()
  const context = {
    villageName: household.villageName,
    villageCode: household.villageCode,
    members: household.members,
  }
  return (
    <Stack gap="md" data-testid="household-conflicts">
      <Text>{t('console.records.detail.conflictsIntro')}</Text>
      <RouteLink to={{ page: 'conflicts' }} w="fit-content">
        {t('console.records.detail.openConflicts')}
      </RouteLink>
      {conflicts.map((conflict) => (
        <ConflictCard
          key={conflict.id}
          conflict={conflict}
          household={context}
          deviceName={devices.nameOf}
          canResolve={false}
          onChoose={() => {}}
        />
      ))}
    </Stack>
  )
}
