import { AppError } from '../../shared/result'

/**
 * Why enrolment or a device call failed. Besides these, the server's own reason codes pass
 * through unchanged (enrolment_code_invalid, enrolment_code_expired, enrolment_code_used,
 * rate_limited, device_revoked, invalid_input), so the screen can explain each one.
 * - not_enrolled: the laptop has no enrolment yet
 * - server_unreachable: no answer from the server
 * - server_answer_invalid: the server answered something that is not the expected result
 * - province_key_mismatch: the province key received is not the one pinned (QR code, or the
 *   key this laptop already trusts)
 * - enrolment_file_invalid: not an enrolment file, or its signature does not verify
 */
export class DeviceError extends AppError {
  constructor(code: string, message: string) {
    super(code, message)
    this.name = 'DeviceError'
  }
}

/** The laptop must be enrolled first. */
export class NotEnrolledError extends DeviceError {
  constructor() {
    super('not_enrolled', 'this laptop is not enrolled with a provincial server')
    this.name = 'NotEnrolledError'
  }
}
