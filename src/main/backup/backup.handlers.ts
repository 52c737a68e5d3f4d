import { statSync } from 'node:fs'
import type { IpcInput, IpcOutput } from '../../shared/api/ipc.contract'
import { dataFolderOfDb } from '../app/data-folder'
import type { MainContext } from '../context'
import { createBackup } from './backup.service'
import { KEEP_BACKUPS, listBackups } from './backup-files'
import { previewRestore, stageRestore } from './restore.service'
import { readLastRestore } from './restore-marker'

/** backup.overview: the data folder, the store's size, the backups kept and the last restore. */
export const backupOverviewHandler = async (
  ctx: MainContext,
): Promise<IpcOutput<'backup.overview'>> => {
  const folder = await dataFolderOfDb(ctx.db)
  return {
    dataDir: folder.dataDir,
    backupsDir: folder.backupsDir,
    logsDir: folder.logsDir,
    databaseBytes: fileSize(folder.dbFile) + fileSize(`${folder.dbFile}-wal`),
    backups: listBackups(folder.backupsDir),
    keep: { ...KEEP_BACKUPS },
    lastRestore: readLastRestore(folder.lastRestoreFile),
  }
}

/** backup.create: "back up now". */
export const createBackupHandler = (ctx: MainContext): Promise<IpcOutput<'backup.create'>> =>
  createBackup(ctx, 'manual')

/** backup.previewRestore: the checks and what a restore would drop. */
export const previewRestoreHandler = (
  ctx: MainContext,
  input: IpcInput<'backup.previewRestore'>,
): Promise<IpcOutput<'backup.previewRestore'>> => previewRestore(ctx, input.fileName)

/** backup.restore: stage the restore for the next start, after the person confirmed the loss. */
export const restoreBackupHandler = (
  ctx: MainContext,
  input: IpcInput<'backup.restore'>,
): Promise<IpcOutput<'backup.restore'>> => stageRestore(ctx, input.fileName, input.confirmLoss)

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}
