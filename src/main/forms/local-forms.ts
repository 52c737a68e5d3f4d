import type { Kysely } from 'kysely'
import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import { AppError } from '../../shared/result'
import type { LocalDatabase } from '../store/local-database.types'
import { storedForm } from './stored-forms.repository'

/** The form new visits are recorded with. */
export function currentForm(): FormDefinition {
  return defaultHouseholdForm
}

/**
 * The form version a draft or visit was made with: the built-in form, or (given the
 * store) a version the province published and a pull brought. A record of a version this
 * laptop does not have cannot be validated here.
 */
export function findLocalForm(
  formId: string,
  formVersion: number,
  db?: Kysely<LocalDatabase>,
): FormDefinition {
  const form = localFormOrNull(formId, formVersion, db)
  if (!form) throw new UnknownFormError()
  return form
}

/** The form version if this laptop has it (built in, or pulled into `db`), else null. */
export function localFormOrNull(
  formId: string,
  formVersion: number,
  db?: Kysely<LocalDatabase>,
): FormDefinition | null {
  const form = currentForm()
  if (form.id === formId && form.version === formVersion) return form
  return (db ? storedForm(db, formId, formVersion) : undefined) ?? null
}

/** A record names a form version this laptop does not have. */
export class UnknownFormError extends AppError {
  constructor() {
    super('unknown_form', 'the form version of this record is not on this laptop')
    this.name = 'UnknownFormError'
  }
}
