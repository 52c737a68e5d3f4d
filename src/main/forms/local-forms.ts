import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import { AppError } from '../../shared/result'

/** The form new visits are recorded with. */
export function currentForm(): FormDefinition {
  return defaultHouseholdForm
}

/**
 * The form version a draft or visit was made with. Only the built-in form exists on the
 * laptop until forms are synced; a record of another version cannot be validated here.
 */
export function findLocalForm(formId: string, formVersion: number): FormDefinition {
  const form = localFormOrNull(formId, formVersion)
  if (!form) throw new UnknownFormError()
  return form
}

/** The form version if this laptop has it, else null. */
export function localFormOrNull(formId: string, formVersion: number): FormDefinition | null {
  const form = currentForm()
  return form.id === formId && form.version === formVersion ? form : null
}

/** A record names a form version this laptop does not have. */
export class UnknownFormError extends AppError {
  constructor() {
    super('unknown_form', 'the form version of this record is not on this laptop')
    this.name = 'UnknownFormError'
  }
}
