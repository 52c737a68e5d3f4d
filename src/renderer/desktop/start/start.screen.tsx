import { Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DraftSummary, VillageSummary } from '../../../shared/api/ipc.contract'
import { TeamPicker, type TeamState } from '../team/team.picker'
import { VillageCards } from '../villages/village-cards.view'
import { OpenDraftsCard } from './open-drafts.card'

interface StartScreenProps {
  drafts: readonly DraftSummary[]
  team: TeamState
  villages: readonly VillageSummary[]
  onResume: (draft: DraftSummary) => void
  onTeamChanged: () => void
  onManageTeam: () => void
  onOpenVillage: (village: VillageSummary) => void
}

/** The start: visits to finish first, who is recording, then the villages and their progress. */
export function StartScreen(props: StartScreenProps) {
  const { t } = useTranslation()
  const villageName = (code: string) => props.villages.find((v) => v.code === code)?.name ?? code
  return (
    <Stack gap="lg">
      <OpenDraftsCard drafts={props.drafts} villageName={villageName} onResume={props.onResume} />
      <TeamPicker team={props.team} onChanged={props.onTeamChanged} onManage={props.onManageTeam} />
      <Title order={1} size="h2">
        {t('villages.title')}
      </Title>
      <VillageCards villages={props.villages} onOpen={props.onOpenVillage} />
    </Stack>
  )
}
