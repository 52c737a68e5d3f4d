import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Kbd,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HouseholdSummary, VillageSummary } from '../../../shared/api/ipc.contract'
import type { FormDefinition, Question } from '../../../shared/forms/form-definition.schema'
import type { VillageTab } from '../app/app-route'
import { HouseholdList } from '../households/household-list.view'
import { IndicatorsPanel } from './indicators.panel'
import { VillageProgressBar, VillageStats, VillageSummaryLine } from './village-progress.bar'

interface VillageScreenProps {
  village: VillageSummary
  form: FormDefinition
  visitResultQuestion: Question | undefined
  tab: VillageTab
  dataVersion: number
  /** Said once after a save, above the list. */
  flash: string | null
  starting: boolean
  onDismissFlash: () => void
  onTab: (tab: VillageTab) => void
  onBack: () => void
  onNew: () => void
  onOpen: (household: HouseholdSummary) => void
}

/** One village: its progress, its households (searchable) and its indicators so far. */
export function VillageScreen(props: VillageScreenProps) {
  const { village, tab } = props
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component="button" type="button" onClick={props.onBack} size="md">
          {t('households.breadcrumbVillages')}
        </Anchor>
        <Text size="md">{village.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {village.name}
          </Title>
          <VillageSummaryLine village={village} />
        </Stack>
        <Button
          size="lg"
          onClick={props.onNew}
          loading={props.starting}
          rightSection={
            <Kbd size="xs" aria-hidden="true">
              N
            </Kbd>
          }
        >
          + {t('households.add')}
        </Button>
      </Group>
      {props.flash ? (
        <Alert
          color="green"
          variant="light"
          withCloseButton
          onClose={props.onDismissFlash}
          role="status"
          data-testid="saved-flash"
        >
          {props.flash}
        </Alert>
      ) : null}
      <VillageProgressBar village={village} size="md" />
      <Tabs
        value={tab}
        onChange={(v) => props.onTab(v === 'progress' ? 'progress' : 'households')}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="households" fz="md" fw={600}>
            {t('village.tabHouseholds')}
          </Tabs.Tab>
          <Tabs.Tab value="progress" fz="md" fw={600}>
            {t('village.tabProgress')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="households" pt="md">
          <HouseholdList
            villageCode={village.code}
            visitResultQuestion={props.visitResultQuestion}
            dataVersion={props.dataVersion}
            onOpen={props.onOpen}
            onNew={props.onNew}
          />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <VillageStats village={village} cols={8} />
            </Paper>
            <IndicatorsPanel
              villageCode={village.code}
              form={props.form}
              dataVersion={props.dataVersion}
            />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
