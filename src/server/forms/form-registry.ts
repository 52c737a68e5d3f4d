import type { Kysely } from 'kysely'
import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import {
  type FormDefinition,
  formDefinitionSchema,
} from '../../shared/forms/form-definition.schema'
import type { ServerDatabase } from '../store/server-database.types'
import { findVersionRow } from './form-version.repository'

/** Finds a form version by id and version number, synchronously. */
export type FormLookup = (formId: string, version: number) => FormDefinition | undefined

/**
 * The form versions the server accepts data for: every version in the `form_versions`
 * table (the built-in version 1 and all published ones). A published version never
 * changes and is never removed, so a version once found is cached for the life of the
 * store connection and data queued on a device is never stranded.
 */
const cache = new WeakMap<Kysely<ServerDatabase>, Map<string, FormDefinition>>()

const keyOf = (formId: string, version: number) => `${formId}@${version}`

/** The built-in form versions (from code), without the store: for pure unit tests. */
export const builtinForms: FormLookup = (formId, version) =>
  formId === defaultHouseholdForm.id && version === defaultHouseholdForm.version
    ? defaultHouseholdForm
    : undefined

/** A published form version, or undefined when the server has no such version. */
export async function findPublishedForm(
  db: Kysely<ServerDatabase>,
  formId: string,
  version: number,
): Promise<FormDefinition | undefined> {
  const forms = cacheOf(db)
  const key = keyOf(formId, version)
  const cached = forms.get(key)
  if (cached) return cached
  const row = await findVersionRow(db, formId, version)
  if (!row) return undefined
  const form = formDefinitionSchema.parse(JSON.parse(row.definition_json))
  forms.set(key, form)
  return form
}

/**
 * Loads the versions a set of revisions names, so that ingest can judge them inside its
 * transaction without further queries.
 */
export async function loadFormLookup(
  db: Kysely<ServerDatabase>,
  refs: Iterable<{ formId: string; formVersion: number }>,
): Promise<FormLookup> {
  const found = new Map<string, FormDefinition | undefined>()
  for (const { formId, formVersion } of refs) {
    const key = keyOf(formId, formVersion)
    if (!found.has(key)) found.set(key, await findPublishedForm(db, formId, formVersion))
  }
  return (formId, version) => found.get(keyOf(formId, version))
}

/** Adds a version just published to the cache of its store. */
export function rememberPublishedForm(db: Kysely<ServerDatabase>, form: FormDefinition): void {
  cacheOf(db).set(keyOf(form.id, form.version), form)
}

function cacheOf(db: Kysely<ServerDatabase>): Map<string, FormDefinition> {
  let forms = cache.get(db)
  if (!forms) {
    forms = new Map()
    cache.set(db, forms)
  }
  return forms
}
