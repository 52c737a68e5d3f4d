import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type ConsoleUser,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
} from '../../../shared/api/http.contract'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import type { CommuneOption } from '../common/communes.hook'
import { ErrorAlert } from '../common/error.alert'
import {
  confirmPasswordError,
  displayNameError,
  type FieldErrors,
  hasErrors,
  newPasswordError,
  usernameError,
} from '../common/field-checks'

type Field = 'displayName' | 'username' | 'commune' | 'password' | 'confirm'

/**
 * Creates a user (with a first password) or edits one (name, role, commune). A commune
 * viewer must have a commune; province roles have none.
 */
export function UserFormModal({
  user,
  communes,
  onClose,
  onSaved,
}: {
  /** The user to edit; null to create one. */
  user: ConsoleUser | null
  communes: CommuneOption[]
  onClose: () => void
  onSaved: (user: ConsoleUser, created: boolean) => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [displayName, setDisplayName] = useState(user?.displayName ?? '')
  const [username, setUsername] = useState(user?.username ?? '')
  const [role, setRole] = useState<Role>(user?.role ?? 'province_staff')
  const [commune, setCommune] = useState<string | null>(user?.communeCode ?? null)
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const isViewer = role === 'commune_viewer'

  const save = useAction(async () => {
    const communeCode = isViewer ? commune : null
    const saved = user
      ? await client.call('users.update', {
          id: user.id,
          displayName: displayName.trim(),
          role,
          communeCode,
        })
      : await client.call('users.create', {
          username: username.trim(),
          displayName: displayName.trim(),
          role,
          communeCode,
          password,
        })
    onSaved(saved, user === null)
  })

  const errors: FieldErrors<Field> = {
    displayName: displayNameError(displayName, t),
    username: user ? null : usernameError(username, t),
    commune: isViewer && !commune ? t('console.validation.commune') : null,
    password: user ? null : newPasswordError(password, t),
    confirm: user ? null : confirmPasswordError(password, confirm, t),
  }
  const shown = (field: Field) => (touched ? errors[field] : null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!hasErrors(errors)) void save.run()
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        user
          ? t('console.users.editTitle', { name: user.displayName })
          : t('console.users.createTitle')
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('console.users.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={shown('displayName')}
            data-autofocus
            required
          />
          <TextInput
            label={t('console.users.username')}
            description={user ? undefined : t('console.users.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={shown('username')}
            disabled={user !== null}
            autoComplete="off"
            required
          />
          <Select
            label={t('console.users.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`console.roles.${r}`) }))}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            required
          />
          {isViewer ? (
            <Select
              label={t('console.users.communeFor')}
              description={t('console.users.communeHint')}
              data={communes}
              value={commune}
              onChange={setCommune}
              searchable
              error={shown('commune')}
              required
            />
          ) : null}
          {user ? null : (
            <>
              <PasswordInput
                label={t('console.users.password')}
                description={t('console.users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="new-password"
                error={shown('password')}
                size="md"
                required
              />
              <PasswordInput
                label={t('console.users.confirmPassword')}
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                autoComplete="new-password"
                error={shown('confirm')}
                size="md"
                required
              />
            </>
          )}
          {save.failure ? <ErrorAlert failure={save.failure} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('console.common.cancel')}
            </Button>
            <Button type="submit" loading={save.pending}>
              {user ? t('console.common.save') : t('console.users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
