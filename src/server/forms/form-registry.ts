import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'

/**
 * The form versions the server accepts data for. The walking skeleton knows only the
 * built-in household form; published form versions from the console join it later.
 * A version once listed is never removed, so data queued on a device is never stranded.
 */
const FORMS: readonly FormDefinition[] = [defaultHouseholdForm]

/** The definition of a form version, or undefined when the server does not know it. */
export function findForm(formId: string, version: number): FormDefinition | undefined {
  return FORMS.find((form) => form.id === formId && form.version === version)
}
