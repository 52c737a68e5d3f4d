import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConsoleUser, ROLES, type Role } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { useSession } from '../app/session.context'
import { useAction } from '../common/action.hook'
import { useCommunes } from '../common/communes.hook'
import { ConfirmModal } from '../common/confirm.modal'
import { consoleErrorMessage } from '../common/console-errors'
import { formatDay } from '../common/dates'
import { PageHeader } from '../common/page.header'
import { PagedList } from '../common/paged-list'
import { ResetPasswordModal } from './reset-password.modal'
import { UserFormModal } from './user-form.modal'

const PAGE_SIZE = 50
type Status = 'all' | 'active' | 'disabled'
type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: ConsoleUser }
  | { kind: 'reset'; user: ConsoleUser }
  | { kind: 'disable'; user: ConsoleUser }

/** Console users (province admins only): find, create, edit, reset a password, disable. */
export function UsersScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const { user: me } = useSession()
  const communes = useCommunes()
  const [query, setQuery] = useState('')
  const [role, setRole] = useState<Role | null>(null)
  const [commune, setCommune] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>('all')
  const [page, setPage] = useState(1)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [q] = useDebouncedValue(query.trim(), 250)
  const list = useAsyncData(
    () =>
      client.call('users.list', {
        ...(q ? { q } : {}),
        ...(role ? { role } : {}),
        ...(commune ? { communeCode: commune } : {}),
        ...(status === 'all' ? {} : { disabled: status === 'disabled' ? 'true' : 'false' }),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [client, q, role, commune, status, page],
  )
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setPage(1)
    }
  const finished = (message: string) => {
    setDialog(null)
    setNotice(message)
    list.reload()
  }
  const setDisabled = async (user: ConsoleUser, disabled: boolean) => {
    await client.call('users.update', { id: user.id, disabled })
    finished(
      t(disabled ? 'console.users.disabled' : 'console.users.enabled', { name: user.displayName }),
    )
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('console.users.title')}
        actions={
          <Button onClick={() => setDialog({ kind: 'create' })}>{t('console.users.add')}</Button>
        }
      />
      {notice ? (
        <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('console.users.search')}
          placeholder={t('console.users.searchPlaceholder')}
          type="search"
          value={query}
          onChange={(e) => filter(setQuery)(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t('console.users.role')}
          placeholder={t('console.users.allRoles')}
          data={ROLES.map((r) => ({ value: r, label: t(`console.roles.${r}`) }))}
          value={role}
          onChange={(value) => filter(setRole)(value as Role | null)}
          clearable
          w={230}
        />
        <Select
          label={t('console.users.commune')}
          placeholder={t('console.users.allCommunes')}
          data={communes.options}
          value={commune}
          onChange={filter(setCommune)}
          searchable
          clearable
          w={230}
        />
        <Stack gap={4}>
          <Text size="md" fw={500}>
            {t('console.users.status')}
          </Text>
          <SegmentedControl
            value={status}
            onChange={(value) => filter(setStatus)(value as Status)}
            data={(['all', 'active', 'disabled'] as const).map((s) => ({
              value: s,
              label: t(`console.users.statuses.${s}`),
            }))}
          />
        </Stack>
      </Group>
      <PagedList
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        totalLabel={(total) => t('console.users.total', { count: total })}
        empty={{ title: t('console.users.emptyTitle'), description: t('console.users.empty') }}
      >
        {(rows) => (
          <Table striped withTableBorder verticalSpacing="sm" fz="md" data-testid="users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.users.columns.name')}</Table.Th>
                <Table.Th>{t('console.users.columns.role')}</Table.Th>
                <Table.Th>{t('console.users.columns.commune')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  {t('console.users.columns.status')}
                </Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  {t('console.users.columns.createdAt')}
                </Table.Th>
                <Table.Th ta="right">{t('console.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isMe={user.id === me.id}
                  onEdit={() => setDialog({ kind: 'edit', user })}
                  onReset={() => setDialog({ kind: 'reset', user })}
                  onDisable={() => setDialog({ kind: 'disable', user })}
                  onEnable={() => setDisabled(user, false)}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          communes={communes.options}
          onClose={() => setDialog(null)}
          onSaved={(user, created) =>
            finished(
              created
                ? t('console.users.created', { username: user.username })
                : t('console.users.saved', { name: user.displayName }),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} onDone={finished} />
      ) : null}
      {dialog?.kind === 'disable' ? (
        <ConfirmModal
          title={t('console.users.disableTitle', { name: dialog.user.displayName })}
          text={t('console.users.disableHint')}
          confirmLabel={t('console.users.disableConfirm')}
          onConfirm={() => setDisabled(dialog.user, true)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Stack>
  )
}

function UserRow({
  user,
  isMe,
  onEdit,
  onReset,
  onDisable,
  onEnable,
}: {
  user: ConsoleUser
  isMe: boolean
  onEdit: () => void
  onReset: () => void
  onDisable: () => void
  onEnable: () => Promise<void>
}) {
  const { t } = useTranslation()
  const enable = useAction(onEnable)
  return (
    <Table.Tr c={user.disabled ? 'dimmed' : undefined}>
      <Table.Td>
        <Text fw={700}>
          {user.displayName}{' '}
          {isMe ? (
            <Text span c="dimmed" fw={400}>
              {t('console.users.you')}
            </Text>
          ) : null}
        </Text>
        <Text size="sm" c="dimmed">
          {user.username}
        </Text>
      </Table.Td>
      <Table.Td>{t(`console.roles.${user.role}`)}</Table.Td>
      <Table.Td>{user.communeName ?? user.communeCode ?? t('console.common.none')}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={user.disabled ? 'gray' : 'green'}>
          {t(user.disabled ? 'console.users.statuses.disabled' : 'console.users.statuses.active')}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(user.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button
            variant="subtle"
            size="sm"
            onClick={onEdit}
            aria-label={t('console.users.editLabel', { name: user.displayName })}
          >
            {t('console.common.edit')}
          </Button>
          <Button
            variant="subtle"
            size="sm"
            onClick={onReset}
            aria-label={t('console.users.resetLabel', { name: user.displayName })}
          >
            {t('console.users.resetPassword')}
          </Button>
          {user.disabled ? (
            <Button
              variant="subtle"
              size="sm"
              loading={enable.pending}
              aria-label={t('console.users.enableLabel', { name: user.displayName })}
              onClick={() => void enable.run()}
            >
              {t('console.users.enable')}
            </Button>
          ) : isMe ? null : (
            <Button
              variant="subtle"
              size="sm"
              color="red"
              aria-label={t('console.users.disableLabel', { name: user.displayName })}
              onClick={onDisable}
            >
              {t('console.users.disable')}
            </Button>
          )}
        </Group>
        {enable.failure ? (
          <Text size="sm" c="red" ta="right">
            {consoleErrorMessage(enable.failure, t)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  )
}
