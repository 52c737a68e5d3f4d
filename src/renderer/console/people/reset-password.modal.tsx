import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConsoleUser, PASSWORD_MIN_LENGTH } from '../../../shared/api/http.contract'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'
import { confirmPasswordError, hasErrors, newPasswordError } from '../common/field-checks'

/** Sets a new password for a user; their sessions end. */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: ConsoleUser
  onClose: () => void
  onDone: (message: string) => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const reset = useAction(async () => {
    const answer = await client.call('users.resetPassword', { id: user.id, newPassword: password })
    onDone(t('console.users.resetDone', { name: user.displayName, sessions: answer.sessionsEnded }))
  })
  const errors = {
    password: newPasswordError(password, t),
    confirm: confirmPasswordError(password, confirm, t),
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!hasErrors(errors)) void reset.run()
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('console.users.resetTitle', { name: user.displayName })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            <Text>{t('console.users.resetHint')}</Text>
          </Alert>
          <PasswordInput
            label={t('console.users.newPassword')}
            description={t('console.setup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
            error={touched ? errors.password : null}
            size="md"
            data-autofocus
          />
          <PasswordInput
            label={t('console.users.confirmPassword')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            autoComplete="new-password"
            error={touched ? errors.confirm : null}
            size="md"
          />
          {reset.failure ? <ErrorAlert failure={reset.failure} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('console.common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={reset.pending}>
              {t('console.users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
