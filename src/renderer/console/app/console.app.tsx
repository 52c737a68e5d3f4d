import { AppShell, Container, Group, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../common/components/language.switch'
import { HouseholdDetailScreen } from '../households/household-detail.screen'
import { HouseholdTableScreen } from '../households/household-table.screen'
import { type ConsoleRoute, parseRoute, routeHash } from './console-route'

/** The province console: the households received, and one household's detail. */
export function ConsoleApp() {
  const { t } = useTranslation()
  const [route, setRoute] = useState<ConsoleRoute>(() => parseRoute(window.location.hash))

  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])

  const go = (next: ConsoleRoute) => {
    window.location.hash = routeHash(next)
    window.scrollTo({ top: 0 })
  }

  return (
    <AppShell header={{ height: 68 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between">
          <Title
            order={2}
            size="h3"
            c="blue.8"
            style={{ cursor: 'pointer' }}
            onClick={() => go({ page: 'list' })}
          >
            {t('app.consoleName')}
          </Title>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          {route.page === 'household' ? (
            <HouseholdDetailScreen id={route.id} onBack={() => go({ page: 'list' })} />
          ) : (
            <HouseholdTableScreen onOpen={(id) => go({ page: 'household', id })} />
          )}
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}
