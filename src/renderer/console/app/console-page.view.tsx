import { AuditScreen } from '../audit/audit.screen'
import { BatchDetailScreen } from '../batches/batch-detail.screen'
import { BatchImportScreen } from '../batches/batch-import.screen'
import { BatchInboxScreen } from '../batches/batch-inbox.screen'
import { QuarantineScreen } from '../batches/quarantine.screen'
import { ConflictsScreen } from '../conflicts/conflicts.screen'
import { DevicesScreen } from '../devices/devices.screen'
import { ExportsScreen } from '../exports/exports.screen'
import { FormCompareScreen } from '../forms/form-compare.screen'
import { FormPublishScreen } from '../forms/form-publish.screen'
import { FormVersionScreen } from '../forms/form-version.screen'
import { FormsScreen } from '../forms/forms.screen'
import { HouseholdDetailScreen } from '../households/household-detail.screen'
import { HouseholdTableScreen } from '../households/household-table.screen'
import { IndicatorsScreen } from '../indicators/indicators.screen'
import { UsersScreen } from '../people/users.screen'
import { CommuneScreen } from '../places/commune.screen'
import { CommunesScreen } from '../places/communes.screen'
import { VillageImportScreen } from '../places/village-import.screen'
import type { ConsoleRoute } from './console-route'

/** The screen of a signed-in page. Keyed by the URL so that each page starts fresh. */
export function ConsolePageView({ route }: { route: ConsoleRoute }) {
  switch (route.page) {
    case 'households':
    case 'setup':
      return <HouseholdTableScreen />
    case 'household':
      return <HouseholdDetailScreen key={route.id} id={route.id} />
    case 'communes':
      return <CommunesScreen />
    case 'commune':
      return <CommuneScreen key={route.code} communeCode={route.code} />
    case 'villageImport':
      return <VillageImportScreen key={route.communeCode ?? ''} communeCode={route.communeCode} />
    case 'devices':
      return <DevicesScreen />
    case 'batches':
      return <BatchInboxScreen />
    case 'batch':
      return <BatchDetailScreen key={route.id} id={route.id} />
    case 'batchImport':
      return <BatchImportScreen />
    case 'quarantine':
      return <QuarantineScreen />
    case 'conflicts':
      return <ConflictsScreen />
    case 'forms':
      return <FormsScreen />
    case 'formVersion':
      return (
        <FormVersionScreen
          key={`${route.formId}/${route.version}`}
          formId={route.formId}
          version={route.version}
        />
      )
    case 'formCompare':
      return (
        <FormCompareScreen
          key={`${route.formId}/${route.from}/${route.to}`}
          formId={route.formId}
          from={route.from}
          to={route.to}
        />
      )
    case 'formPublish':
      return <FormPublishScreen />
    case 'users':
      return <UsersScreen />
    case 'audit':
      return <AuditScreen />
    case 'exports':
      return <ExportsScreen />
    case 'indicators':
      return (
        <IndicatorsScreen
          key={`${route.communeCode ?? ''}/${route.villageCode ?? ''}`}
          communeCode={route.communeCode ?? null}
          villageCode={route.villageCode ?? null}
        />
      )
  }
}
