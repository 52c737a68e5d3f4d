import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { type RevisionChange, withoutCarried } from '../../shared/sync/merge/carried-answers'
import {
  isNewer as isNewerSide,
  type MergeConflict,
  type MergeSide,
  mergeResponses,
  sameAnswer,
} from '../../shared/sync/merge/merge-responses'
import type { ServerDatabase } from '../store/server-database.types'
import { SERVER_DEVICE_ID } from './conflict-resolution.service'
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
 * Re-derives a household from the set of its accepted revisions, whatever order they
 * arrived in. Revisions are folded base before child (a device clock behind may stamp a
 * child older than its base), else in stamp order. Each revision brings its own changes:
 * the difference between its response and its base revision's, less the answers it only
 * carried over from a merged state it was made from (carried-answers); they are merged
 * field by field into the state, and a field both changed goes to the newer stamp of the
 * incoming revision and the one that set the field, with a conflict recorded. A revision
 * whose base is not in the log (rejected, or yet to arrive) is merged with no common base.
 * The head is the newest revision; the state is merged when it is not the head's own
 * response. Conflicts found are stored in the same transaction; open ones the new fold no
 * longer finds are dropped, settled ones are kept.
 */
export async function refoldHousehold(
  trx: Trx,
  householdId: string,
  now: string,
): Promise<FoldedHousehold> {
  const log = await loadLog(trx, householdId)
  const newest = log.at(-1)
  if (!newest) throw new Error(`household ${householdId} has no accepted revision`)
  const byId = new Map(log.map((entry) => [entry.revision.id, entry]))
  const [first, ...rest] = causalOrder(log, byId)
  if (!first) throw new Error(`household ${householdId} has no accepted revision`)
  let response = first.response
  let head = first.revision
  const conflicts: MergeConflict[] = []
  // Which revision last set each field: a field both sides changed is weighed against it.
  const origin = new Map<string, HouseholdRevision>()
  noteOrigins(origin, null, response, first.revision)
  for (const entry of rest) {
    const { revision } = entry
    const base = revision.baseRevisionId ? byId.get(revision.baseRevisionId) : undefined
    // The server makes its revisions (a settled conflict) from the state it holds, choices
    // of a losing value included: all their changes are their own.
    const own =
      base && revision.deviceId !== SERVER_DEVICE_ID
        ? withoutCarried(
            base.response,
            entry.response,
            response,
            carrySources(entry, base, log, byId),
          )
        : entry.response
    const result = mergeResponses(base?.response ?? null, response, own, {
      current: { revisionId: head.id, hlc: head.hlc },
      incoming: { revisionId: revision.id, hlc: revision.hlc },
      currentFieldSide: (f) => side(origin.get(fieldKey(f.repeatId, f.rowId, f.questionId))),
    })
    conflicts.push(...result.conflicts)
    noteOrigins(origin, response, result.response, revision)
    // A revision that is the whole new state is stored as it came (its answers' order too),
    // as the projection's shortcut stores it.
    response = sameAnswer(result.response, entry.response) ? entry.response : result.response
    if (isNewer(revision, head)) head = revision
  }
  const merged = !sameAnswer(response, newest.response)
  const devices = new Map(log.map((entry) => [entry.revision.id, entry.revision.deviceId]))
  await storeConflicts(trx, newest.revision, conflicts, devices, now)
  return { head: newest.revision, response, merged }
}

/**
 * The log base before child, else in stamp order: each revision in stamp order, except one
 * whose base is logged and not yet placed, which waits to come right after it.
 */
function causalOrder(
  log: readonly LoggedRevision[],
  byId: ReadonlyMap<string, LoggedRevision>,
): LoggedRevision[] {
  const placed = new Set<string>()
  const waiting = new Map<string, LoggedRevision[]>()
  const order: LoggedRevision[] = []
  const place = (entry: LoggedRevision): void => {
    if (placed.has(entry.revision.id)) return
    placed.add(entry.revision.id)
    order.push(entry)
    for (const child of waiting.get(entry.revision.id) ?? []) place(child)
  }
  for (const entry of log) {
    const baseId = entry.revision.baseRevisionId
    if (baseId && byId.has(baseId) && !placed.has(baseId)) {
      waiting.set(baseId, [...(waiting.get(baseId) ?? []), entry])
    } else {
      place(entry)
    }
  }
  // Only a base cycle (which no honest device makes) is left: stamp order settles it.
  for (const entry of log) place(entry)
  return order
}

/**
 * The revisions a state pulled at `base` may have merged in: none of the edit's own
 * ancestors (their changes are in its base's response) and none newer than its base (the
 * base was the state's newest revision when the device pulled it).
 */
function carrySources(
  entry: LoggedRevision,
  base: LoggedRevision,
  log: readonly LoggedRevision[],
  byId: ReadonlyMap<string, LoggedRevision>,
): RevisionChange[] {
  const lineage = new Set<string>([entry.revision.id])
  for (let at: LoggedRevision | undefined = base; at && !lineage.has(at.revision.id); ) {
    lineage.add(at.revision.id)
    at = at.revision.baseRevisionId ? byId.get(at.revision.baseRevisionId) : undefined
  }
  return log
    .filter((e) => !lineage.has(e.revision.id) && !isNewer(e.revision, base.revision))
    .map((e) => ({
      response: e.response,
      base: (e.revision.baseRevisionId && byId.get(e.revision.baseRevisionId)?.response) || null,
    }))
}

function isNewer(a: HouseholdRevision, b: HouseholdRevision): boolean {
  return isNewerSide({ revisionId: a.id, hlc: a.hlc }, { revisionId: b.id, hlc: b.hlc })
}

function side(revision: HouseholdRevision | undefined): MergeSide | undefined {
  return revision && { revisionId: revision.id, hlc: revision.hlc }
}

function fieldKey(repeatId: string | null, rowId: string | null, questionId: string): string {
  return `${repeatId ?? ''}|${rowId ?? ''}|${questionId}`
}

/** Marks every field whose value differs from the previous state as set by `revision`. */
function noteOrigins(
  origin: Map<string, HouseholdRevision>,
  before: FormResponse | null,
  after: FormResponse,
  revision: HouseholdRevision,
): void {
  for (const [q, value] of Object.entries(after.answers)) {
    if (!sameAnswer(before?.answers[q], value)) origin.set(fieldKey(null, null, q), revision)
  }
  for (const [repeatId, rows] of Object.entries(after.repeats)) {
    const old = new Map((before?.repeats[repeatId] ?? []).map((r) => [r.id, r.answers]))
    for (const row of rows) {
      for (const [q, value] of Object.entries(row.answers)) {
        if (!sameAnswer(old.get(row.id)?.[q], value)) {
          origin.set(fieldKey(repeatId, row.id, q), revision)
        }
      }
    }
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
  const log = rows.map((row) => {
    const revision = JSON.parse(row.payload_json) as HouseholdRevision
    const response = row.clean_response_json
      ? (JSON.parse(row.clean_response_json) as FormResponse)
      : revision.response
    return { revision, response }
  })
  // The database orders by its collation; the fold needs the stamps' own (code unit) order.
  return log.sort((a, b) => (isNewer(a.revision, b.revision) ? 1 : -1))
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
