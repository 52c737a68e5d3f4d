import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'
import {
  confirmPasswordError,
  hasErrors,
  newPasswordError,
  requiredError,
} from '../common/field-checks'

/** Changes the signed-in user's own password (other sessions of theirs end). */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const [done, setDone] = useState(false)
  const change = useAction(async () => {
    await client.call('auth.changePassword', { currentPassword: current, newPassword: next })
    setDone(true)
  })
  const errors = {
    current: requiredError(current, t),
    next: newPasswordError(next, t),
    confirm: confirmPasswordError(next, confirm, t),
  }

  const close = () => {
    setCurrent('')
    setNext('')
    setConfirm('')
    setTouched(false)
    setDone(false)
    change.reset()
    onClose()
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!hasErrors(errors)) void change.run()
  }

  return (
    <Modal opened={opened} onClose={close} title={t('console.password.title')} size="md">
      {done ? (
        <Stack>
          <Alert color="green" variant="light">
            {t('console.password.done')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('console.common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <PasswordInput
              label={t('console.password.current')}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              autoComplete="current-password"
              error={touched ? errors.current : null}
              size="md"
              data-autofocus
            />
            <PasswordInput
              label={t('console.password.new')}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              autoComplete="new-password"
              error={touched ? errors.next : null}
              size="md"
            />
            <PasswordInput
              label={t('console.password.confirm')}
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              autoComplete="new-password"
              error={touched ? errors.confirm : null}
              size="md"
            />
            {change.failure ? <ErrorAlert failure={change.failure} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('console.common.cancel')}
              </Button>
              <Button type="submit" loading={change.pending}>
                {t('console.password.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
