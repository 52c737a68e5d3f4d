import { AppError } from '../../shared/result'

/**
 * Reasons a device or an enrolment is refused. The codes travel to the desktop and the
 * console, which translate them; HTTP statuses are mapped in http-errors.ts.
 */

/** No enrolment code or token matches (or it was cancelled): HTTP 422. */
export class EnrolmentCodeInvalidError extends AppError {
  constructor() {
    super('enrolment_code_invalid', 'No valid enrolment code or token matches')
    this.name = 'EnrolmentCodeInvalidError'
  }
}

/** The code or token is past its expiry: HTTP 422. */
export class EnrolmentCodeExpiredError extends AppError {
  constructor() {
    super('enrolment_code_expired', 'The enrolment code or token has expired')
    this.name = 'EnrolmentCodeExpiredError'
  }
}

/** The code or token already enrolled another device: HTTP 422. */
export class EnrolmentCodeUsedError extends AppError {
  constructor() {
    super('enrolment_code_used', 'The enrolment code or token has already been used')
    this.name = 'EnrolmentCodeUsedError'
  }
}

/**
 * The token belongs to another commune than the batch that carries it (a laptop enrolled
 * for one commune cannot register itself for another): HTTP 422.
 */
export class EnrolmentCommuneMismatchError extends AppError {
  constructor(batchCommune: string, tokenCommune: string) {
    super(
      'enrolment_commune_mismatch',
      `The enrolment token is for commune ${tokenCommune}, the batch for commune ${batchCommune}`,
    )
    this.name = 'EnrolmentCommuneMismatchError'
  }
}

/** Too many failed enrolment attempts from one address: HTTP 429. */
export class EnrolmentRateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many failed enrolment attempts; try again in ${retryAfterSeconds} s`)
    this.name = 'EnrolmentRateLimitedError'
  }
}

/** The request carries no valid device proof (unknown device, bad signature): HTTP 401. */
export class DeviceUnauthenticatedError extends AppError {
  constructor(message: string) {
    super('unauthenticated', message)
    this.name = 'DeviceUnauthenticatedError'
  }
}

/** The device was revoked: nothing it sends is accepted. HTTP 403. */
export class DeviceRevokedError extends AppError {
  constructor() {
    super('device_revoked', 'This device has been revoked')
    this.name = 'DeviceRevokedError'
  }
}

/** The commune is not one of the province's official communes: HTTP 400. */
export class CommuneOutsideProvinceError extends AppError {
  constructor(communeCode: string) {
    super('invalid_commune', `Commune ${communeCode} is not in this server's province`)
    this.name = 'CommuneOutsideProvinceError'
  }
}

/** An enrolment code that was used can no longer be cancelled: HTTP 409. */
export class EnrolmentCodeNotCancellableError extends AppError {
  constructor() {
    super('conflict', 'The enrolment code has already been used')
    this.name = 'EnrolmentCodeNotCancellableError'
  }
}
