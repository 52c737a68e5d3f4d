import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../common/components/language.switch'
import { ChangePasswordModal } from '../auth/change-password.modal'
import { useAction } from '../common/action.hook'
import { consoleErrorMessage } from '../common/console-errors'
import { provinceTitle } from '../common/place-names'
import { useNavigate } from './navigation'
import { useSession } from './session.context'

/** The console's name and province; who is signed in, in what role; password and sign-out. */
export function ConsoleHeader({ onSignOut }: { onSignOut: () => Promise<void> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { user, province } = useSession()
  const [changing, setChanging] = useState(false)
  const signOut = useAction(onSignOut)

  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
      <Group gap="md" wrap="nowrap">
        <Title
          order={2}
          size="h3"
          c="blue.8"
          style={{ cursor: 'pointer', whiteSpace: 'nowrap' }}
          onClick={() => navigate({ page: 'households' })}
        >
          {t('console.name')}
        </Title>
        <Text c="dimmed" size="md" style={{ whiteSpace: 'nowrap' }}>
          {t('console.subtitle')} ·{' '}
          {province ? provinceTitle(province.name, t) : t('console.header.noProvince')}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Stack gap={0} align="flex-end" data-testid="console-user">
          <Text fw={700} size="md" lh={1.3}>
            {user.displayName}
          </Text>
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {user.username}
            </Text>
            <Badge variant="light" radius="sm" size="md">
              {t(`console.roles.${user.role}`)}
            </Badge>
          </Group>
        </Stack>
        <Button variant="subtle" onClick={() => setChanging(true)}>
          {t('console.header.changePassword')}
        </Button>
        <Button
          variant="light"
          loading={signOut.pending}
          onClick={() => void signOut.run()}
          title={signOut.failure ? consoleErrorMessage(signOut.failure, t) : undefined}
          color={signOut.failure ? 'red' : undefined}
        >
          {t('console.header.signOut')}
        </Button>
        <LanguageSwitch />
      </Group>
      <ChangePasswordModal opened={changing} onClose={() => setChanging(false)} />
    </Group>
  )
}
