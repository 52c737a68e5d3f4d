import { MAX_RECEIPT_FILE_BYTES } from '../../../shared/api/ipc.contract'
import { CallFailedError } from '../../common/errors/error.messages'

/** What the file picker offers: receipt files first, any JSON for a renamed one. */
export const RECEIPT_FILE_ACCEPT = '.langso-receipt,application/json,.json'

/**
 * A chosen receipt file's bytes in base64, as sync.importReceiptFile takes them. Only the
 * main process judges the content; a file far too large to be a receipt is refused here
 * rather than read into memory.
 */
export async function readReceiptFile(file: Blob): Promise<string> {
  if (file.size > MAX_RECEIPT_FILE_BYTES) {
    throw new CallFailedError('receipt_file_invalid', 'the file is too large to be a receipt')
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  // In chunks, so that a large file does not overflow the call stack.
  const CHUNK = 0x8000
  let binary = ''
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK))
  }
  return btoa(binary)
}
