import { Alert, AppShell, Container, Loader, Stack } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IpcInput } from '../../../shared/api/ipc.contract'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { errorCode, errorMessage } from '../../common/errors/error.messages'
import { useCurrentForm } from '../api/current-form.hook'
import { callMain } from '../api/desktop.client'
import { DataCareScreen } from '../data-care/data-care.screen'
import { EnrolmentDialog } from '../enrolment/enrolment.dialog'
import { EnrolmentScreen } from '../enrolment/enrolment.screen'
import { DraftFormScreen, type DraftOutcome } from '../household-form/draft-form.screen'
import { HouseholdScreen } from '../households/household.screen'
import { StartScreen } from '../start/start.screen'
import { ServerSettingsDialog } from '../sync/server-settings.dialog'
import { useSync } from '../sync/sync.hook'
import { SyncResultNotice } from '../sync/sync-result.notice'
import { SyncScreen } from '../sync-screen/sync.screen'
import { TeamDialog } from '../team/team.dialog'
import { VillageScreen } from '../villages/village.screen'
import { AppHeader } from './app.header'
import { type Route, rememberRoute, startRoute } from './app-route'

const storage = globalThis.localStorage

/** The desktop app: loads what every screen needs, then shows one screen at a time. */
export function App() {
  const { t } = useTranslation()
  const [route, setRoute] = useState<Route>(() => startRoute(storage))
  const [dataVersion, setDataVersion] = useState(0)
  const [teamVersion, setTeamVersion] = useState(0)
  // Bumped by an enrolment: the commune (app.info) may have changed.
  const [enrolVersion, setEnrolVersion] = useState(0)
  // Bumped after every sync: a pull may have brought a newer form version.
  const [syncCount, setSyncCount] = useState(0)
  // The name only: the sentence is translated when shown, so a language switch follows.
  const [saved, setSaved] = useState<{ villageCode: string; name: string } | null>(null)
  const [starting, setStarting] = useState(false)
  const [appError, setAppError] = useState<string | null>(null)
  const [dialog, setDialog] = useState<'team' | 'server' | 'enrolment' | null>(null)
  const dataChanged = useCallback(() => setDataVersion((n) => n + 1), [])
  // The "saved, waiting to be sent" note is out of date once a sync has run.
  const synced = useCallback(() => {
    setSaved(null)
    setSyncCount((n) => n + 1)
    dataChanged()
  }, [dataChanged])
  const sync = useSync(dataVersion, synced)

  const device = useAsyncData(() => callMain('device.status', {}), [dataVersion])
  const setup = useAsyncData(async () => ({ info: await callMain('app.info', {}) }), [enrolVersion])
  const currentForm = useCurrentForm(`${enrolVersion}:${syncCount}`)
  const villages = useAsyncData(() => callMain('places.listVillages', {}), [dataVersion])
  const drafts = useAsyncData(() => callMain('drafts.listOpen', {}), [dataVersion])
  const team = useAsyncData(() => callMain('team.list', {}), [teamVersion])

  /** Moves to another screen; a "saved" note goes along only to the screen right after a save. */
  const go = (next: Route, flash: { villageCode: string; name: string } | null = null) => {
    rememberRoute(storage, next)
    setRoute(next)
    setSaved(flash)
    setAppError(null)
    window.scrollTo({ top: 0 })
  }
  const startVisit = async (input: IpcInput<'drafts.start'>) => {
    if (starting) return
    setStarting(true)
    try {
      const draft = await callMain('drafts.start', input)
      go({ kind: 'form', draftId: draft.id })
    } catch (error) {
      setAppError(errorCode(error))
    } finally {
      setStarting(false)
    }
  }
  const finished = (outcome: DraftOutcome) => {
    dataChanged()
    if (outcome.kind === 'openHousehold') {
      const { householdId, villageCode } = outcome.duplicate
      go({ kind: 'household', householdId, villageCode })
      return
    }
    const flash =
      outcome.kind === 'saved' ? { villageCode: outcome.villageCode, name: outcome.headName } : null
    go({ kind: 'village', villageCode: outcome.villageCode, tab: 'households' }, flash)
  }

  /** A new enrolment may bring another commune and villages: reload everything. */
  const enrolled = () => {
    setEnrolVersion((n) => n + 1)
    dataChanged()
    go({ kind: 'home' })
  }

  const body = () => {
    if (device.state === 'failed') {
      return <LoadFailedAlert code={device.code} onRetry={device.reload} />
    }
    // Backups and diagnostics are reachable before enrolment too (support may ask for them).
    if (route.kind === 'dataCare') {
      return (
        <DataCareScreen
          villages={villages.state === 'done' ? villages.data : []}
          onBack={() => go({ kind: 'home' })}
        />
      )
    }
    if (device.state === 'done' && !device.data.enrolled) {
      return <EnrolmentScreen onEnrolled={enrolled} />
    }
    for (const load of [setup, currentForm, villages, team, drafts]) {
      if (load.state === 'failed') return <LoadFailedAlert code={load.code} onRetry={load.reload} />
    }
    if (
      device.state !== 'done' ||
      setup.state !== 'done' ||
      currentForm.state !== 'done' ||
      villages.state !== 'done' ||
      team.state !== 'done' ||
      drafts.state !== 'done'
    ) {
      return <Loader m="xl" aria-label={t('app.loading')} />
    }
    const form = currentForm.data
    const visitResultQuestion = form.sections
      .flatMap((s) => flattenQuestions(s.items))
      .find((q) => q.id === 'visit_result')
    switch (route.kind) {
      case 'home':
        return (
          <StartScreen
            drafts={drafts.data}
            team={team.data}
            villages={villages.data}
            onResume={(d) => go({ kind: 'form', draftId: d.id })}
            onTeamChanged={() => setTeamVersion((n) => n + 1)}
            onManageTeam={() => setDialog('team')}
            onOpenVillage={(v) => go({ kind: 'village', villageCode: v.code, tab: 'households' })}
          />
        )
      case 'village': {
        const village = villages.data.find((v) => v.code === route.villageCode)
        if (!village)
          return <LoadFailedAlert code="not_found" onRetry={() => go({ kind: 'home' })} />
        return (
          <VillageScreen
            key={village.code}
            village={village}
            form={form}
            visitResultQuestion={visitResultQuestion}
            tab={route.tab}
            dataVersion={dataVersion}
            flash={
              saved?.villageCode === village.code
                ? t('households.savedFlash', { name: saved.name })
                : null
            }
            starting={starting}
            onDismissFlash={() => setSaved(null)}
            onTab={(tab) => setRoute({ ...route, tab })}
            onBack={() => go({ kind: 'home' })}
            onNew={() => void startVisit({ villageCode: village.code })}
            onOpen={(h) => go({ kind: 'household', householdId: h.id, villageCode: h.villageCode })}
          />
        )
      }
      case 'household':
        return (
          <HouseholdScreen
            key={route.householdId}
            householdId={route.householdId}
            form={form}
            villages={villages.data}
            dataVersion={dataVersion}
            starting={starting}
            onBackToVillages={() => go({ kind: 'home' })}
            onBackToVillage={(code) =>
              go({ kind: 'village', villageCode: code, tab: 'households' })
            }
            onVisit={(h) =>
              h.draftId
                ? go({ kind: 'form', draftId: h.draftId })
                : void startVisit({ householdId: h.id, villageCode: h.villageCode })
            }
          />
        )
      case 'sync':
        return (
          <SyncScreen
            sync={sync}
            device={device.data}
            villages={villages.data}
            dataVersion={dataVersion}
            onBack={() => go({ kind: 'home' })}
            onOpenVillage={(code) => go({ kind: 'village', villageCode: code, tab: 'households' })}
            onOpenHousehold={(h) =>
              go({ kind: 'household', householdId: h.id, villageCode: h.villageCode })
            }
          />
        )
      case 'form':
        return (
          <DraftFormScreen
            key={route.draftId}
            draftId={route.draftId}
            form={form}
            villages={villages.data}
            team={team.data.members}
            onDone={finished}
            onMissing={() => go({ kind: 'home' })}
          />
        )
    }
  }

  const currentName =
    team.state === 'done'
      ? (team.data.members.find((m) => m.id === team.data.currentId)?.name ?? null)
      : null
  return (
    <AppShell header={{ height: 76 }} padding="lg">
      <AppShell.Header>
        <AppHeader
          info={setup.state === 'done' ? setup.data.info : null}
          sync={sync}
          enumeratorName={currentName}
          onHome={() => go({ kind: 'home' })}
          onTeam={() => setDialog('team')}
          onServer={() => setDialog('server')}
          onEnrolment={() => setDialog('enrolment')}
          onSync={() => go({ kind: 'sync' })}
          onDataCare={() => go({ kind: 'dataCare' })}
          enrolled={device.state === 'done' && device.data.enrolled}
        />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          <Stack gap="lg">
            {/* The sync screen shows the result (and the progress) beside its own buttons. */}
            {route.kind === 'sync' ? null : <SyncResultNotice sync={sync} />}
            {appError ? (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={t('errors.title')}
                withCloseButton
                onClose={() => setAppError(null)}
              >
                {errorMessage(appError, t)}
              </Alert>
            ) : null}
            {body()}
          </Stack>
        </Container>
      </AppShell.Main>
      <TeamDialog
        opened={dialog === 'team'}
        members={team.state === 'done' ? team.data.members : []}
        onClose={() => setDialog(null)}
        onChanged={() => setTeamVersion((n) => n + 1)}
      />
      <EnrolmentDialog
        opened={dialog === 'enrolment'}
        status={device.state === 'done' ? device.data : null}
        onClose={() => setDialog(null)}
        onEnrolled={enrolled}
      />
      <ServerSettingsDialog
        opened={dialog === 'server'}
        status={sync.status}
        onClose={() => setDialog(null)}
        onSaved={sync.setStatus}
      />
    </AppShell>
  )
}
