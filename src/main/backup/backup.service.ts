import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupEntry, BackupKind } from '../../shared/api/ipc/backup.contract'
import { vietnamDate } from '../../shared/clock/clock'
import { appShell } from '../app/app-shell'
import { dataFolderOfDb } from '../app/data-folder'
import type { MainContext } from '../context'
import { BackupError } from './backup.errors'
import {
  freeBackupFileName,
  KEEP_BACKUPS,
  listBackups,
  parseBackupFileName,
  pruneBackups,
} from './backup-files'
import { readRestoreMarker } from './restore-marker'
import { snapshotDatabase } from './sqlite-snapshot'

let queue: Promise<unknown> = Promise.resolve()

/**
 * Runs backup and restore work one at a time in this process: two snapshots at once would
 * double the disk work, and a restore must not be staged while a snapshot is being pruned.
 */
export function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work)
  queue = next.catch(() => undefined)
  return next
}

/**
 * Takes a snapshot of the open store into the backups folder (online backup: consistent
 * while the app keeps working), then deletes the oldest beyond what is kept of that kind.
 * A backup a staged restore is waiting for is never deleted.
 */
export function createBackup(ctx: MainContext, kind: BackupKind): Promise<BackupEntry> {
  return oneAtATime(() => takeSnapshot(ctx, kind))
}

async function takeSnapshot(ctx: MainContext, kind: BackupKind): Promise<BackupEntry> {
  const folder = await dataFolderOfDb(ctx.db)
  mkdirSync(folder.backupsDir, { recursive: true })
  const at = ctx.clock.now()
  const fileName = freeBackupFileName(folder.backupsDir, kind, at)
  const { bytes } = await snapshotDatabase(folder.dbFile, join(folder.backupsDir, fileName), {
    nativeBinding: appShell().nativeBinding,
  })
  const staged = readRestoreMarker(folder.restoreMarker)
  pruneBackups(folder.backupsDir, KEEP_BACKUPS, new Set(staged ? [staged.fileName] : []))
  const parsed = parseBackupFileName(fileName)
  if (!parsed) throw new BackupError('backup_failed', 'unexpected backup name')
  ctx.log.info('backup_created', { kind, bytes, kept: listBackups(folder.backupsDir).length })
  return { fileName, kind, createdAt: parsed.createdAt, bytes }
}

/**
 * Whether the daily snapshot is due: no automatic backup yet on today's date in Vietnam.
 * Laptops are switched off at the wall, so the check runs at start and every hour rather
 * than at a fixed time of day.
 */
export function isDailyBackupDue(entries: readonly BackupEntry[], nowMs: number): boolean {
  const today = vietnamDate(nowMs)
  return !entries.some(
    (entry) => entry.kind === 'auto' && vietnamDate(Date.parse(entry.createdAt)) === today,
  )
}

/** Takes the daily snapshot when it is due; answers it, or null when it was not due. */
export function runDailyBackupIfDue(ctx: MainContext): Promise<BackupEntry | null> {
  return oneAtATime(async () => {
    const folder = await dataFolderOfDb(ctx.db)
    if (!isDailyBackupDue(listBackups(folder.backupsDir), ctx.clock.now())) return null
    return takeSnapshot(ctx, 'auto')
  })
}
