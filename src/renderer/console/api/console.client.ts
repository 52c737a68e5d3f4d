import { z } from 'zod'
import {
  type HttpCall,
  type HttpCallSpec,
  type HttpInput,
  type HttpOutput,
  httpContract,
} from '../../../shared/api/http.contract'
import { CallFailedError } from '../../common/errors/error.messages'

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
])

/** A request made from a contract call: the path with its params filled, query or body. */
export interface HttpRequest {
  method: HttpCallSpec['method']
  /** Path and query, relative to the server's origin. */
  url: string
  body?: string
}

/**
 * Builds the request of a call: `:name` path segments are taken from the input, the other
 * fields go in the query string (GET) or the JSON body (POST). Absent fields are left out.
 */
export function buildRequest(spec: HttpCallSpec, input: Record<string, unknown>): HttpRequest {
  const rest: Record<string, unknown> = { ...input }
  const path = spec.path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = rest[name]
    delete rest[name]
    if (value === undefined || value === null || value === '') {
      throw new CallFailedError('invalid_input', `path parameter "${name}" is missing`)
    }
    return encodeURIComponent(String(value))
  })
  if (spec.method === 'POST') return { method: 'POST', url: path, body: JSON.stringify(rest) }
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value))
  }
  const search = query.toString()
  return { method: 'GET', url: search ? `${path}?${search}` : path }
}

/**
 * The province console's typed client of the server's HTTP contract. Every answer is
 * checked twice with zod — the `{ok,data}|{ok:false,error}` envelope, then the call's output
 * schema — so a screen never renders data it does not understand.
 */
export class ConsoleClient {
  constructor(
    /** Origin of the server; empty for the page's own origin. */
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async call<N extends HttpCall>(name: N, input: HttpInput<N>): Promise<HttpOutput<N>> {
    const spec: HttpCallSpec = httpContract[name]
    const request = buildRequest(spec, input as Record<string, unknown>)
    const payload = await this.send(request)
    const envelope = envelopeSchema.safeParse(payload)
    if (!envelope.success) throw new CallFailedError('bad_response', `${name}: not an API envelope`)
    if (!envelope.data.ok) {
      throw new CallFailedError(envelope.data.error.code, envelope.data.error.message)
    }
    const output = spec.output.safeParse(envelope.data.data)
    if (!output.success) throw new CallFailedError('bad_response', `${name}: unexpected data`)
    return output.data as HttpOutput<N>
  }

  private async send(request: HttpRequest): Promise<unknown> {
    let response: Response
    try {
      response = await this.fetchImpl(`${this.baseUrl}${request.url}`, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(request.body ? { body: request.body } : {}),
      })
    } catch (error) {
      throw new CallFailedError('network', error instanceof Error ? error.message : 'fetch failed')
    }
    try {
      return await response.json()
    } catch {
      // An error page or proxy answer instead of JSON: report the status, not the parse error.
      throw new CallFailedError('bad_response', `HTTP ${response.status}: body is not JSON`)
    }
  }
}
