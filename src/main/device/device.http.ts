import { z } from 'zod'
import type { MainContext } from '../context'
import { DeviceError } from './device.errors'

/** Enrolment is one small request: a minute is plenty even on a weak link. */
const REQUEST_TIMEOUT_MS = 60_000

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
])

/**
 * POSTs JSON to the server and returns the `data` of its Result envelope. A server error
 * is thrown as a DeviceError carrying the server's own reason code; no answer at all is
 * `server_unreachable`.
 */
export async function postJson(
  ctx: MainContext,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  let status: number
  let text: string
  try {
    const response = await ctx.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), ctx.closing]),
    })
    status = response.status
    text = await response.text()
  } catch (error) {
    ctx.log.info('device_request_network_error', {
      errorType: error instanceof Error ? error.name : typeof error,
    })
    throw new DeviceError('server_unreachable', `no answer from ${url}`)
  }
  const envelope = envelopeSchema.safeParse(parseJson(text))
  if (!envelope.success) {
    throw new DeviceError('server_answer_invalid', `HTTP ${status} without a result envelope`)
  }
  if (!envelope.data.ok) {
    throw new DeviceError(envelope.data.error.code, envelope.data.error.message)
  }
  return envelope.data.data
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // A proxy's HTML page or a cut answer: the envelope check reports it.
    return undefined
  }
}
