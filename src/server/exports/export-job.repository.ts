import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { ServerDatabase } from '../store/server-database.types'
import type { ExportJobTable } from './exports.tables'

type Db = Kysely<ServerDatabase>
export type ExportJobRow = Selectable<ExportJobTable>

/** How many of a person's recent exports the console lists. */
export const LISTED_EXPORTS = 20

export async function insertExportJob(db: Db, row: Insertable<ExportJobTable>): Promise<void> {
  await db.insertInto('export_jobs').values(row).execute()
}

export function findExportJob(db: Db, id: string): Promise<ExportJobRow | undefined> {
  return db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A person's exports, newest first. */
export function listExportJobs(db: Db, userId: string): Promise<ExportJobRow[]> {
  return db
    .selectFrom('export_jobs')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LISTED_EXPORTS)
    .execute()
}

/** A person's exports still waiting or being written. */
export async function countUnfinished(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('export_jobs')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('user_id', '=', userId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Changes a job; a job deleted meanwhile is left deleted. */
export async function updateExportJob(
  db: Db,
  id: string,
  changes: Updateable<ExportJobTable>,
): Promise<void> {
  await db.updateTable('export_jobs').set(changes).where('id', '=', id).execute()
}

export async function deleteExportJob(db: Db, id: string): Promise<void> {
  await db.deleteFrom('export_jobs').where('id', '=', id).execute()
}

/** Finished exports whose files are due for deletion. */
export function expiredJobs(db: Db, nowIso: string): Promise<ExportJobRow[]> {
  return db
    .selectFrom('export_jobs')
    .selectAll()
    .where('status', '=', 'done')
    .where('expires_at', '<=', nowIso)
    .execute()
}

/** Unfinished exports that have not moved since `beforeIso`. */
export function silentJobs(db: Db, beforeIso: string): Promise<ExportJobRow[]> {
  return db
    .selectFrom('export_jobs')
    .selectAll()
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '<', beforeIso)
    .execute()
}
