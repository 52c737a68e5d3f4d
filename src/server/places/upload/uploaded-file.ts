import { MAX_UPLOAD_BYTES, type UploadedFile } from '../../../shared/api/http/places.contract'
import { AppError } from '../../../shared/result'
import { checkZipBounds } from './zip-bounds'

/** A spreadsheet format the server reads. */
export type SheetFileType = 'csv' | 'xlsx'

/** An upload decoded and checked: its type is known and its size within the limit. */
export interface DecodedUpload {
  fileName: string
  type: SheetFileType
  bytes: Buffer
}

/** The upload is larger than MAX_UPLOAD_BYTES (HTTP 413). */
export class UploadTooLargeError extends AppError {
  constructor(size: number) {
    super(
      'payload_too_large',
      `The file is ${size} bytes; the largest accepted is ${MAX_UPLOAD_BYTES} bytes`,
    )
    this.name = 'UploadTooLargeError'
  }
}

/** The file is neither a type the call accepts (HTTP 415). */
export class UnsupportedFileTypeError extends AppError {
  constructor(accepted: readonly SheetFileType[]) {
    super('unsupported_media_type', `Send a ${accepted.map((t) => `.${t}`).join(' or ')} file`)
    this.name = 'UnsupportedFileTypeError'
  }
}

/**
 * The file could not be read as what it claims to be: a corrupt workbook, a CSV that is not
 * UTF-8, a file without the expected header. The message says what to fix.
 */
export class InvalidFileError extends AppError {
  constructor(message: string) {
    super('invalid_file', message)
    this.name = 'InvalidFileError'
  }
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/**
 * Decodes an uploaded file and decides its type from the name, then checks that the bytes
 * agree: an .xlsx must be a ZIP whose declared content stays within bounds (no
 * decompression bombs), a .csv must not be one.
 */
export function decodeUpload(
  upload: UploadedFile,
  accepted: readonly SheetFileType[],
): DecodedUpload {
  const type = fileTypeOf(upload.fileName)
  if (!type || !accepted.includes(type)) throw new UnsupportedFileTypeError(accepted)
  const bytes = Buffer.from(upload.contentBase64, 'base64')
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadTooLargeError(bytes.length)
  if (bytes.length === 0) throw new InvalidFileError('The file is empty')
  const isZip = bytes.subarray(0, 4).equals(ZIP_SIGNATURE)
  if (type === 'xlsx') {
    if (!isZip) throw new InvalidFileError('The file is not an Excel workbook (.xlsx)')
    const problem = checkZipBounds(bytes)
    if (problem) throw new InvalidFileError(`The workbook cannot be read: ${problem}`)
  } else if (isZip) {
    throw new InvalidFileError('The file is a workbook, not a CSV file: name it .xlsx')
  }
  return { fileName: upload.fileName, type, bytes }
}

function fileTypeOf(fileName: string): SheetFileType | undefined {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.xlsx')) return 'xlsx'
  return undefined
}
