import { AppError } from '../../shared/result'

/**
 * Why a backup could not be made or restored. The store is never changed by a failure:
 * a restore only replaces it at the next start, after every check has passed.
 */
export type BackupErrorCode =
  /** No backup of that name in the backups folder. */
  | 'backup_not_found'
  /** The file is not a readable SQLite database, or fails its integrity check. */
  | 'backup_damaged'
  /** The backup cannot be brought to this version's schema (made by a newer app, or broken). */
  | 'backup_incompatible'
  /** The backup's data is sealed with another data key: it could never be read here. */
  | 'backup_other_key'
  /** The backup is of another installation (another device id). */
  | 'backup_other_device'
  /** Work would be lost and the person has not confirmed exactly that list. */
  | 'restore_loss_not_confirmed'
  /** Another backup or restore is running. */
  | 'backup_busy'
  /** The snapshot could not be written (disk full, folder not writable). */
  | 'backup_failed'

export class BackupError extends AppError {
  constructor(
    override readonly code: BackupErrorCode,
    message: string,
  ) {
    super(code, message)
    this.name = 'BackupError'
  }
}
