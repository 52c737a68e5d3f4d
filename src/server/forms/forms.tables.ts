/**
 * Row type of the form versions table (migration 0004-forms). A published version is never
 * changed or deleted: records keep the version they were made with.
 */
export interface FormVersionTable {
  form_id: string
  version: number
  /** The FormDefinition as JSON, exactly as published. */
  definition_json: string
  /** 'builtin' (shipped with the server), 'json' or 'xlsform' (published from the console). */
  source: string
  published_at: string
  /** Username of the publishing admin; null for the built-in version. */
  published_by: string | null
}
