import { AppError } from '../../shared/result'

/**
 * Why a receipt file was refused. Nothing on the laptop changes in any of these cases:
 * receipt_file_invalid (not a Làng Số receipt: not JSON, another kind of signed file, or
 * not a receipt's content) · receipt_other_province (signed with a key other than the
 * enrolled province's) · receipt_signature_invalid (the province's key, but the file was
 * altered or damaged) · receipt_unknown_batch (for a batch this laptop did not seal) ·
 * receipt_mismatch (does not answer exactly the batch's records) · receipt_already_applied
 * (this batch's receipt was applied before: applying it again would change nothing).
 */
export type ReceiptFileErrorCode =
  | 'receipt_file_invalid'
  | 'receipt_other_province'
  | 'receipt_signature_invalid'
  | 'receipt_unknown_batch'
  | 'receipt_mismatch'
  | 'receipt_already_applied'

export class ReceiptFileError extends AppError {
  constructor(
    override readonly code: ReceiptFileErrorCode,
    message: string,
  ) {
    super(code, message)
    this.name = 'ReceiptFileError'
  }
}
