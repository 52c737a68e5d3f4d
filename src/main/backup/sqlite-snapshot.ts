import { renameSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { BackupError } from './backup.errors'
import { PARTIAL_SUFFIX } from './backup-files'

/** How extra connections load better-sqlite3: the same addon the store was opened with. */
export interface SqliteAddon {
  nativeBinding?: string | undefined
}

const BUSY_TIMEOUT_MS = 5000

function open(file: string, addon: SqliteAddon, readonly = false): Database.Database {
  const db = new Database(file, {
    fileMustExist: true,
    readonly,
    ...(addon.nativeBinding ? { nativeBinding: addon.nativeBinding } : {}),
  })
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  return db
}

/**
 * Copies the database at `sourceFile` to `destFile` with SQLite's online backup API, never
 * a file copy: the copy is one consistent state of the database even while the app keeps
 * writing to it. The first step copies 100 pages; every later step copies all that remain,
 * so when a write from another connection restarts the backup, the restarted copy is
 * taken in a single step under one read snapshot. The copy is written beside its final
 * name, switched to a rollback journal (a single self-contained file), checked, and only
 * then renamed into place, so a crash never leaves a half backup under a backup's name.
 */
export async function snapshotDatabase(
  sourceFile: string,
  destFile: string,
  addon: SqliteAddon = {},
): Promise<{ bytes: number }> {
  const partial = destFile + PARTIAL_SUFFIX
  rmSync(partial, { force: true })
  const source = open(sourceFile, addon)
  try {
    await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => Math.max(totalPages, remainingPages, 100),
    })
  } catch (error) {
    rmSync(partial, { force: true })
    throw wrap('backup_failed', 'the online backup failed', error)
  } finally {
    source.close()
  }
  try {
    const copy = open(partial, addon)
    try {
      copy.pragma('journal_mode = DELETE')
      const problems = integrityProblems(copy)
      if (problems.length > 0) {
        throw new BackupError('backup_failed', 'the new backup fails its integrity check')
      }
    } finally {
      copy.close()
    }
    renameSync(partial, destFile)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error instanceof BackupError
      ? error
      : wrap('backup_failed', 'writing the backup failed', error)
  }
  return { bytes: statSync(destFile).size }
}

/**
 * What SQLite finds wrong with a database file: `PRAGMA integrity_check` (every page, index
 * and constraint) and `PRAGMA foreign_key_check`. Empty when it is sound; throws
 * backup_damaged when the file is not a database at all.
 */
export function checkDatabaseFile(file: string, addon: SqliteAddon = {}): string[] {
  let db: Database.Database
  try {
    db = open(file, addon, true)
  } catch (error) {
    throw wrap('backup_damaged', 'the backup cannot be opened', error)
  }
  try {
    return integrityProblems(db)
  } catch (error) {
    throw wrap('backup_damaged', 'the backup is not a readable database', error)
  } finally {
    db.close()
  }
}

function integrityProblems(db: Database.Database): string[] {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
  const problems = integrity.map((row) => row.integrity_check).filter((text) => text !== 'ok')
  const foreign = db.pragma('foreign_key_check') as { table: string }[]
  for (const row of foreign) problems.push(`foreign key: ${row.table}`)
  return problems.slice(0, 20)
}

function wrap(
  code: 'backup_failed' | 'backup_damaged',
  message: string,
  cause: unknown,
): BackupError {
  const error = new BackupError(code, message)
  error.cause = cause
  return error
}
