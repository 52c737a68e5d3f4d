import { Center, Container, Loader, Stack, Text } from '@mantine/core'
import { type ReactNode, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SetupScreen } from '../auth/setup.screen'
import { SignInScreen } from '../auth/sign-in.screen'
import { failureOf } from '../common/console-errors'
import { ErrorAlert } from '../common/error.alert'
import { ConsoleShell } from './console.shell'
import { useConsoleClient } from './console-client.context'
import { type ConsoleRoute, parseRoute, routeUrl } from './console-route'
import { type Navigate, NavigateProvider } from './navigation'
import { type ConsoleSession, SessionProvider, sessionFrom } from './session.context'

/** Where the console stands with the server: checking, signed out (and why), or signed in. */
type Gate =
  | { state: 'checking' }
  | { state: 'failed'; code: string }
  | { state: 'signedOut'; reason: 'expired' | 'signedOut' | null }
  | { state: 'signedIn'; session: ConsoleSession }

/**
 * The province console: first-run setup, sign-in, then the pages a role may open. The
 * session is asked of the server at start (`auth.me`); any 401 later brings back the
 * sign-in page, keeping the page the person was on.
 */
export function ConsoleApp() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [route, setRoute] = useState<ConsoleRoute>(() =>
    parseRoute(window.location.pathname, window.location.search),
  )
  const [gate, setGate] = useState<Gate>({ state: 'checking' })

  const navigate = useCallback<Navigate>((next, options = {}) => {
    const url = routeUrl(next)
    if (options.replace) window.history.replaceState(null, '', url)
    else window.history.pushState(null, '', url)
    setRoute(next)
    window.scrollTo({ top: 0 })
  }, [])

  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.pathname, window.location.search))
    window.addEventListener('popstate', follow)
    return () => window.removeEventListener('popstate', follow)
  }, [])

  const loadSession = useCallback(async () => {
    try {
      setGate({ state: 'signedIn', session: sessionFrom(await client.call('auth.me', {})) })
    } catch (error) {
      const { code } = failureOf(error)
      setGate(
        code === 'unauthenticated'
          ? { state: 'signedOut', reason: null }
          : { state: 'failed', code },
      )
    }
  }, [client])

  useEffect(
    () =>
      client.onSignedOut(() =>
        setGate((gate) =>
          gate.state === 'signedIn' ? { state: 'signedOut', reason: 'expired' } : gate,
        ),
      ),
    [client],
  )

  const onSetupPage = route.page === 'setup'
  useEffect(() => {
    if (!onSetupPage) void loadSession()
  }, [onSetupPage, loadSession])

  const signOut = useCallback(async () => {
    await client.call('auth.signOut', {})
    setGate({ state: 'signedOut', reason: 'signedOut' })
  }, [client])

  let body: ReactNode
  if (route.page === 'setup') {
    body = (
      <SetupScreen
        token={route.token}
        onDone={() => {
          navigate({ page: 'communes' }, { replace: true })
        }}
        onSignIn={() => navigate({ page: 'households' }, { replace: true })}
      />
    )
  } else if (gate.state === 'checking') {
    body = (
      <Center h="100vh">
        <Stack align="center" gap="sm">
          <Loader />
          <Text c="dimmed">{t('console.session.checking')}</Text>
        </Stack>
      </Center>
    )
  } else if (gate.state === 'failed') {
    body = (
      <Container size="sm" py="xl">
        <ErrorAlert failure={gate.code} onRetry={() => void loadSession()} />
      </Container>
    )
  } else if (gate.state === 'signedOut') {
    body = <SignInScreen reason={gate.reason} onSignedIn={loadSession} />
  } else {
    body = (
      <SessionProvider value={gate.session}>
        <ConsoleShell route={route} onSignOut={signOut} />
      </SessionProvider>
    )
  }
  return <NavigateProvider value={navigate}>{body}</NavigateProvider>
}
