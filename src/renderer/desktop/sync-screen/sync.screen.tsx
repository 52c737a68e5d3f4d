import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type {
  DeviceStatus,
  HouseholdSummary,
  VillageSummary,
} from '../../../shared/api/ipc.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { callMain } from '../api/desktop.client'
import { ReceiptButton } from '../sync/sync.controls'
import type { SyncController } from '../sync/sync.hook'
import { SyncResultNotice } from '../sync/sync-result.notice'
import { RejectedRecordsTable } from './rejected-records.table'
import { SyncOverview } from './sync-overview.panel'
import { VillageSyncTable } from './village-sync.table'

/** The list's own ceiling: more rejected records than this is a problem to fix at the province. */
const REJECTED_LIMIT = 1000

interface SyncScreenProps {
  sync: SyncController
  device: DeviceStatus
  villages: readonly VillageSummary[]
  dataVersion: number
  onBack: () => void
  onOpenVillage: (villageCode: string) => void
  onOpenHousehold: (household: HouseholdSummary) => void
}

/**
 * The commune office's one place for sync: server and enrolment, the last sync and its
 * result, what waits per village, the actions (online sync with its progress, USB file
 * out, receipt in), and the records the province rejected with their reasons.
 */
export function SyncScreen(props: SyncScreenProps) {
  const { sync, device, villages } = props
  const { t } = useTranslation()
  const rejected = useAsyncData(
    () => callMain('households.list', { status: 'rejected', limit: REJECTED_LIMIT }),
    [props.dataVersion],
  )
  const rejectedByVillage = new Map<string, number>()
  for (const h of rejected.state === 'done' ? rejected.data : []) {
    rejectedByVillage.set(h.villageCode, (rejectedByVillage.get(h.villageCode) ?? 0) + 1)
  }
  return (
    <Stack gap="md" data-testid="sync-screen">
      <Breadcrumbs>
        <Anchor component="button" type="button" onClick={props.onBack} size="md">
          {t('households.breadcrumbVillages')}
        </Anchor>
        <Text size="md">{t('syncScreen.title')}</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t('syncScreen.title')}
      </Title>
      <SyncOverview status={sync.status} device={device} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('syncScreen.actionsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('syncScreen.actionsHint')}
          </Text>
          <Group gap="sm">
            <Button
              size="md"
              onClick={() => void sync.run()}
              loading={sync.running}
              disabled={sync.running}
              data-testid="sync-screen-run"
            >
              {t('sync.button')}
            </Button>
            <Button
              size="md"
              variant="default"
              disabled={sync.running}
              onClick={() => void sync.exportFile()}
            >
              {t('settings.exportBatch')}
            </Button>
            <ReceiptButton sync={sync} size="md" />
          </Group>
          <SyncResultNotice sync={sync} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('syncScreen.villagesTitle')}
          </Title>
          <VillageSyncTable
            villages={villages}
            rejectedByVillage={rejectedByVillage}
            onOpenVillage={props.onOpenVillage}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('syncScreen.rejectedTitle')}
          </Title>
          {rejected.state === 'failed' ? (
            <LoadFailedAlert code={rejected.code} onRetry={rejected.reload} />
          ) : rejected.state === 'done' ? (
            <>
              {rejected.data.length > 0 ? (
                <Text size="sm">{t('syncScreen.rejectedHint')}</Text>
              ) : null}
              <RejectedRecordsTable
                rows={rejected.data}
                villages={villages}
                onOpen={props.onOpenHousehold}
              />
            </>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  )
}
