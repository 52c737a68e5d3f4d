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

/** The header carrying the session's CSRF token on every state-changing call. */
export const CSRF_HEADER = 'x-csrf-token'

/** A request made from a contract call: the path with its params filled, query or body. */
export interface HttpRequest {
  method: HttpCallSpec['method']
  /** Path and query, relative to the server's origin. */
  url: string
  body?: string
}

/**
 * Builds the request of a call: `:name` path segments are taken from the input, the other
 * fields go in the query string (GET) or the JSON body (POST, PUT, DELETE). Absent fields
 * are left out.
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
  if (spec.method !== 'GET') return { method: spec.method, url: path, body: JSON.stringify(rest) }
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value))
  }
  const search = query.toString()
  return { method: 'GET', url: search ? `${path}?${search}` : path }
}

/**
 * A call the server refused or could not answer: the reason code, the HTTP status when
 * there was an answer, and how long to wait when the server asked (Retry-After).
 */
export class ConsoleCallError extends CallFailedError {
  constructor(
    code: string,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code, message)
    this.name = 'ConsoleCallError'
  }
}

interface RawAnswer {
  status: number
  retryAfterSeconds: number | null
  payload: unknown
}

/**
 * The province console's typed client of the server's HTTP contract. Every answer is
 * checked twice with zod — the `{ok,data}|{ok:false,error}` envelope, then the call's output
 * schema — so a screen never renders data it does not understand.
 *
 * It also carries the console session: the browser keeps the HTTP-only session cookie
 * (same-origin requests only), the client keeps the CSRF token given by sign-in, setup and
 * `auth.me`, and sends it on every call that is not a GET. When the server says the
 * session is gone (401), the token is dropped and the listeners are told, so the app can
 * show the sign-in page.
 */
export class ConsoleClient {
  private csrfToken: string | null = null
  private readonly signedOutListeners = new Set<() => void>()

  constructor(
    /** Origin of the server; empty for the page's own origin. */
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** Whether the client holds a session's CSRF token (i.e. it believes it is signed in). */
  get hasSession(): boolean {
    return this.csrfToken !== null
  }

  /** Runs `listener` whenever the server answers 401; returns the unsubscribe function. */
  onSignedOut(listener: () => void): () => void {
    this.signedOutListeners.add(listener)
    return () => this.signedOutListeners.delete(listener)
  }

  async call<N extends HttpCall>(name: N, input: HttpInput<N>): Promise<HttpOutput<N>> {
    const spec: HttpCallSpec = httpContract[name]
    const request = buildRequest(spec, input as Record<string, unknown>)
    const answer = await this.send(request)
    const envelope = envelopeSchema.safeParse(answer.payload)
    if (!envelope.success) {
      throw new ConsoleCallError('bad_response', `${name}: not an API envelope`, answer.status)
    }
    if (!envelope.data.ok) {
      const { code, message } = envelope.data.error
      if (answer.status === 401 && code === 'unauthenticated') this.sessionEnded()
      throw new ConsoleCallError(code, message, answer.status, answer.retryAfterSeconds)
    }
    const output = spec.output.safeParse(envelope.data.data)
    if (!output.success) {
      throw new ConsoleCallError('bad_response', `${name}: unexpected data`, answer.status)
    }
    this.keepSession(name, output.data)
    return output.data as HttpOutput<N>
  }

  /** Sign-in, setup and `auth.me` hand out the CSRF token; sign-out ends it. */
  private keepSession(name: HttpCall, data: unknown): void {
    if (name === 'auth.signOut') {
      this.csrfToken = null
      return
    }
    const token = (data as { csrfToken?: unknown } | null)?.csrfToken
    if (typeof token === 'string' && token !== '') this.csrfToken = token
  }

  private sessionEnded(): void {
    this.csrfToken = null
    for (const listener of this.signedOutListeners) listener()
  }

  private async send(request: HttpRequest): Promise<RawAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (request.body !== undefined) headers['content-type'] = 'application/json'
    if (request.method !== 'GET' && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken
    let response: Response
    try {
      response = await this.fetchImpl(`${this.baseUrl}${request.url}`, {
        method: request.method,
        headers,
        // The session cookie goes to the console's own server only.
        credentials: 'same-origin',
        ...(request.body !== undefined ? { body: request.body } : {}),
      })
    } catch (error) {
      throw new ConsoleCallError('network', error instanceof Error ? error.message : 'fetch failed')
    }
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'))
    try {
      return { status: response.status, retryAfterSeconds, payload: await response.json() }
    } catch {
      // An error page or proxy answer instead of JSON: report the status, not the parse error.
      throw new ConsoleCallError(
        'bad_response',
        `HTTP ${response.status}: body is not JSON`,
        response.status,
      )
    }
  }
}

/** Seconds of a Retry-After header (the server sends whole seconds); null when absent. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null
  return Number(value)
}
