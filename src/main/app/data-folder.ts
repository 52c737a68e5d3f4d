import { dirname, join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { LocalDatabase } from '../store/local-database.types'

/**
 * The installation's data folder: the store and, beside it, its backups, its logs and the
 * small files the shell keeps (window position, a restore waiting for the next start). In
 * the app it is the OS user-data folder (Electron `userData`); in tests a temp folder.
 */
export interface DataFolder {
  dataDir: string
  dbFile: string
  backupsDir: string
  logsDir: string
  /** A restore chosen in settings, applied at the next start. */
  restoreMarker: string
  /** How the last restore went, shown in settings after the restart. */
  lastRestoreFile: string
}

/** The data folder around the store file `dbFile`. */
export function dataFolderOf(dbFile: string): DataFolder {
  const dataDir = dirname(dbFile)
  return {
    dataDir,
    dbFile,
    backupsDir: join(dataDir, 'backups'),
    logsDir: join(dataDir, 'logs'),
    restoreMarker: join(dataDir, 'restore-pending.json'),
    lastRestoreFile: join(dataDir, 'last-restore.json'),
  }
}

/** The file the open store lives in, as SQLite reports it (no path needs passing around). */
export async function databaseFile(db: Kysely<LocalDatabase>): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db)
  const main = rows.find((row) => row.name === 'main')
  if (!main?.file) throw new Error('the local store is not a file')
  return main.file
}

/** The data folder of the open store. */
export async function dataFolderOfDb(db: Kysely<LocalDatabase>): Promise<DataFolder> {
  return dataFolderOf(await databaseFile(db))
}
