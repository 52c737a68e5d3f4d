import {
  Alert,
  Button,
  Divider,
  Loader,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, type ReactNode, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/http/auth.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert, LoadError } from '../common/error.alert'
import {
  confirmPasswordError,
  displayNameError,
  type FieldErrors,
  hasErrors,
  newPasswordError,
  usernameError,
} from '../common/field-checks'
import { AuthLayout } from './auth.layout'

type Field = 'province' | 'displayName' | 'username' | 'password' | 'confirm'

/**
 * First-run setup from the one-time link the server printed: choose the province from the
 * official list and create the first province administrator, who is then signed in.
 */
export function SetupScreen({
  token,
  onDone,
  onSignIn,
}: {
  token: string | null
  onDone: () => void
  onSignIn: () => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const status = useAsyncData(
    () => client.call('setup.status', token ? { token } : {}),
    [client, token],
  )

  let content: ReactNode
  if (status.state === 'loading') {
    content = (
      <Stack align="center" py="lg">
        <Loader />
        <Text c="dimmed">{t('console.setup.checking')}</Text>
      </Stack>
    )
  } else if (status.state === 'failed') {
    content = <LoadError code={status.code} onRetry={status.reload} />
  } else if (!status.data.needed) {
    content = (
      <Notice
        title={t('console.setup.doneTitle')}
        text={t('console.setup.done')}
        onSignIn={onSignIn}
      />
    )
  } else if (!token || status.data.tokenValid !== true) {
    content = (
      <Notice
        title={token ? t('console.setup.badTokenTitle') : t('console.setup.noTokenTitle')}
        text={token ? t('console.errors.setup_token_invalid') : t('console.setup.noToken')}
        color="red"
      />
    )
  } else {
    content = <SetupForm token={token} provinces={status.data.provinces} onDone={onDone} />
  }

  return <AuthLayout width={560}>{content}</AuthLayout>
}

function Notice({
  title,
  text,
  color = 'blue',
  onSignIn,
}: {
  title: string
  text: string
  color?: string
  onSignIn?: () => void
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Alert color={color} variant="light" title={title}>
        <Text>{text}</Text>
      </Alert>
      {onSignIn ? (
        <Button size="md" onClick={onSignIn}>
          {t('console.setup.goSignIn')}
        </Button>
      ) : null}
    </Stack>
  )
}

function SetupForm({
  token,
  provinces,
  onDone,
}: {
  token: string
  provinces: { code: string; name: string }[]
  onDone: () => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [provinceCode, setProvinceCode] = useState<string | null>(null)
  const [displayName, setDisplayName] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const options = useMemo(
    () =>
      [...provinces]
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((p) => ({ value: p.code, label: p.name })),
    [provinces],
  )
  const complete = useAction(async (code: string) => {
    await client.call('setup.complete', {
      token,
      provinceCode: code,
      username: username.trim(),
      displayName: displayName.trim(),
      password,
    })
    onDone()
  })

  const errors: FieldErrors<Field> = {
    province: provinceCode ? null : t('console.validation.province'),
    displayName: displayNameError(displayName, t),
    username: usernameError(username, t),
    password: newPasswordError(password, t),
    confirm: confirmPasswordError(password, confirm, t),
  }
  const shown = (field: Field) => (touched ? errors[field] : null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (hasErrors(errors) || !provinceCode) return
    void complete.run(provinceCode)
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {t('console.setup.title')}
          </Title>
          <Text c="dimmed">{t('console.setup.intro')}</Text>
        </Stack>
        <Select
          label={t('console.setup.province')}
          placeholder={t('console.setup.provincePlaceholder')}
          description={t('console.setup.provinceHint')}
          data={options}
          value={provinceCode}
          onChange={setProvinceCode}
          searchable
          error={shown('province')}
          required
          maxDropdownHeight={320}
        />
        <Divider mt="xs" />
        <Title order={3} size="h4">
          {t('console.setup.adminTitle')}
        </Title>
        <TextInput
          label={t('console.setup.displayName')}
          placeholder={t('console.setup.displayNamePlaceholder')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={shown('displayName')}
          required
        />
        <TextInput
          label={t('console.setup.username')}
          description={t('console.setup.usernameHint')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="username"
          error={shown('username')}
          required
        />
        <PasswordInput
          label={t('console.setup.password')}
          description={t('console.setup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
          error={shown('password')}
          size="md"
          required
        />
        <PasswordInput
          label={t('console.setup.confirmPassword')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          autoComplete="new-password"
          error={shown('confirm')}
          size="md"
          required
        />
        {complete.failure ? <ErrorAlert failure={complete.failure} /> : null}
        <Button type="submit" size="lg" loading={complete.pending}>
          {t('console.setup.submit')}
        </Button>
      </Stack>
    </form>
  )
}
