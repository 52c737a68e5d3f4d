import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import {
  type MergeConflict,
  mergeResponses,
  sameAnswer,
} from '../../shared/sync/merge/merge-responses'
import type { ServerDatabase } from '../store/server-database.types'
import type { HeadRevision } from './household-projection'
import type { ConflictTable } from './sync.tables'

type Trx = Transaction<ServerDatabase>

/** A household's state re-derived from its revision log. */
export interface FoldedHousehold {
  head: HeadRevision
  response: FormResponse
  merged: boolean
}

interface LoggedRevision {
  revision: HouseholdRevision
  response: FormResponse
}

/**
 * Re-derives a household from every accepted revision in stamp order: a revision made from
 * the state's newest revision replaces it; any other is merged field by field with it,
 * from the revision it was based on (unknown base: no common base). Conflicts found are
 * stored in the same transaction; open ones the new fold no longer finds are dropped,
 * settled ones are kept.
 */
export async function refoldHousehold(
  trx: Trx,
  householdId: string,
  now: string,
): Promise<FoldedHousehold> {
  const log = await loadLog(trx, householdId)
  const first = log[0]
  if (!first) throw new Error(`household ${householdId} has no accepted revision`)
  const byId = new Map(log.map((entry) => [entry.revision.id, entry]))
  let head = first.revision
  let response = first.response
  let merged = false
  const conflicts: MergeConflict[] = []
  // Which revision last set each field, so a conflict names where the losing value came from.
  const origin = new Map<string, string>()
  noteOrigins(origin, null, response, head.id)
  for (const entry of log.slice(1)) {
    const { revision } = entry
    if (revision.baseRevisionId !== head.id) {
      const base = revision.baseRevisionId ? byId.get(revision.baseRevisionId) : undefined
      const result = mergeResponses(base?.response ?? null, response, entry.response, {
        current: { revisionId: head.id, hlc: head.hlc },
        incoming: { revisionId: revision.id, hlc: revision.hlc },
      })
      conflicts.push(...result.conflicts.map((c) => attributed(c, head.id, origin)))
      noteOrigins(origin, response, result.response, revision.id)
      response = result.response
      merged = true
    } else {
      noteOrigins(origin, response, entry.response, revision.id)
      response = entry.response
      merged = false
    }
    head = revision
  }
  const devices = new Map(log.map((entry) => [entry.revision.id, entry.revision.deviceId]))
  await storeConflicts(trx, head, conflicts, devices, now)
  return { head, response, merged }
}

function fieldKey(repeatId: string | null, rowId: string | null, questionId: string): string {
  return `${repeatId ?? ''}|${rowId ?? ''}|${questionId}`
}

/** Marks every field whose value differs from the previous state as set by `revisionId`. */
function noteOrigins(
  origin: Map<string, string>,
  before: FormResponse | null,
  after: FormResponse,
  revisionId: string,
): void {
  for (const [q, value] of Object.entries(after.answers)) {
    if (!sameAnswer(before?.answers[q], value)) origin.set(fieldKey(null, null, q), revisionId)
  }
  for (const [repeatId, rows] of Object.entries(after.repeats)) {
    const old = new Map((before?.repeats[repeatId] ?? []).map((r) => [r.id, r.answers]))
    for (const row of rows) {
      for (const [q, value] of Object.entries(row.answers)) {
        if (!sameAnswer(old.get(row.id)?.[q], value)) {
          origin.set(fieldKey(repeatId, row.id, q), revisionId)
        }
      }
    }
  }
}

/** Replaces the state's head, on the side that came from the state, by the field's origin. */
function attributed(c: MergeConflict, headId: string, origin: Map<string, string>): MergeConflict {
  const from = origin.get(fieldKey(c.repeatId, c.rowId, c.questionId))
  if (!from) return c
  return {
    ...c,
    winnerRevisionId: c.winnerRevisionId === headId ? from : c.winnerRevisionId,
    loserRevisionId: c.loserRevisionId === headId ? from : c.loserRevisionId,
  }
}

async function loadLog(trx: Trx, householdId: string): Promise<LoggedRevision[]> {
  const rows = await trx
    .selectFrom('revisions')
    .select(['payload_json', 'clean_response_json'])
    .where('household_id', '=', householdId)
    .where('status', '=', 'accepted')
    .orderBy('hlc')
    .orderBy('id')
    .execute()
  return rows.map((row) => {
    const revision = JSON.parse(row.payload_json) as HouseholdRevision
    const response = row.clean_response_json
      ? (JSON.parse(row.clean_response_json) as FormResponse)
      : revision.response
    return { revision, response }
  })
}

async function storeConflicts(
  trx: Trx,
  head: HouseholdRevision,
  conflicts: MergeConflict[],
  devices: Map<string, string>,
  now: string,
): Promise<void> {
  const rows = new Map<string, ConflictTable>()
  for (const conflict of conflicts) {
    const row = conflictRow(head, conflict, devices, now)
    rows.set(row.id, row)
  }
  const existing = await trx
    .selectFrom('conflicts')
    .select(['id', 'status', 'created_at'])
    .where('household_id', '=', head.householdId)
    .execute()
  // Open conflicts are rewritten (a late base may change their values); settled ones stay.
  await trx
    .deleteFrom('conflicts')
    .where('household_id', '=', head.householdId)
    .where('status', '=', 'open')
    .execute()
  const settled = new Set(existing.filter((c) => c.status !== 'open').map((c) => c.id))
  const firstSeen = new Map(existing.map((c) => [c.id, c.created_at]))
  const fresh = [...rows.values()]
    .filter((row) => !settled.has(row.id))
    .map((row) => ({ ...row, created_at: firstSeen.get(row.id) ?? row.created_at }))
  if (fresh.length > 0) await trx.insertInto('conflicts').values(fresh).execute()
}

function conflictRow(
  head: HouseholdRevision,
  conflict: MergeConflict,
  devices: Map<string, string>,
  now: string,
): ConflictTable {
  return {
    id: conflictId(head.householdId, conflict),
    household_id: head.householdId,
    commune_code: head.communeCode,
    scope: conflict.scope,
    repeat_id: conflict.repeatId,
    row_id: conflict.rowId,
    question_id: conflict.questionId,
    base_value_json: JSON.stringify(conflict.baseValue),
    winner_value_json: JSON.stringify(conflict.winnerValue),
    loser_value_json: JSON.stringify(conflict.loserValue),
    winner_revision_id: conflict.winnerRevisionId,
    loser_revision_id: conflict.loserRevisionId,
    winner_device_id: devices.get(conflict.winnerRevisionId) ?? '',
    loser_device_id: devices.get(conflict.loserRevisionId) ?? '',
    created_at: now,
    status: 'open',
    resolved_by: null,
    resolved_at: null,
    chosen: null,
    comment: null,
    resolution_revision_id: null,
  }
}

/** A UUID-shaped digest of what the conflict is about, so a re-merge names it the same. */
function conflictId(householdId: string, c: MergeConflict): string {
  const key = [
    householdId,
    c.repeatId ?? '',
    c.rowId ?? '',
    c.questionId,
    c.winnerRevisionId,
    c.loserRevisionId,
  ].join('|')
  const hex = createHash('sha256').update(key).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
