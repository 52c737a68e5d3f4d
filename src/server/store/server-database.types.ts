import type { AuditLogTable } from '../audit/audit.tables'
import type {
  LoginFailureTable,
  SessionTable,
  SetupTokenTable,
  UserTable,
} from '../auth/auth.tables'
import type {
  DeviceTable,
  EnrolmentCodeTable,
  EnrolmentFailureTable,
} from '../devices/devices.tables'
import type { ExportJobTable } from '../exports/exports.tables'
import type { FormVersionTable } from '../forms/forms.tables'
import type {
  IndicatorEnumeratorTable,
  IndicatorHouseholdTable,
  IndicatorMemberSumTable,
  IndicatorSumTable,
  IndicatorVisitTable,
} from '../indicators/indicators.tables'
import type { ImportPreviewTable, VillageTable } from '../places/places.tables'
import type { HouseholdReviewTable, ReviewEventTable } from '../review/review.tables'
import type { ServerSettingTable } from '../settings/settings.tables'
import type { ConflictTable, SyncCounterTable } from '../sync/sync.tables'

/**
 * Row types of the server store. Only portable column types are used so that the same
 * queries run on SQLite and PostgreSQL: text, integer; JSON as text; times as ISO text.
 * Flags are integers (0/1).
 */
export interface ServerDatabase {
  batches: BatchTable
  revisions: RevisionTable
  households: HouseholdTable
  members: MemberTable
  visits: VisitTable
  villages: VillageTable
  import_previews: ImportPreviewTable
  form_versions: FormVersionTable
  users: UserTable
  sessions: SessionTable
  setup_tokens: SetupTokenTable
  login_failures: LoginFailureTable
  server_settings: ServerSettingTable
  audit_log: AuditLogTable
  devices: DeviceTable
  enrolment_codes: EnrolmentCodeTable
  enrolment_failures: EnrolmentFailureTable
  conflicts: ConflictTable
  sync_counters: SyncCounterTable
  indicator_households: IndicatorHouseholdTable
  indicator_visits: IndicatorVisitTable
  indicator_sums: IndicatorSumTable
  indicator_member_sums: IndicatorMemberSumTable
  indicator_enumerators: IndicatorEnumeratorTable
  household_reviews: HouseholdReviewTable
  review_events: ReviewEventTable
  export_jobs: ExportJobTable
}

/** One row per batch id ever received; counts are those of its first arrival. */
export interface BatchTable {
  id: string
  device_id: string
  commune_code: string
  device_sent_at: string
  received_at: string
  accepted: number
  duplicate: number
  rejected: number
  /** How it came (migration 0006): 'http', 'file' or 'json' (the skeleton's JSON upload). */
  source: BatchSource
  /** Device wall-clock time of sealing, from the manifest. */
  device_created_at: string | null
  /** 1 when the device's clock was earlier than at its previous batch. */
  clock_behind: number
  file_bytes: number | null
  status: BatchStatus
  /** Why a refused batch was refused (a BatchError reason or a server rule). */
  error_code: string | null
  /** For a refused row (server-made id): the batch id its manifest claimed, when readable. */
  claimed_batch_id: string | null
}

export type BatchSource = 'http' | 'file' | 'json'
export type BatchStatus = 'ingested' | 'refused'

export type RevisionStatus = 'accepted' | 'rejected'

/**
 * Append-only log of every revision received. Rejected revisions stay here with their
 * reason: this is the quarantine that staff review.
 */
export interface RevisionTable {
  id: string
  batch_id: string
  household_id: string
  visit_id: string
  device_id: string
  commune_code: string
  hlc: string
  base_revision_id: string | null
  status: RevisionStatus
  reason: string | null
  issues_json: string | null
  /** The revision exactly as received, for audit and re-processing. */
  payload_json: string
  device_saved_at: string
  received_at: string
  /** The cleaned response when cleaning changed it (migration 0007); else the payload's. */
  clean_response_json: string | null
  /** Staff's decision on a rejected revision (migration 0012): null while it waits. */
  quarantine_state: QuarantineState | null
  quarantine_note: string | null
  /** Username of who handled it. */
  quarantine_by: string | null
  quarantine_at: string | null
}

/** 'dismissed': handled without taking it in (kept in the log, with a note). */
export type QuarantineState = 'dismissed'

/** Current state of each household, derived from its winning revision. */
export interface HouseholdTable {
  id: string
  commune_code: string
  village_code: string
  head_name: string
  /** Folded, accent-free words for LIKE search. */
  search_text: string
  address: string | null
  member_count: number
  visit_result: string | null
  visit_date: string
  revision_id: string
  hlc: string
  device_id: string
  form_id: string
  form_version: number
  /** The cleaned response of the winning revision. */
  response_json: string
  /** When the server first received this household. */
  received_at: string
  /** When the projection last changed. */
  updated_at: string
  /** 1 when the state is a field-level merge of concurrent revisions (migration 0007). */
  merged: number
  /** Server change sequence of the last change, for devices' incremental pull (0007). */
  change_seq: number
}

export interface MemberTable {
  id: string
  household_id: string
  position: number
  full_name: string
  answers_json: string
}

export interface VisitTable {
  id: string
  household_id: string
  revision_id: string
  /** Stamp of the revision the row holds, so a late older edit of the visit loses. */
  hlc: string
  visit_date: string
  visit_result: string | null
}
