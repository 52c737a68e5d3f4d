import { Group, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { IpcOutput } from '../../../shared/api/ipc.contract'
import { SyncControls } from '../sync/sync.controls'
import type { SyncController } from '../sync/sync.hook'
import { SettingsMenu } from './settings.menu'

interface AppHeaderProps {
  info: IpcOutput<'app.info'> | null
  sync: SyncController
  /** Who is recording now, shown so a shared laptop never records under the wrong name. */
  enumeratorName: string | null
  onHome: () => void
  onTeam: () => void
  onServer: () => void
  onEnrolment: () => void
  /** Opens the sync screen (the pending badge, or the settings menu). */
  onSync: () => void
  /** Opens "Dữ liệu và sao lưu" (data folder, backups, diagnostics). */
  onDataCare: () => void
  /** False while the laptop is not enrolled: no place, recorder or sync to show yet. */
  enrolled: boolean
}

/** App name and place on the left; who is recording, sync and settings on the right. */
export function AppHeader({
  info,
  sync,
  enumeratorName,
  onHome,
  onTeam,
  onServer,
  onEnrolment,
  onSync,
  onDataCare,
  enrolled,
}: AppHeaderProps) {
  const { t } = useTranslation()
  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
      <UnstyledButton onClick={onHome} aria-label={t('app.home')}>
        <Stack gap={0}>
          <Title order={2} size="h3" c="blue.8">
            {t('app.name')}
          </Title>
          {info && enrolled ? (
            <Text size="sm" c="dimmed">
              {t('app.place', { commune: info.communeName, province: info.provinceName })}
            </Text>
          ) : null}
        </Stack>
      </UnstyledButton>
      <Group gap="md" wrap="nowrap">
        {enrolled ? (
          <>
            <Text
              size="sm"
              c={enumeratorName ? undefined : 'orange.9'}
              data-testid="current-enumerator"
            >
              {enumeratorName ? t('team.recordingAs', { name: enumeratorName }) : t('team.nobody')}
            </Text>
            <SyncControls sync={sync} onOpen={onSync} />
          </>
        ) : null}
        <SettingsMenu
          onTeam={onTeam}
          onServer={onServer}
          onEnrolment={onEnrolment}
          onExport={() => void sync.exportFile()}
          onSync={onSync}
          onDataCare={onDataCare}
        />
      </Group>
    </Group>
  )
}
