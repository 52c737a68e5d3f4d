import type { HouseholdDetail, VisitSummary } from '../../../shared/api/ipc.contract'
import type { FormDefinition } from '../../../shared/forms/form-definition.schema'
import { type AsyncData, useAsyncData } from '../../common/components/async-data.hook'
import { type FormRef, formVersions, isFormVersion } from '../api/form-versions.cache'

/**
 * The form version a saved record was made with, so its questions and labels are the ones
 * the team member saw: the current form when it is that version, else `forms.get` through
 * the renderer's cache (failing with `unknown_form` when the laptop lacks the version).
 */
export function useRecordForm(
  ref: FormRef,
  current: FormDefinition,
): AsyncData<FormDefinition> & { reload: () => void } {
  return useAsyncData(
    () => (isFormVersion(current, ref) ? Promise.resolve(current) : formVersions.get(ref)),
    [ref.formId, ref.version, current],
  )
}

/** The version of a household's latest saved state. */
export function householdFormRef(household: HouseholdDetail): FormRef {
  return { formId: household.formId, version: household.formVersion }
}

/** The version a past visit was recorded on: each visit is shown with its own questions. */
export function visitFormRef(visit: VisitSummary): FormRef {
  return { formId: visit.formId, version: visit.formVersion }
}
