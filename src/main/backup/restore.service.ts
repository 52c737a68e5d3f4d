import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { LastRestore, RestorePreview } from '../../shared/api/ipc/backup.contract'
import { appShell } from '../app/app-shell'
import { dataFolderOf, dataFolderOfDb } from '../app/data-folder'
import { describeError, type Logger } from '../app/logger'
import type { MainContext } from '../context'
import { BackupError } from './backup.errors'
import { oneAtATime } from './backup.service'
import { freeBackupFileName, KEEP_BACKUPS, pruneBackups } from './backup-files'
import { findBackup, inspectBackup, RESTORE_CHECK_DIR } from './restore-check'
import {
  clearRestoreMarker,
  readRestoreMarker,
  writeLastRestore,
  writeRestoreMarker,
} from './restore-marker'
import { checkDatabaseFile, type SqliteAddon, snapshotDatabase } from './sqlite-snapshot'

/** Checks a backup and lists what restoring it would drop (nothing is changed). */
export function previewRestore(ctx: MainContext, fileName: string): Promise<RestorePreview> {
  return oneAtATime(() => inspectBackup(ctx, fileName))
}

/** The households and drafts the person saw listed and accepted to lose. */
export interface ConfirmedLoss {
  householdIds: readonly string[]
  draftIds: readonly string[]
}

/**
 * Chooses a backup to restore at the next start and asks for a restart. Every check of the
 * preview runs again, on the store as it is now; if unsynced work would be dropped, the
 * confirmation must name exactly those households and drafts — a record saved since the
 * preview makes the confirmation stale and the restore is refused, so nothing is lost
 * that was not shown. The store itself is replaced only at start (applyStagedRestore),
 * after a safety copy of it is taken.
 */
export function stageRestore(
  ctx: MainContext,
  fileName: string,
  confirmed: ConfirmedLoss,
): Promise<{ restartRequired: true; fileName: string }> {
  return oneAtATime(async () => {
    const preview = await inspectBackup(ctx, fileName)
    const households = preview.loss.records.map((record) => record.householdId)
    const drafts = preview.loss.drafts.map((draft) => draft.draftId)
    if (!sameSet(households, confirmed.householdIds) || !sameSet(drafts, confirmed.draftIds)) {
      throw new BackupError(
        'restore_loss_not_confirmed',
        'the work a restore would drop was not confirmed as listed',
      )
    }
    const folder = await dataFolderOfDb(ctx.db)
    writeRestoreMarker(folder.restoreMarker, {
      fileName,
      stagedAt: new Date(ctx.clock.now()).toISOString(),
      acceptedLoss: { households: households.length, drafts: drafts.length },
    })
    ctx.log.info('restore_staged', { households: households.length, drafts: drafts.length })
    appShell().requestRestart('restore')
    return { restartRequired: true as const, fileName }
  })
}

export interface ApplyRestoreOptions {
  /** The store file; its data folder holds the backups and the marker. */
  dbFile: string
  addon?: SqliteAddon
  nowMs: number
  log: Logger
}

/**
 * Applies a staged restore. Call at start, before the store is opened (it also clears
 * scratch files an interrupted check or restore left). Checks the backup
 * again, takes a safety copy of the current store (kind pre-restore, so even work the
 * person accepted to lose can be had back), builds the restored store beside the live one
 * with the online backup API, carries the hybrid logical clock forward (stamps already
 * given out must never be given again), settles the current store's WAL and swaps the
 * files with one rename. Any failure leaves the current store as it was. The marker is
 * cleared either way and the outcome kept for the settings screen.
 */
export async function applyStagedRestore(
  options: ApplyRestoreOptions,
): Promise<LastRestore | null> {
  const folder = dataFolderOf(options.dbFile)
  const incoming = `${options.dbFile}.restoring`
  // Scratch left by a check or a restore that a crash interrupted.
  rmSync(join(folder.dataDir, RESTORE_CHECK_DIR), { recursive: true, force: true })
  rmSync(incoming, { force: true })
  const marker = readRestoreMarker(folder.restoreMarker)
  if (!marker) return null
  const addon = options.addon ?? {}
  const at = new Date(options.nowMs).toISOString()
  let safetyBackup: string | null = null
  let outcome: LastRestore
  try {
    const backupFile = join(
      folder.backupsDir,
      findBackup(folder.backupsDir, marker.fileName).fileName,
    )
    if (checkDatabaseFile(backupFile, addon).length > 0) {
      throw new BackupError('backup_damaged', 'the backup fails its integrity check')
    }
    rmSync(incoming, { force: true })
    await snapshotDatabase(backupFile, incoming, addon)
    if (existsSync(options.dbFile)) {
      const name = freeBackupFileName(folder.backupsDir, 'pre-restore', options.nowMs)
      try {
        await snapshotDatabase(options.dbFile, join(folder.backupsDir, name), addon)
        safetyBackup = name
        carryClockForward(options.dbFile, incoming, addon)
        settleWal(options.dbFile, addon)
      } catch (error) {
        // The current store is what the person restores away from, maybe because it is
        // damaged: when it cannot be read whole, keep its files aside untouched instead.
        options.log.error('restore_safety_copy_failed', describeError(error))
        keepAside(options.dbFile, options.nowMs)
      }
    }
    renameSync(incoming, options.dbFile)
    // Left over from the replaced store they would be replayed into the restored one.
    rmSync(`${options.dbFile}-wal`, { force: true })
    rmSync(`${options.dbFile}-shm`, { force: true })
    outcome = { fileName: marker.fileName, at, result: 'restored', errorCode: null, safetyBackup }
    options.log.info('restore_applied', { kind: 'restore' })
  } catch (error) {
    rmSync(incoming, { force: true })
    const code = error instanceof BackupError ? error.code : 'internal'
    outcome = { fileName: marker.fileName, at, result: 'failed', errorCode: code, safetyBackup }
    options.log.error('restore_failed', { code, ...describeError(error) })
  }
  clearRestoreMarker(folder.restoreMarker)
  writeLastRestore(folder.lastRestoreFile, outcome)
  pruneBackups(folder.backupsDir, KEEP_BACKUPS)
  return outcome
}

/** Gives the restored store the later of the two clocks' last stamps (fixed-width: text order). */
function carryClockForward(currentFile: string, restoredFile: string, addon: SqliteAddon): void {
  const lastStamp = (file: string) => {
    const db = openFile(file, addon)
    try {
      const row = db.prepare("SELECT value FROM settings WHERE key = 'hlc_last'").get() as
        | { value: string }
        | undefined
      return { db, stamp: row?.value ?? null }
    } catch (error) {
      db.close()
      throw error
    }
  }
  const current = lastStamp(currentFile)
  current.db.close()
  const restored = lastStamp(restoredFile)
  try {
    if (current.stamp && (!restored.stamp || current.stamp > restored.stamp)) {
      restored.db
        .prepare(
          "INSERT INTO settings (key, value) VALUES ('hlc_last', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )
        .run(current.stamp)
    }
  } finally {
    restored.db.close()
  }
}

/** Moves a store that cannot be copied, with its WAL, to `<file>.replaced-<time>` (same pairing). */
function keepAside(file: string, nowMs: number): void {
  const aside = `${file}.replaced-${nowMs}`
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  }
}

/** Checkpoints the store's WAL into it and leaves it as a single file (no -wal to replay). */
function settleWal(file: string, addon: SqliteAddon): void {
  const db = openFile(file, addon)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.pragma('journal_mode = DELETE')
  } finally {
    db.close()
  }
}

function openFile(file: string, addon: SqliteAddon): Database.Database {
  return new Database(file, {
    fileMustExist: true,
    ...(addon.nativeBinding ? { nativeBinding: addon.nativeBinding } : {}),
  })
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((id) => right.has(id))
}
