import { z } from 'zod'
import {
  httpContract,
  type SyncBatch,
  type SyncReceipt,
  syncReceiptSchema,
} from '../../shared/api/http.contract'
import type { MainContext } from '../context'
import { SyncError } from './sync.errors'

/** Tries per batch before giving up; with the delays below, about half a minute in all. */
export const MAX_UPLOAD_ATTEMPTS = 5
const FIRST_RETRY_DELAY_MS = 1000
const MAX_RETRY_DELAY_MS = 16_000
/** A batch of 100 households is a few hundred KB: generous even for weak 3G. */
const REQUEST_TIMEOUT_MS = 120_000

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
])

/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s, … capped. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS)
}

/**
 * Posts one sealed batch and returns the server's receipt, checked to acknowledge exactly
 * the batch's revisions. Network failures and server errors (5xx, 429, 408) are retried
 * with exponential backoff; the server treats a re-sent revision as a duplicate, so a
 * retry after a lost answer never counts anything twice.
 */
export async function uploadBatch(
  ctx: MainContext,
  serverUrl: string,
  batch: SyncBatch,
): Promise<SyncReceipt> {
  const url = `${serverUrl}${httpContract['sync.uploadBatch'].path}`
  const body = JSON.stringify(batch)
  for (let attempt = 1; attempt <= MAX_UPLOAD_ATTEMPTS; attempt++) {
    const answer = await post(ctx, url, body)
    if (answer !== null && !isRetryableStatus(answer.status)) {
      return readReceipt(answer.status, answer.text, batch)
    }
    if (ctx.closing.aborted) throw new SyncError('cancelled', 'the app is closing')
    ctx.log.info('sync_upload_retry', { attempt, status: answer?.status ?? null })
    if (attempt < MAX_UPLOAD_ATTEMPTS) await ctx.sleep(retryDelayMs(attempt))
  }
  throw new SyncError(
    'server_unreachable',
    `server did not answer the batch after ${MAX_UPLOAD_ATTEMPTS} attempts`,
  )
}

/** One POST; null when the network failed before a full answer arrived. */
async function post(
  ctx: MainContext,
  url: string,
  body: string,
): Promise<{ status: number; text: string } | null> {
  try {
    const response = await ctx.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), ctx.closing]),
    })
    return { status: response.status, text: await response.text() }
  } catch (error) {
    // Expected while offline: reported as server_unreachable once the retries run out.
    ctx.log.info('sync_upload_network_error', {
      errorType: error instanceof Error ? error.name : typeof error,
    })
    return null
  }
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408
}

function readReceipt(status: number, text: string, batch: SyncBatch): SyncReceipt {
  const envelope = envelopeSchema.safeParse(parseJson(text))
  if (!envelope.success) {
    throw new SyncError('bad_receipt', `server answered HTTP ${status} without a result envelope`)
  }
  if (!envelope.data.ok) {
    const { code } = envelope.data.error
    throw new SyncError('sync_refused', `server refused the batch (HTTP ${status}, ${code})`)
  }
  const receipt = syncReceiptSchema.safeParse(envelope.data.data)
  if (!receipt.success) throw new SyncError('bad_receipt', 'server answer is not a sync receipt')
  checkReceiptCoversBatch(receipt.data, batch)
  return receipt.data
}

/** A receipt counts only if it is for this batch and has one outcome per sent revision. */
export function checkReceiptCoversBatch(receipt: SyncReceipt, batch: SyncBatch): void {
  if (receipt.batchId !== batch.batchId) {
    throw new SyncError('bad_receipt', 'receipt is for another batch')
  }
  const sent = new Set(batch.revisions.map((r) => r.id))
  const answered = new Set(receipt.outcomes.map((o) => o.revisionId))
  const exact =
    answered.size === receipt.outcomes.length &&
    answered.size === sent.size &&
    [...sent].every((id) => answered.has(id))
  if (!exact) throw new SyncError('bad_receipt', 'receipt outcomes do not match the sent revisions')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // Not JSON (a proxy's HTML error page, a truncated body): the envelope check reports it.
    return undefined
  }
}
