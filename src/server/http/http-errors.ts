import type { z } from 'zod'
import { AppError, type ErrorInfo, InvalidInputError } from '../../shared/result'

/** Most input problems named in one message; the rest are counted, keeping answers small. */
const MAX_LISTED_ISSUES = 10

/**
 * Turns a failed schema check into an error that names each bad field and what is wrong
 * with it, never the submitted value (it may be personal data).
 */
export function invalidInputFromZod(error: z.ZodError): InvalidInputError {
  const lines = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(input)'
    return `${field}: ${issue.message}`
  })
  const more = error.issues.length - lines.length
  if (more > 0) lines.push(`and ${more} more problem(s)`)
  return new InvalidInputError(`Invalid input — ${lines.join('; ')}`)
}

/**
 * HTTP status of each error code; any other AppError is a 422 (understood, not done).
 * Other domains add their codes here when 422 does not fit.
 */
const STATUS_BY_CODE: Record<string, number> = {
  not_found: 404,
  invalid_input: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // Who may call (see access-control.ts).
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  device_revoked: 403,
  account_disabled: 403,
  setup_token_invalid: 403,
  rate_limited: 429,
  // The store's state does not allow the change.
  conflict: 409,
  already_set_up: 409,
  username_taken: 409,
  last_admin: 409,
  own_account: 409,
  province_not_set: 409,
  // Input that passed the schema but not the domain's rules.
  invalid_commune: 400,
  invalid_province: 400,
  wrong_password: 400,
  // Sealed batches (sync/sealed-import.service.ts): codes of BatchError and of the import.
  batch_malformed: 400,
  batch_version_unsupported: 400,
  revision_invalid: 400,
  manifest_mismatch: 400,
  receipt_invalid: 400,
  device_unknown: 401,
  signature_invalid: 401,
  device_mismatch: 403,
  batch_too_large: 413,
}

/** Fastify's own request errors (body parsing, limits) as answers a client can act on. */
const FASTIFY_ERRORS: Record<string, ErrorInfo> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_input',
    message: 'Request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_input', message: 'Request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: 'Request body is larger than the server accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Send the request body as application/json',
  },
}

export interface HttpErrorAnswer {
  status: number
  info: ErrorInfo
  /** Unexpected: log it in full; the client only learns `internal`. */
  unexpected: boolean
  /** Extra response headers, e.g. Retry-After for `rate_limited`. */
  headers?: Record<string, string>
}

/** Maps anything thrown while answering a request to a status and a safe error body. */
export function toHttpError(error: unknown): HttpErrorAnswer {
  if (error instanceof AppError) {
    const answer: HttpErrorAnswer = {
      status: STATUS_BY_CODE[error.code] ?? 422,
      info: error.toInfo(),
      unexpected: false,
    }
    const retryAfter = retryAfterOf(error)
    if (retryAfter !== undefined) answer.headers = { 'retry-after': String(retryAfter) }
    return answer
  }
  const known = fastifyError(error)
  if (known) return known
  return {
    status: 500,
    info: { code: 'internal', message: 'Unexpected internal error' },
    unexpected: true,
  }
}

/** Seconds to wait, carried by any rate-limit error as `retryAfterSeconds`. */
function retryAfterOf(error: AppError): number | undefined {
  const value = (error as AppError & { retryAfterSeconds?: unknown }).retryAfterSeconds
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.max(1, Math.ceil(value))
    : undefined
}

function fastifyError(error: unknown): HttpErrorAnswer | undefined {
  if (!(error instanceof Error)) return undefined
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown }
  const info = typeof code === 'string' ? FASTIFY_ERRORS[code] : undefined
  if (info) return { status: STATUS_BY_CODE[info.code] ?? 400, info, unexpected: false }
  // Any other client error from the framework (bad content length, …): a plain 400.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: 400,
      info: { code: 'invalid_input', message: 'The request could not be read' },
      unexpected: false,
    }
  }
  return undefined
}
