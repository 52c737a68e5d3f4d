import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'
import { requiredError } from '../common/field-checks'
import { AuthLayout } from './auth.layout'

/** Sign-in with username and password; says why when the session ended by itself. */
export function SignInScreen({
  reason,
  onSignedIn,
}: {
  reason: 'expired' | 'signedOut' | null
  onSignedIn: () => Promise<void>
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [touched, setTouched] = useState(false)
  const signIn = useAction(async () => {
    await client.call('auth.signIn', { username: username.trim(), password })
    await onSignedIn()
  })
  const errors = {
    username: touched ? requiredError(username, t) : null,
    password: touched ? requiredError(password, t) : null,
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (requiredError(username, t) || requiredError(password, t)) return
    void signIn.run()
  }

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t('console.signIn.title')}
            </Title>
            <Text c="dimmed">{t('console.signIn.intro')}</Text>
          </Stack>
          {reason === 'expired' ? (
            <Alert color="yellow" variant="light">
              {t('console.session.expired')}
            </Alert>
          ) : null}
          {reason === 'signedOut' ? (
            <Alert color="blue" variant="light">
              {t('console.session.signedOut')}
            </Alert>
          ) : null}
          <TextInput
            label={t('console.signIn.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            autoFocus
            error={errors.username}
            required
          />
          <PasswordInput
            label={t('console.signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            error={errors.password}
            size="md"
            required
          />
          {signIn.failure ? <ErrorAlert failure={signIn.failure} /> : null}
          <Button type="submit" size="lg" loading={signIn.pending} fullWidth>
            {t('console.signIn.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('console.signIn.forgot')}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
