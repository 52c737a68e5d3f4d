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
  /** The form new visits use; a draft started on another version is shown with its own. */
  form: FormDefinition
  villages: readonly VillageChoice[]
  team: readonly TeamMember[]
  onDone: (outcome: DraftOutcome) => void
  /** The draft is gone (finalised or discarded elsewhere): back to the start. */
  onMissing: () => void
}

/**
 * Opens a visit in progress by its draft id and hands it to the editor, with the form
 * version the draft was started on (a newer version pulled meanwhile does not change it).
 */
export function DraftFormScreen(props: DraftFormScreenProps) {
  const loaded = useAsyncData<{ draft: Draft; form: FormDefinition }>(async () => {
    const draft = await callMain('drafts.get', { id: props.draftId })
    return { draft, form: await draftForm(draft, props.form) }
  }, [props.draftId, props.form])
  if (loaded.state === 'loading') return <Loader m="xl" />
  if (loaded.state === 'failed') {
    const retry = loaded.code === 'not_found' ? props.onMissing : loaded.reload
    return <LoadFailedAlert code={loaded.code} onRetry={retry} />
  }
  const { draft, form } = loaded.data
  return <DraftEditor key={draft.id} {...props} form={form} draft={draft} />
}

async function draftForm(draft: Draft, current: FormDefinition): Promise<FormDefinition> {
  if (draft.formId === current.id && draft.formVersion === current.version) return current
  return callMain('forms.get', { formId: draft.formId, version: draft.formVersion })
}
