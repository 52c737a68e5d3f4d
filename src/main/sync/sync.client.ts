import { z } from 'zod'
import { type SyncPull, syncPullSchema } from '../../shared/api/http/sync.contract'
import { httpContract, type SyncReceipt } from '../../shared/api/http.contract'
import { BATCH_MEDIA_TYPE, isBatchError, openReceipt } from '../../shared/sync/batch-codec.node.js'
import { signDeviceRequest } from '../../shared/sync/device-signature.node.js'
import type { MainContext } from '../context'
import type { Enrolment } from '../device/device-enrolment.repository'
import type { SealedBatch } from './sealed-batch.repository'
import { SyncError } from './sync.errors'

/** Tries per batch before giving up; with the delays below, about half a minute in all. */
export const MAX_UPLOAD_ATTEMPTS = 5
const FIRST_RETRY_DELAY_MS = 1000
const MAX_RETRY_DELAY_MS = 16_000
/** A batch of 100 households is a few tens of KB sealed: generous even for weak 3G. */
const REQUEST_TIMEOUT_MS = 120_000

/** Where sealed batches go (the same path the request signature covers). */
export const SEALED_BATCH_PATH = httpContract['sync.uploadSealedBatch'].path

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
])

/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s, … capped. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS)
}

/**
 * Posts one sealed batch, signed as a device request, and returns the receipt once its
 * province signature is verified and it answers exactly the batch's revisions. Network
 * failures and server errors (5xx, 429, 408) are retried with exponential backoff; every
 * try sends the same bytes, so the server sees one batch however often it arrives.
 */
export async function uploadSealedBatch(
  ctx: MainContext,
  enrolment: Enrolment,
  serverUrl: string,
  batch: SealedBatch,
): Promise<SyncReceipt> {
  const url = `${serverUrl}${SEALED_BATCH_PATH}`
  for (let attempt = 1; attempt <= MAX_UPLOAD_ATTEMPTS; attempt++) {
    const answer = await send(ctx, enrolment, url, {
      method: 'POST',
      pathWithQuery: SEALED_BATCH_PATH,
      body: batch.body,
    })
    if (answer !== null && !isRetryableStatus(answer.status)) {
      return readReceipt(enrolment, answer.status, answer.text, batch)
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

/** One signed request (a fresh nonce each try); null when the network failed first. */
async function send(
  ctx: MainContext,
  enrolment: Enrolment,
  url: string,
  request: { method: 'GET' | 'POST'; pathWithQuery: string; body: Uint8Array },
): Promise<{ status: number; text: string } | null> {
  const signature = signDeviceRequest(enrolment.signingKey, {
    method: request.method,
    pathWithQuery: request.pathWithQuery,
    body: request.body,
    deviceId: ctx.deviceId,
  })
  const isPost = request.method === 'POST'
  try {
    const response = await ctx.fetch(url, {
      method: request.method,
      headers: {
        ...signature,
        ...(isPost ? { 'content-type': BATCH_MEDIA_TYPE } : {}),
        accept: 'application/json',
      },
      // A copy in a fresh ArrayBuffer: what fetch's BodyInit types accept.
      ...(isPost ? { body: new Uint8Array(request.body) } : {}),
      signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), ctx.closing]),
    })
    return { status: response.status, text: await response.text() }
  } catch (error) {
    // Expected while offline: reported as server_unreachable once the retries run out.
    ctx.log.info('sync_network_error', {
      method: request.method,
      errorType: error instanceof Error ? error.name : typeof error,
    })
    return null
  }
}

/** Where a device pulls its commune's changes. */
export const PULL_PATH = httpContract['sync.pull'].path

/** Households per pull page: a few hundred KB of JSON at most. */
export const PULL_PAGE_SIZE = 200

const EMPTY_BODY = new Uint8Array(0)

/**
 * Fetches one page of the commune's changes after `cursor`, signed as a device request
 * (empty body), retried with backoff like an upload. The answer is checked against the
 * contract before anything is applied. `withDefinitions` asks for every published form
 * definition (the server sends them by itself only at cursor 0).
 */
export async function pullPage(
  ctx: MainContext,
  enrolment: Enrolment,
  serverUrl: string,
  cursor: number,
  options: { withDefinitions?: boolean } = {},
): Promise<SyncPull> {
  const definitions = options.withDefinitions ? '&withDefinitions=true' : ''
  const pathWithQuery = `${PULL_PATH}?cursor=${cursor}&limit=${PULL_PAGE_SIZE}${definitions}`
  for (let attempt = 1; attempt <= MAX_UPLOAD_ATTEMPTS; attempt++) {
    const answer = await send(ctx, enrolment, `${serverUrl}${pathWithQuery}`, {
      method: 'GET',
      pathWithQuery,
      body: EMPTY_BODY,
    })
    if (answer !== null && !isRetryableStatus(answer.status)) return readPull(answer)
    if (ctx.closing.aborted) throw new SyncError('cancelled', 'the app is closing')
    ctx.log.info('sync_pull_retry', { attempt, status: answer?.status ?? null })
    if (attempt < MAX_UPLOAD_ATTEMPTS) await ctx.sleep(retryDelayMs(attempt))
  }
  throw new SyncError(
    'server_unreachable',
    `server did not answer the pull after ${MAX_UPLOAD_ATTEMPTS} attempts`,
  )
}

function readPull(answer: { status: number; text: string }): SyncPull {
  const envelope = envelopeSchema.safeParse(parseJson(answer.text))
  if (!envelope.success) {
    throw new SyncError(
      'bad_pull',
      `server answered HTTP ${answer.status} without a result envelope`,
    )
  }
  if (!envelope.data.ok) {
    const { code } = envelope.data.error
    if (code === 'device_revoked')
      throw new SyncError('device_revoked', 'the province revoked this laptop')
    throw new SyncError('sync_refused', `server refused the pull (HTTP ${answer.status}, ${code})`)
  }
  const pull = syncPullSchema.safeParse(envelope.data.data)
  if (!pull.success) throw new SyncError('bad_pull', 'the pulled changes do not match the contract')
  return pull.data
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408
}

function readReceipt(
  enrolment: Enrolment,
  status: number,
  text: string,
  batch: SealedBatch,
): SyncReceipt {
  const envelope = envelopeSchema.safeParse(parseJson(text))
  if (!envelope.success) {
    throw new SyncError('bad_receipt', `server answered HTTP ${status} without a result envelope`)
  }
  if (!envelope.data.ok) {
    const { code } = envelope.data.error
    if (code === 'device_revoked') {
      throw new SyncError('device_revoked', 'the province revoked this laptop')
    }
    throw new SyncError('sync_refused', `server refused the batch (HTTP ${status}, ${code})`)
  }
  let receipt: SyncReceipt
  try {
    receipt = openReceipt(
      envelope.data.data as Parameters<typeof openReceipt>[0],
      enrolment.provincePublicKeys.signingPublicKey,
      batch.id,
    )
  } catch (error) {
    if (!isBatchError(error)) throw error
    throw new SyncError('bad_receipt', `the receipt does not verify (${error.code})`)
  }
  checkReceiptCovers(receipt, batch.revisionIds)
  return receipt
}

/** A receipt counts only if it has exactly one outcome per sent revision. */
export function checkReceiptCovers(receipt: SyncReceipt, revisionIds: readonly string[]): void {
  const sent = new Set(revisionIds)
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
