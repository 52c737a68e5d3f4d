import { AppError } from '../../shared/result'

/** The person already has exports waiting or being written (HTTP 422). */
export class ExportBusyError extends AppError {
  constructor(limit: number) {
    super('export_busy', `At most ${limit} exports may wait or run at once for one person`)
    this.name = 'ExportBusyError'
  }
}

/** The export's files are not ready, or expired and were deleted (HTTP 422). */
export class ExportNotReadyError extends AppError {
  constructor() {
    super('export_not_ready', 'The export has no files to download (not finished, or expired)')
    this.name = 'ExportNotReadyError'
  }
}

/** The server was started without a data folder, so it has nowhere to write files. */
export class ExportsUnavailableError extends AppError {
  constructor() {
    super('exports_unavailable', 'This server has no data folder to write exports to')
    this.name = 'ExportsUnavailableError'
  }
}
