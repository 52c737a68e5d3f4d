import { AppError } from '../../shared/result'
import type { BatchErrorReason } from '../../shared/sync/batch-codec.node.js'

/**
 * Why the server refuses a sealed batch as a whole: the codec's reasons, plus the server's
 * own rules about the device that sealed it.
 */
export type BatchRefusalCode =
  | BatchErrorReason
  /** The device was revoked: nothing it sends is taken any more. */
  | 'device_revoked'
  /** The batch's commune is not its device's commune, or not in this province. */
  | 'wrong_commune'
  /** Uploaded by another device than the one that sealed it. */
  | 'device_mismatch'
  /**
   * The enrolment claim's token (a laptop enrolled by file) was refused as devices.enrol
   * would refuse it: unknown or cancelled, expired, used by another device (or this one
   * with another key), or for another commune than the batch's.
   */
  | 'enrolment_code_invalid'
  | 'enrolment_code_expired'
  | 'enrolment_code_used'
  | 'enrolment_commune_mismatch'

/** A sealed batch refused by a server rule (the codec's own refusals are BatchErrors). */
export class BatchRefusedError extends AppError {
  constructor(
    readonly reason: BatchRefusalCode,
    message: string,
  ) {
    super(reason, message)
    this.name = 'BatchRefusedError'
  }
}
