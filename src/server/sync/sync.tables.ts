/** Row types of the sync tables of migration 0007-conflicts-and-pull. */

export type ConflictStatus = 'open' | 'resolved'
export type ConflictChoice = 'winner' | 'loser'

/**
 * A field two devices changed from the same base to different values. The merge keeps the
 * newer value (the winner); staff may choose the loser instead, which writes a server-made
 * revision. Values are JSON (null when absent on that side).
 */
export interface ConflictTable {
  /** Derived from household, field and the two revisions: a re-merge finds the same row. */
  id: string
  household_id: string
  commune_code: string
  scope: 'household' | 'member'
  repeat_id: string | null
  row_id: string | null
  question_id: string
  base_value_json: string
  winner_value_json: string
  loser_value_json: string
  winner_revision_id: string
  loser_revision_id: string
  winner_device_id: string
  loser_device_id: string
  created_at: string
  status: ConflictStatus
  /** Username of who settled it. */
  resolved_by: string | null
  resolved_at: string | null
  chosen: ConflictChoice | null
  comment: string | null
  /** The server-made revision written when the loser was chosen. */
  resolution_revision_id: string | null
}

/** Named counters; 'change_seq' numbers every household change for the pull. */
export interface SyncCounterTable {
  name: string
  value: number
}
