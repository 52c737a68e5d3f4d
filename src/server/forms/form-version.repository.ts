import type { Kysely, Selectable } from 'kysely'
import type { ServerDatabase } from '../store/server-database.types'
import type { FormVersionTable } from './forms.tables'

type Db = Kysely<ServerDatabase>
export type FormVersionRow = Selectable<FormVersionTable>

/** Every published version, by form and newest first; one form's when `formId` is given. */
export function listVersionRows(db: Db, formId?: string): Promise<FormVersionRow[]> {
  let query = db.selectFrom('form_versions').selectAll()
  if (formId) query = query.where('form_id', '=', formId)
  return query.orderBy('form_id').orderBy('version', 'desc').execute()
}

export function findVersionRow(
  db: Db,
  formId: string,
  version: number,
): Promise<FormVersionRow | undefined> {
  return db
    .selectFrom('form_versions')
    .selectAll()
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst()
}

/** The newest published version of a form, or undefined for a form never published. */
export function latestVersionRow(db: Db, formId: string): Promise<FormVersionRow | undefined> {
  return db
    .selectFrom('form_versions')
    .selectAll()
    .where('form_id', '=', formId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** @returns false when the version was published meanwhile (the primary key refused it). */
export async function insertVersionRow(db: Db, row: FormVersionTable): Promise<boolean> {
  const result = await db
    .insertInto('form_versions')
    .values(row)
    .onConflict((oc) => oc.columns(['form_id', 'version']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}
