import { AppShell, Container, Loader, Stack } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HouseholdSummary, VillageSummary } from '../../../shared/api/ipc.contract'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { callMain } from '../api/desktop.client'
import { HouseholdFormScreen } from '../household-form/household-form.screen'
import { HouseholdListScreen } from '../households/household-list.screen'
import { useSync } from '../sync/sync.hook'
import { SyncResultNotice } from '../sync/sync-result.notice'
import { VillagesScreen } from '../villages/villages.screen'
import { AppHeader } from './app.header'

/** Where the person is: the village cards, one village's households, or one household's form. */
type Screen =
  | { kind: 'villages' }
  | { kind: 'households'; villageCode: string }
  | { kind: 'form'; villageCode: string; householdId?: string }

/** The desktop app: loads what every screen needs once, then shows one screen at a time. */
export function App() {
  const { t } = useTranslation()
  const [screen, setScreen] = useState<Screen>({ kind: 'villages' })
  const [dataVersion, setDataVersion] = useState(0)
  // The name only: the sentence is translated when shown, so a language switch follows.
  const [savedName, setSavedName] = useState<string | null>(null)
  const dataChanged = useCallback(() => setDataVersion((n) => n + 1), [])
  const sync = useSync(dataVersion, dataChanged)

  const setup = useAsyncData(
    async () => ({
      info: await callMain('app.info', {}),
      form: await callMain('forms.getDefault', {}),
    }),
    [],
  )
  const villages = useAsyncData(() => callMain('places.listVillages', {}), [dataVersion])

  const go = (next: Screen) => {
    setScreen(next)
    window.scrollTo({ top: 0 })
  }

  const body = () => {
    if (setup.state === 'failed')
      return <LoadFailedAlert code={setup.code} onRetry={setup.reload} />
    if (villages.state === 'failed')
      return <LoadFailedAlert code={villages.code} onRetry={villages.reload} />
    if (setup.state === 'loading' || villages.state === 'loading')
      return <Loader m="xl" aria-label={t('app.loading')} />
    const { info, form } = setup.data
    const findVillage = (code: string): VillageSummary | undefined =>
      villages.data.find((v) => v.code === code)

    if (screen.kind === 'villages') {
      return (
        <VillagesScreen
          villages={villages.data}
          onOpen={(v) => go({ kind: 'households', villageCode: v.code })}
        />
      )
    }
    const village = findVillage(screen.villageCode)
    if (!village)
      return <LoadFailedAlert code="not_found" onRetry={() => go({ kind: 'villages' })} />
    if (screen.kind === 'households') {
      return (
        <HouseholdListScreen
          village={village}
          visitResultQuestion={form.sections
            .flatMap((s) => flattenQuestions(s.items))
            .find((q) => q.id === 'visit_result')}
          dataVersion={dataVersion}
          flash={savedName === null ? null : t('households.savedFlash', { name: savedName })}
          onDismissFlash={() => setSavedName(null)}
          onBack={() => go({ kind: 'villages' })}
          onAdd={() => {
            setSavedName(null)
            go({ kind: 'form', villageCode: village.code })
          }}
          onOpen={(h: HouseholdSummary) => {
            setSavedName(null)
            go({ kind: 'form', villageCode: village.code, householdId: h.id })
          }}
        />
      )
    }
    return (
      <HouseholdFormScreen
        key={screen.householdId ?? 'new'}
        form={form}
        villages={villages.data}
        village={village}
        today={info.today}
        {...(screen.householdId ? { householdId: screen.householdId } : {})}
        onDone={(headName) => {
          if (headName !== null) {
            setSavedName(headName)
            dataChanged()
          }
          go({ kind: 'households', villageCode: village.code })
        }}
      />
    )
  }

  return (
    <AppShell header={{ height: 76 }} padding="lg">
      <AppShell.Header>
        <AppHeader
          info={setup.state === 'done' ? setup.data.info : null}
          sync={sync}
          onHome={() => go({ kind: 'villages' })}
        />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" px={0}>
          <Stack gap="lg">
            <SyncResultNotice sync={sync} />
            {body()}
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}
