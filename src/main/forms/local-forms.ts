import type { Kysely } from 'kysely'
import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import { AppError } from '../../shared/result'
import type { LocalDatabase } from '../store/local-database.types'
import { newestStoredForm, storedForm, storedForms } from './stored-forms.repository'

/**
 * The form new visits are recorded with: the newest version of the household form this
 * laptop holds — built in, brought by the enrolment file, or pulled into `db`. A draft or a
 * visit keeps the version it was started with (see findLocalForm), so a newer version
 * arriving never strands work in progress.
 *
 * Every lookup here takes the open store (`ctx.db`), not a transaction on it: the stored
 * versions are cached per store (see stored-forms.repository), so a transaction sees only
 * the built-in form.
 */
export function currentForm(db: Kysely<LocalDatabase>): FormDefinition {
  const stored = newestStoredForm(db, defaultHouseholdForm.id)
  return stored && stored.version > defaultHouseholdForm.version ? stored : defaultHouseholdForm
}

/**
 * The form version a draft or visit was made with: the built-in form, or a version the
 * province published that this laptop stored (enrolment file or pull). A record of a
 * version this laptop does not have cannot be validated here.
 */
export function findLocalForm(
  formId: string,
  formVersion: number,
  db: Kysely<LocalDatabase>,
): FormDefinition {
  const form = localFormOrNull(formId, formVersion, db)
  if (!form) throw new UnknownFormError()
  return form
}

/** The form version if this laptop has it (built in, or stored in `db`), else null. */
export function localFormOrNull(
  formId: string,
  formVersion: number,
  db: Kysely<LocalDatabase>,
): FormDefinition | null {
  const builtIn = defaultHouseholdForm
  if (builtIn.id === formId && builtIn.version === formVersion) return builtIn
  return storedForm(db, formId, formVersion) ?? null
}

/**
 * Every form version this laptop holds (built in first, then stored), e.g. to tell when
 * stored indicator contributions must be recomputed.
 */
export function localForms(db: Kysely<LocalDatabase>): FormDefinition[] {
  const stored = storedForms(db).filter(
    (f) => !(f.id === defaultHouseholdForm.id && f.version === defaultHouseholdForm.version),
  )
  return [defaultHouseholdForm, ...stored]
}

/** A record names a form version this laptop does not have. */
export class UnknownFormError extends AppError {
  constructor() {
    super('unknown_form', 'the form version of this record is not on this laptop')
    this.name = 'UnknownFormError'
  }
}
