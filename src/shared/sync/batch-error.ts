import { AppError } from '../result'

/**
 * Why a sealed batch (or a receipt) was refused. The code travels to the device and the
 * console as the error code, so it is stable: add codes, never rename them.
 */
export const BATCH_ERROR_REASONS = [
  /** The file is longer than the reader's limit, or declares more revisions than allowed. */
  'batch_too_large',
  /** Not a batch file, truncated, inconsistent lengths, or a payload that does not decode. */
  'batch_malformed',
  /** A batch file of a format version this code cannot read. */
  'batch_version_unsupported',
  /** The device, or the key the batch names, is not known (or no longer accepted). */
  'device_unknown',
  /** The device signature does not match the file: tampered or signed by another key. */
  'signature_invalid',
  /** Sealed to another province encryption key than the one offered. */
  'wrong_province_key',
  /** Signed correctly, yet the payload does not decrypt. */
  'decrypt_failed',
  /** The decrypted payload does not have the SHA-256 the manifest states. */
  'payload_hash_mismatch',
  /** The payload expands beyond the declared size or the reader's limit (a zip bomb). */
  'payload_too_large',
  /** A revision fails the household revision schema. */
  'revision_invalid',
  /** The payload disagrees with its manifest: counts, device, commune or forms. */
  'manifest_mismatch',
  /** A form version the reader does not have, or whose layout differs from the sealer's. */
  'form_unknown',
  /** A receipt that is not a well-formed signed receipt. */
  'receipt_invalid',
] as const
export type BatchErrorReason = (typeof BATCH_ERROR_REASONS)[number]

/**
 * The one error the batch codec throws. Whatever a file contains, reading it either
 * succeeds or throws a BatchError whose `code` says why; nothing else escapes.
 */
export class BatchError extends AppError {
  constructor(
    readonly reason: BatchErrorReason,
    message: string,
    options?: { cause: unknown },
  ) {
    super(reason, message)
    this.name = 'BatchError'
    if (options) this.cause = options.cause
  }
}

/** Whether a value is a BatchError with the given reason (any reason when omitted). */
export function isBatchError(error: unknown, reason?: BatchErrorReason): error is BatchError {
  return error instanceof BatchError && (reason === undefined || error.reason === reason)
}
