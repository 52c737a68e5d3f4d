/**
 * Row types of the laptop's local store (one SQLite file per installation). Columns are
 * snake_case as in SQL; JSON columns hold text that the repositories parse with zod.
 */
export interface LocalDatabase {
  settings: SettingsTable
  households: HouseholdsTable
  members: MembersTable
  visits: VisitsTable
  revisions: RevisionsTable
}

/** Key/value settings of this installation (device id, clock, server, last sync). */
export interface SettingsTable {
  key: string
  value: string
}

/** Where a household or revision stands with the server. */
export type LocalSyncState = 'pending' | 'sent' | 'rejected'

/** Current state of each household, denormalised from its latest revision for fast lists. */
export interface HouseholdsTable {
  id: string
  commune_code: string
  village_code: string
  head_name: string
  /** Folded, accent-free text (head, members, address, phone digits) for LIKE search. */
  search_text: string
  address: string | null
  member_count: number
  visit_result: string | null
  visit_date: string
  latest_revision_id: string
  sync_state: LocalSyncState
  reject_reason: string | null
  created_at: string
  updated_at: string
}

/** The current roster of a household; replaced on every save. */
export interface MembersTable {
  id: string
  household_id: string
  position: number
  full_name: string
  answers_json: string
}

/** One visit (one household, one day): the latest response recorded that day. */
export interface VisitsTable {
  id: string
  household_id: string
  visit_date: string
  form_id: string
  form_version: number
  response_json: string
  created_at: string
  updated_at: string
}

/** The outbox: every saved revision, kept after it is sent (append-only history). */
export interface RevisionsTable {
  id: string
  household_id: string
  visit_id: string
  base_revision_id: string | null
  hlc: string
  /** The full HouseholdRevision as JSON, exactly what is sent. */
  payload_json: string
  status: LocalSyncState
  /** Reason code given by the server when it rejected the revision. */
  reason: string | null
  /** The batch whose receipt settled this revision. */
  batch_id: string | null
  created_at: string
  sent_at: string | null
}
