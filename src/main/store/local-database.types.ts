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
  team_members: TeamMembersTable
  drafts: DraftsTable
  pii_index: PiiIndexTable
  household_search: HouseholdSearchTable
  village_register: VillageRegisterTable
  sealed_batches: SealedBatchesTable
  sealed_batch_revisions: SealedBatchRevisionsTable
  form_versions: FormVersionsTable
  parked_households: ParkedHouseholdsTable
}

/*
 * Personal data at rest: columns marked "sealed" hold FieldCipher output (`enc1:…`,
 * AES-256-GCM), never clear text. Phones and citizen ids appear nowhere else except as
 * keyed hashes in pii_index.
 */

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
  /** Folded, accent-free names and address (no phone: see pii_index); mirrored in household_search. */
  search_text: string
  address: string | null
  member_count: number
  visit_result: string | null
  visit_date: string
  latest_revision_id: string
  sync_state: LocalSyncState
  reject_reason: string | null
  /**
   * When the latest revision, still pending, left in a sealed batch that no receipt settled
   * yet (the latest such batch's created_at); null otherwise. The record awaits its receipt.
   */
  awaiting_since: string | null
  /** How it left: an upload without a verified answer yet, or a file exported for a USB stick. */
  awaiting_via: 'upload' | 'export' | null
  /** JSON Contribution (indicators) of the latest completed visit; no personal data. */
  contribution_json: string | null
  /** Visit date of the visit contribution_json was computed from. */
  contribution_date: string | null
  /** The head's name folded with its words sorted, for the similar-name duplicate check. */
  head_key: string | null
  /**
   * This household's row in household_search. A save moves it to a new, higher rowid, so
   * the index lists matches newest first and a search stops at its limit.
   */
  search_rowid: number | null
  created_at: string
  updated_at: string
}

/** The current roster of a household; replaced on every save. */
export interface MembersTable {
  id: string
  household_id: string
  position: number
  full_name: string
  /** Sealed JSON answers of the member. */
  answers_json: string
}

/** One visit (one household, one day): the latest response recorded that day. */
export interface VisitsTable {
  id: string
  household_id: string
  visit_date: string
  form_id: string
  form_version: number
  /** Sealed JSON FormResponse as saved (cleaned). */
  response_json: string
  visit_result: string | null
  /** 1 when the whole form was recorded (completed, with consent): the roster is in it. */
  full_record: number
  enumerator_id: string | null
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
  /** Sealed JSON of the full HouseholdRevision, exactly what is sent (opened when sealing a batch). */
  payload_json: string
  status: LocalSyncState
  /** Reason code given by the server when it rejected the revision. */
  reason: string | null
  /** The batch whose receipt settled this revision. */
  batch_id: string | null
  created_at: string
  sent_at: string | null
}

/** The village team: who may be named as having made a visit. Never deleted. */
export interface TeamMembersTable {
  id: string
  name: string
  /** 1 active, 0 deactivated (kept: old visits name them). */
  active: number
  created_at: string
  updated_at: string
}

/** A visit in progress, written on every answer change. */
export interface DraftsTable {
  id: string
  /** Null while recording a household that is not saved yet. */
  household_id: string | null
  village_code: string
  visit_date: string
  enumerator_id: string | null
  form_id: string
  form_version: number
  /** Clear head name for the "resume" list (names are not sealed; phones and ids are). */
  head_name: string
  /** Sealed JSON FormResponse. */
  response: string
  /** Sealed JSON FormResponse of the household's state when the visit started. */
  previous_response: string | null
  previous_visit_date: string | null
  cursor_json: string | null
  created_at: string
  updated_at: string
}

/** Keyed hashes of a household's phones and citizen ids (FieldCipher.blindIndex). */
export interface PiiIndexTable {
  household_id: string
  kind: 'phone' | 'citizen_id'
  hmac: string
}

/**
 * FTS5 index of households.search_text (unicode61 tokens, prefix indexes); rowid is
 * households.search_rowid, in save order.
 */
export interface HouseholdSearchTable {
  rowid: number
  text: string
}

/** Households on each village's register, from the commune's reference data (sync issue). */
export interface VillageRegisterTable {
  village_code: string
  registered: number
  updated_at: string
}

/**
 * A sealed batch as it was made (docs/batch-format.md): an upload awaiting its receipt is
 * re-sent with exactly these bytes; an export is the file written to removable media.
 */
export interface SealedBatchesTable {
  id: string
  kind: 'upload' | 'export'
  body: Uint8Array
  revision_count: number
  /** Key id of the device key that signed it. */
  device_key_id: string
  created_at: string
  /** When a verified receipt settled its revisions (uploads only). */
  settled_at: string | null
  /** Set when a re-enrolment replaced the key that signed it: its revisions are sealed again. */
  released_at: string | null
}

/** Which revisions each sealed batch carries. */
export interface SealedBatchRevisionsTable {
  batch_id: string
  revision_id: string
}

/** A form version the province published, as pulled (the built-in version is in code). */
export interface FormVersionsTable {
  form_id: string
  version: number
  published_at: string
  /** The FormDefinition as JSON (no personal data). */
  definition_json: string
  stored_at: string
}

/**
 * A household's server state that a pull left aside because the household had local work;
 * applied by a later pull once that work is sent or discarded. At most one per household:
 * the latest.
 */
export interface ParkedHouseholdsTable {
  household_id: string
  /** The server's change sequence of the state. */
  change_seq: number
  /** Sealed: the PulledHousehold as JSON. */
  state_json: string
  parked_at: string
}
