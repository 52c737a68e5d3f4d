import { BATCH_FILE_EXTENSION } from '../../shared/sync/batch-codec.node.js'

/** Vietnam's offset from UTC (no daylight saving), as the app shows every time. */
const VIETNAM_OFFSET_MS = 7 * 3600_000

/**
 * The name an exported batch file is saved under, so that staff tell it apart among several
 * on a USB stick: `langso-<commune code>-<YYYYMMDD-HHmm>-<last 8 of batch id>.langso-batch`.
 * The time is when it was sealed, in Vietnam time like every time the app and the console
 * show; ASCII only, so that any stick's file system and the console's file picker keep it
 * intact. The batch id's random end is used: a UUIDv7 starts with its time, already in the
 * name, and the console shows that same end (…last 6) in its inbox.
 */
export function exportedBatchFileName(input: {
  communeCode: string
  createdAt: string
  batchId: string
}): string {
  const local = new Date(Date.parse(input.createdAt) + VIETNAM_OFFSET_MS).toISOString()
  // "2025-11-24T09:05:…" → "20251124-0905"
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}`
  const commune = input.communeCode.replace(/[^0-9A-Za-z]/g, '')
  const shortId = input.batchId.replace(/[^0-9A-Za-z]/g, '').slice(-8)
  return `langso-${commune}-${stamp}-${shortId}${BATCH_FILE_EXTENSION}`
}
