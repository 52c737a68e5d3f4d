import { AppError } from '../../shared/result'

/** No valid session (or device proof) came with a call that needs one: HTTP 401. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first') {
    super('unauthenticated', message)
    this.name = 'UnauthenticatedError'
  }
}

/** The caller is known but may not do this: HTTP 403. */
export class ForbiddenError extends AppError {
  constructor(message = 'You may not do this') {
    super('forbidden', message)
    this.name = 'ForbiddenError'
  }
}

/** A state-changing call came without the session's `x-csrf-token`: HTTP 403. */
export class CsrfError extends AppError {
  constructor() {
    super('csrf', 'Missing or wrong x-csrf-token header')
    this.name = 'CsrfError'
  }
}

/** Too many failed sign-ins: HTTP 429 with a Retry-After header. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many failed sign-ins; try again in ${retryAfterSeconds} s`)
    this.name = 'RateLimitedError'
  }
}

/** Unknown username or wrong password — deliberately the same answer: HTTP 401. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super('invalid_credentials', 'Wrong username or password')
    this.name = 'InvalidCredentialsError'
  }
}

/** The state of the store does not allow the change (e.g. already set up): HTTP 409. */
export class ConflictError extends AppError {
  constructor(code: string, message: string) {
    super(code, message)
    this.name = 'ConflictError'
  }
}
