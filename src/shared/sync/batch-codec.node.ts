/**
 * The sealed batch codec: one format for every way records travel from a laptop to the
 * province — HTTP upload or a file on a USB stick (docs/batch-format.md).
 *
 * - Device: `sealBatch(...)` → bytes (format version 3) to upload or save as a
 *   `.langso-batch` file (with an `enrolmentClaim` while a laptop enrolled by file is
 *   unknown to the server);
 *   `openReceipt(...)` → the verified receipt to settle records by.
 * - Server: `readBatchManifest(bytes)` (no key: inbox, early rejection, loading the forms
 *   and the device) → `openBatch(bytes, ...)` → revisions to ingest → `sealReceipt(...)`.
 *
 * Every failure is a BatchError whose `code` (BatchErrorReason) says why.
 * Import it as `…/batch-codec.node.js` (see device-signature.node.ts for why).
 */
export type { EnrolmentClaim, EnrolmentClaimSecret } from './batch-claim.node.js'
export { BATCH_ERROR_REASONS, BatchError, type BatchErrorReason, isBatchError } from './batch-error'
export type { FormLookup } from './batch-form-layout.node.js'
export {
  BATCH_FORMAT_VERSION,
  BATCH_FORMAT_VERSION_COMPACT,
  BATCH_FORMAT_VERSION_EXTENDED,
  type BatchFormatVersion,
  type BatchLimits,
  DEFAULT_BATCH_LIMITS,
  type PayloadCodec,
} from './batch-format'
export {
  type BatchEnrolmentClaim,
  type BatchFormRef,
  type BatchManifest,
  readBatchManifest,
} from './batch-manifest'
export {
  type DevicePublicKey,
  type OpenBatchOptions,
  type OpenedBatch,
  openBatch,
} from './batch-open.node.js'
export { openReceipt, RECEIPT_PURPOSE, sealReceipt } from './batch-receipt.node.js'
export { type SealBatchInput, type SealOptions, sealBatch } from './batch-seal.node.js'

/** File name extension of a batch file carried on removable media. */
export const BATCH_FILE_EXTENSION = '.langso-batch'
/** Media type of a batch file in an HTTP body. */
export const BATCH_MEDIA_TYPE = 'application/vnd.langso.batch'
