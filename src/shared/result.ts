/**
 * The result shape used across every boundary (IPC, HTTP): callers branch on `ok`
 * instead of catching exceptions thrown on the other side of a process or network.
 */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo }

/** A machine-readable reason code plus a human-readable message (English, for logs). */
export interface ErrorInfo {
  code: string
  message: string
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })

export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/**
 * Base class for expected failures. The `code` travels across boundaries and is what the
 * UI translates; the message is for developers and logs only.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message }
  }
}

/** Input failed its schema at a boundary. */
export class InvalidInputError extends AppError {
  constructor(message: string) {
    super('invalid_input', message)
    this.name = 'InvalidInputError'
  }
}

/** A record that was asked for does not exist. */
export class NotFoundError extends AppError {
  constructor(what: string) {
    super('not_found', `${what} not found`)
    this.name = 'NotFoundError'
  }
}

/**
 * Turns anything thrown into an ErrorInfo. Unexpected errors become `internal` so that
 * internals (and possibly personal data in messages) never cross a boundary.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo()
  return { code: 'internal', message: 'Unexpected internal error' }
}
