import { AppError } from '../../shared/result'

/**
 * Why a sync did not complete. Nothing is marked sent in any of these cases:
 * no_server_url (not set up) · server_unreachable (network down or server failing, after
 * retries) · bad_receipt (the answer does not acknowledge exactly what was sent) ·
 * sync_refused (the server answered the batch with an error) · cancelled (the app closed) ·
 * not_enrolled (no enrolment yet) · device_revoked (the province revoked this laptop) ·
 * bad_pull (the pulled changes do not match the contract; nothing of them is applied).
 */
export type SyncErrorCode =
  | 'no_server_url'
  | 'server_unreachable'
  | 'bad_receipt'
  | 'sync_refused'
  | 'cancelled'
  | 'not_enrolled'
  | 'device_revoked'
  | 'bad_pull'

export class SyncError extends AppError {
  constructor(
    override readonly code: SyncErrorCode,
    message: string,
  ) {
    super(code, message)
    this.name = 'SyncError'
  }
}
