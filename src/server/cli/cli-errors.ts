import { AppError } from '../../shared/result'

/** A mistake in how a command was called: printed without a stack, exit code 2. */
export class CliUsageError extends AppError {
  constructor(message: string) {
    super('cli_usage', message)
    this.name = 'CliUsageError'
  }
}
