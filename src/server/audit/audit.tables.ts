/** Who did something recorded in the audit log. */
export type AuditActorKind = 'user' | 'device' | 'anonymous' | 'cli' | 'system'

/**
 * One audit log entry: append-only. `details_json` holds a small JSON object that never
 * contains personal data (no names, phones or citizen ids; field names and codes only).
 */
export interface AuditLogTable {
  id: string
  at: string
  actor_kind: AuditActorKind
  actor_id: string | null
  actor_name: string | null
  action: string
  target_type: string
  target_id: string | null
  commune_code: string | null
  details_json: string
  ip: string | null
}
