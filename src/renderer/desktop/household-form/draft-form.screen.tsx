import { Loader } from '@mantine/core'
import type { Draft, DuplicateCandidate, TeamMember } from '../../../shared/api/ipc.contract'
import type { FormDefinition } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import type { VillageChoice } from '../../common/forms/form-text'
import { callMain } from '../api/desktop.client'
import { DraftEditor } from './draft-editor.view'

/** How the form screen was left. */
export type DraftOutcome =
  | { kind: 'saved'; villageCode: string; householdId: string; headName: string }
  | { kind: 'left'; villageCode: string }
  | { kind: 'discarded'; villageCode: string }
  | { kind: 'openHousehold'; duplicate: DuplicateCandidate }

export interface DraftFormScreenProps {
  draftId: string
  form: FormDefinition
  villages: readonly VillageChoice[]
  team: readonly TeamMember[]
  onDone: (outcome: DraftOutcome) => void
  /** The draft is gone (finalised or discarded elsewhere): back to the start. */
  onMissing: () => void
}

/** Opens a visit in progress by its draft id and hands it to the editor. */
export function DraftFormScreen(props: DraftFormScreenProps) {
  const loaded = useAsyncData<Draft>(
    () => callMain('drafts.get', { id: props.draftId }),
    [props.draftId],
  )
  if (loaded.state === 'loading') return <Loader m="xl" />
  if (loaded.state === 'failed') {
    const retry = loaded.code === 'not_found' ? props.onMissing : loaded.reload
    return <LoadFailedAlert code={loaded.code} onRetry={retry} />
  }
  return <DraftEditor key={loaded.data.id} {...props} draft={loaded.data} />
}
