import { AppError } from '../../shared/result'

/** Why seeding could not go on; the CLI prints the code and message, exit code 1. */
export type SeedErrorCode =
  | 'seed_invalid_option'
  | 'seed_province_unknown'
  | 'seed_province_mismatch'
  | 'seed_setup_incomplete'
  | 'seed_revision_rejected'

/** A seeding failure with its reason code. */
export class SeedError extends AppError {
  constructor(code: SeedErrorCode, message: string) {
    super(code, message)
    this.name = 'SeedError'
  }
}
