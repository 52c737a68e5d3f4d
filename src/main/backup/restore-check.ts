import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { BackupEntry, RestorePreview } from '../../shared/api/ipc/backup.contract'
import { appShell } from '../app/app-shell'
import { dataFolderOfDb } from '../app/data-folder'
import type { MainContext } from '../context'
import { getSetting } from '../settings/settings.repository'
import { openLocalDatabase } from '../store/local-database'
import type { LocalDatabase } from '../store/local-database.types'
import { BackupError } from './backup.errors'
import { listBackups } from './backup-files'
import { restoreLoss } from './restore-loss'
import { checkDatabaseFile, snapshotDatabase } from './sqlite-snapshot'

/** The data folder's scratch folder for checking backups (cleared at every start). */
export const RESTORE_CHECK_DIR = 'restore-check'

/**
 * Checks a backup before anything is restored from it, on a scratch copy (the backup file
 * itself is never changed): SQLite's integrity and foreign-key checks, this version's
 * migrations bring it up to date, its data is sealed with this installation's data key,
 * and it is this device's store. Then compares it with the open store to list the work a
 * restore would drop. Throws BackupError with the first check that fails.
 */
export async function inspectBackup(ctx: MainContext, fileName: string): Promise<RestorePreview> {
  const folder = await dataFolderOfDb(ctx.db)
  const entry = findBackup(folder.backupsDir, fileName)
  const addon = { nativeBinding: appShell().nativeBinding }
  if (checkDatabaseFile(join(folder.backupsDir, fileName), addon).length > 0) {
    throw new BackupError('backup_damaged', 'the backup fails its integrity check')
  }
  const scratchDir = join(folder.dataDir, RESTORE_CHECK_DIR, randomUUID())
  mkdirSync(scratchDir, { recursive: true })
  try {
    const scratch = join(scratchDir, 'backup.sqlite')
    await snapshotDatabase(join(folder.backupsDir, fileName), scratch, addon)
    let db: Kysely<LocalDatabase>
    try {
      db = await openLocalDatabase(scratch, addon)
    } catch (error) {
      const failure = new BackupError('backup_incompatible', 'the backup cannot be migrated')
      failure.cause = error
      throw failure
    }
    try {
      await checkSameInstallation(ctx, db)
      return {
        backup: entry,
        checks: { integrity: 'ok', schema: 'ok', dataKey: 'ok', device: 'ok' },
        backupCounts: await counts(db),
        loss: await restoreLoss(ctx.db, db),
      }
    } finally {
      await db.destroy()
    }
  } finally {
    rmSync(scratchDir, { recursive: true, force: true })
  }
}

/** The entry of a backup in the backups folder; backup_not_found otherwise. */
export function findBackup(backupsDir: string, fileName: string): BackupEntry {
  const entry = listBackups(backupsDir).find((candidate) => candidate.fileName === fileName)
  if (!entry) throw new BackupError('backup_not_found', 'no such backup')
  return entry
}

/**
 * The backup must be of this installation: the same device id, and its data sealed with the
 * data key in use (the check value openFieldCipher compares). Another laptop's backup
 * would make this one sign as that device and hold data nobody here can open.
 */
async function checkSameInstallation(ctx: MainContext, db: Kysely<LocalDatabase>): Promise<void> {
  if ((await getSetting(db, 'device_id')) !== ctx.deviceId) {
    throw new BackupError('backup_other_device', 'the backup is of another installation')
  }
  if ((await getSetting(db, 'data_key_check')) !== ctx.cipher.keyCheck()) {
    throw new BackupError('backup_other_key', 'the backup is sealed with another data key')
  }
}

async function counts(db: Kysely<LocalDatabase>): Promise<RestorePreview['backupCounts']> {
  const count = async (query: Promise<{ n: number | string | bigint }>) => Number((await query).n)
  return {
    households: await count(
      db
        .selectFrom('households')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    pendingRecords: await count(
      db
        .selectFrom('revisions')
        .where('status', '=', 'pending')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    drafts: await count(
      db
        .selectFrom('drafts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  }
}
