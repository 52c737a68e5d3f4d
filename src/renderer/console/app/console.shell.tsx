import { AppShell, Container, NavLink, ScrollArea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../common/error.alert'
import { ConsoleHeader } from './console.header'
import { ConsolePageView } from './console-page.view'
import type { ConsoleRoute } from './console-route'
import { routeUrl } from './console-route'
import { useNavigate } from './navigation'
import { mayOpen, navigationFor } from './permissions'
import { useSession } from './session.context'

/** The signed-in console: header, the navigation a role may use, and the current page. */
export function ConsoleShell({
  route,
  onSignOut,
}: {
  route: ConsoleRoute
  onSignOut: () => Promise<void>
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { user } = useSession()
  const sections = navigationFor(user.role)

  return (
    <AppShell header={{ height: 68 }} navbar={{ width: 216, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <ConsoleHeader onSignOut={onSignOut} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('console.nav.label')} component="nav">
        <ScrollArea>
          {sections.map((section) => {
            const target: ConsoleRoute = { page: section.page }
            return (
              <NavLink
                key={section.key}
                href={routeUrl(target)}
                label={t(`console.nav.${section.key}`)}
                active={(section.covers as readonly string[]).includes(route.page)}
                onClick={(event) => {
                  event.preventDefault()
                  navigate(target)
                }}
                fz="md"
                py="sm"
                styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 } }}
              />
            )
          })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="xl" px={0}>
          {mayOpen(user.role, route.page) ? (
            <ConsolePageView route={route} />
          ) : (
            <ErrorAlert failure="forbidden" />
          )}
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}
