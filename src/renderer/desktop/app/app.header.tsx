import { Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { IpcOutput } from '../../../shared/api/ipc.contract'
import { LanguageSwitch } from '../../common/components/language.switch'
import { SyncControls } from '../sync/sync.controls'
import type { SyncController } from '../sync/sync.hook'

interface AppHeaderProps {
  info: IpcOutput<'app.info'> | null
  sync: SyncController
  onHome: () => void
}

/** App name and place on the left; sync and language on the right. */
export function AppHeader({ info, sync, onHome }: AppHeaderProps) {
  const { t } = useTranslation()
  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
      <Stack gap={0} style={{ cursor: 'pointer' }} onClick={onHome}>
        <Title order={2} size="h3" c="blue.8">
          {t('app.name')}
        </Title>
        {info ? (
          <Text size="sm" c="dimmed">
            {t('app.place', { commune: info.communeName, province: info.provinceName })}
          </Text>
        ) : null}
      </Stack>
      <Group gap="md" wrap="nowrap">
        <SyncControls sync={sync} />
        <LanguageSwitch />
      </Group>
    </Group>
  )
}
