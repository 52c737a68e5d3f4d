import type { ExportFormat, ExportPhase, ExportStatus } from '../../shared/api/http.contract'

/**
 * One export job (migration 0011-exports): who asked, for which households, how far the
 * writer got, and the files it left under the data folder until they expire. Progress
 * columns are rewritten as the writer goes, so a console polling the job sees it move.
 */
export interface ExportJobTable {
  id: string
  /** The user who asked; only they see and download the files. */
  user_id: string
  /** Their username then, for the workbook's "Thông tin" sheet. */
  user_name: string
  format: ExportFormat
  /** The filter as applied (a commune viewer's commune filled in), as JSON. */
  filter_json: string
  status: ExportStatus
  phase: ExportPhase | null
  households_total: number
  households_written: number
  members_written: number
  /** Members to copy into the member sheets (XLSX), once the households are written. */
  members_total: number
  /** The finished files, as JSON: `[{ kind, name, bytes }]`. */
  files_json: string
  error_code: string | null
  created_at: string
  /** Last change of any column: a heartbeat while the writer runs. */
  updated_at: string
  finished_at: string | null
  expires_at: string | null
}
