import type { Kysely } from 'kysely'
import type { SyncPull } from '../../shared/api/http/sync.contract'
import {
  type FormDefinition,
  formDefinitionSchema,
} from '../../shared/forms/form-definition.schema'
import type { LocalDatabase } from '../store/local-database.types'

/** A form version as the server lists it in a pull (with its definition when sent). */
export type PulledForm = SyncPull['forms'][number]

/**
 * The stored form versions of each open store, kept in memory so that form lookups stay
 * synchronous (batch sealing and validation look forms up in tight loops). A published
 * version never changes, so a version once stored is cached for the life of the store.
 */
const catalogs = new WeakMap<Kysely<LocalDatabase>, Map<string, FormDefinition>>()

const keyOf = (formId: string, version: number) => `${formId}@${version}`

function catalogOf(db: Kysely<LocalDatabase>): Map<string, FormDefinition> {
  let catalog = catalogs.get(db)
  if (!catalog) {
    catalog = new Map()
    catalogs.set(db, catalog)
  }
  return catalog
}

/** Loads every stored form version into the store's catalog; call once when opening it. */
export async function loadStoredForms(db: Kysely<LocalDatabase>): Promise<number> {
  const rows = await db.selectFrom('form_versions').select('definition_json').execute()
  rememberForms(
    db,
    rows.map((row) => formDefinitionSchema.parse(JSON.parse(row.definition_json))),
  )
  return rows.length
}

/** A published form version this store holds (pulled or from the enrolment file), if any. */
export function storedForm(
  db: Kysely<LocalDatabase>,
  formId: string,
  version: number,
): FormDefinition | undefined {
  return catalogs.get(db)?.get(keyOf(formId, version))
}

/** The newest version of `formId` this store holds, if any. */
export function newestStoredForm(
  db: Kysely<LocalDatabase>,
  formId: string,
): FormDefinition | undefined {
  let newest: FormDefinition | undefined
  for (const form of catalogs.get(db)?.values() ?? []) {
    if (form.id === formId && (!newest || form.version > newest.version)) newest = form
  }
  return newest
}

/** Every form version this store holds, by form id then version. */
export function storedForms(db: Kysely<LocalDatabase>): FormDefinition[] {
  return [...(catalogs.get(db)?.values() ?? [])].sort(
    (a, b) => a.id.localeCompare(b.id) || a.version - b.version,
  )
}

/**
 * Stores the definitions a pull brought (a version already stored is left as it is).
 * Call inside the pull's transaction, then rememberForms once it committed.
 * @returns the definitions the pull carried
 */
export async function storePulledForms(
  trx: Kysely<LocalDatabase>,
  forms: readonly PulledForm[],
  at: string,
): Promise<FormDefinition[]> {
  const definitions: FormDefinition[] = []
  for (const form of forms) {
    if (!form.definition) continue
    definitions.push(form.definition)
    await insertFormVersion(trx, form.definition, form.publishedAt, at)
  }
  return definitions
}

/**
 * Stores the form versions an enrolment file carries, so the laptop records on the newest
 * one before any pull. The file names no publication time: it was issued after it.
 * Call inside the enrolment's transaction, then rememberForms once it committed.
 */
export async function storeEnrolmentForms(
  trx: Kysely<LocalDatabase>,
  forms: readonly FormDefinition[],
  issuedAt: string,
  at: string,
): Promise<void> {
  for (const form of forms) await insertFormVersion(trx, form, issuedAt, at)
}

/** A published version never changes: one already stored is left as it is. */
async function insertFormVersion(
  trx: Kysely<LocalDatabase>,
  definition: FormDefinition,
  publishedAt: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto('form_versions')
    .values({
      form_id: definition.id,
      version: definition.version,
      published_at: publishedAt,
      definition_json: JSON.stringify(definition),
      stored_at: at,
    })
    .onConflict((oc) => oc.columns(['form_id', 'version']).doNothing())
    .execute()
}

/** Adds stored definitions to the store's in-memory catalog. */
export function rememberForms(
  db: Kysely<LocalDatabase>,
  definitions: readonly FormDefinition[],
): void {
  const catalog = catalogOf(db)
  for (const form of definitions) catalog.set(keyOf(form.id, form.version), form)
}
