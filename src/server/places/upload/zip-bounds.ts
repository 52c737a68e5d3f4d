import { inflateRawSync } from 'node:zlib'

/**
 * Bounds on what a ZIP (an .xlsx workbook) may expand to, checked before the workbook
 * reader sees it: a small upload must not become gigabytes of XML. Declared sizes are
 * summed from the central directory, then each part is inflated with its declared size as
 * a hard limit, so a part that lies about its size is caught too.
 */
export const MAX_ZIP_ENTRIES = 500
export const MAX_ZIP_UNCOMPRESSED_BYTES = 40 * 1024 * 1024

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50
const EOCD_MIN_SIZE = 22
const MAX_COMMENT = 0xffff
const LOCAL_FILE_HEADER = 0x04034b50
const ZIP64_MARKER = 0xffffffff
const STORED = 0
const DEFLATED = 8

/**
 * @returns why the ZIP is refused (not readable, ZIP64, too many entries, expands too
 * much), or undefined when its declared content is within bounds.
 */
export function checkZipBounds(bytes: Buffer): string | undefined {
  const eocd = findEndOfCentralDirectory(bytes)
  if (eocd < 0) return 'it is not a complete ZIP file'
  const entries = bytes.readUInt16LE(eocd + 10)
  const directoryOffset = bytes.readUInt32LE(eocd + 16)
  if (entries > MAX_ZIP_ENTRIES) return `it holds more than ${MAX_ZIP_ENTRIES} parts`
  if (directoryOffset === ZIP64_MARKER) return 'ZIP64 workbooks are not accepted'

  let offset = directoryOffset
  let total = 0
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      return 'its table of contents is damaged'
    }
    const uncompressed = bytes.readUInt32LE(offset + 24)
    if (uncompressed === ZIP64_MARKER) return 'ZIP64 workbooks are not accepted'
    total += uncompressed
    if (total > MAX_ZIP_UNCOMPRESSED_BYTES) {
      return `it expands to more than ${MAX_ZIP_UNCOMPRESSED_BYTES / (1024 * 1024)} MiB`
    }
    const problem = checkPart(bytes, {
      method: bytes.readUInt16LE(offset + 10),
      compressed: bytes.readUInt32LE(offset + 20),
      uncompressed,
      localHeader: bytes.readUInt32LE(offset + 42),
    })
    if (problem) return problem
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    offset += 46 + nameLength + extraLength + commentLength
  }
  return undefined
}

interface PartEntry {
  method: number
  compressed: number
  uncompressed: number
  localHeader: number
}

/** Inflates one part with its declared size as the limit. */
function checkPart(bytes: Buffer, entry: PartEntry): string | undefined {
  const header = entry.localHeader
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_FILE_HEADER) {
    return 'one of its parts is damaged'
  }
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28)
  const end = start + entry.compressed
  if (end > bytes.length) return 'one of its parts is cut short'
  if (entry.method === STORED) {
    return entry.compressed === entry.uncompressed ? undefined : 'one of its parts is damaged'
  }
  if (entry.method !== DEFLATED) return 'it uses a compression method Excel does not write'
  try {
    // A part that inflates beyond its declared size throws here instead of filling memory.
    inflateRawSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, entry.uncompressed) })
    return undefined
  } catch {
    return 'one of its parts is damaged or larger than it declares'
  }
}

/** Offset of the end-of-central-directory record, searched backwards past any comment. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const last = bytes.length - EOCD_MIN_SIZE
  const first = Math.max(0, last - MAX_COMMENT)
  for (let offset = last; offset >= first; offset -= 1) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset
  }
  return -1
}
