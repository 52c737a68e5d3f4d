import type { Kysely, Transaction } from 'kysely'
import type { InboxBatch, QuarantinedRevision } from '../../shared/api/http/sync.contract'
import type { ValidationIssue } from '../../shared/forms/validation-issue'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { newId } from '../../shared/ids/uuid'
import { villageNamesByCode } from '../places/village.repository'
import type { BatchTable, RevisionTable, ServerDatabase } from '../store/server-database.types'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** What is known of a refused batch: only what its (unauthenticated) manifest said, if readable. */
export interface RefusalInput {
  source: BatchTable['source']
  receivedAt: string
  fileBytes: number
  reason: string
  claimedBatchId: string | null
  deviceId: string | null
  communeCode: string | null
  deviceCreatedAt: string | null
}

/**
 * Adds a refused batch to the inbox under a server-made id: the batch id its file claims is
 * not trusted, and must stay free for the genuine batch. @returns the row's id
 */
export async function recordRefusal(db: Db, input: RefusalInput): Promise<string> {
  const id = newId()
  await db
    .insertInto('batches')
    .values({
      id,
      // The original columns are NOT NULL; '' stands for "not readable".
      device_id: input.deviceId ?? '',
      commune_code: input.communeCode ?? '',
      device_sent_at: input.deviceCreatedAt ?? '',
      received_at: input.receivedAt,
      accepted: 0,
      duplicate: 0,
      rejected: 0,
      source: input.source,
      device_created_at: input.deviceCreatedAt,
      clock_behind: 0,
      file_bytes: input.fileBytes,
      status: 'refused',
      error_code: input.reason,
      claimed_batch_id: input.claimedBatchId,
    })
    .execute()
  return id
}

export interface InboxFilter {
  communeCode: string | null
  deviceId?: string
  status?: BatchTable['status']
  /** Received at or after; a bare date means its first instant (UTC). */
  from?: string
  /** Received up to; a bare date means up to that day's end. */
  to?: string
  limit: number
  offset: number
}

/** The batch inbox, newest first, with the total count. */
export async function listInbox(
  db: Db,
  filter: InboxFilter,
): Promise<{ total: number; items: InboxBatch[] }> {
  let query = db.selectFrom('batches')
  if (filter.communeCode) query = query.where('commune_code', '=', filter.communeCode)
  if (filter.deviceId) query = query.where('device_id', '=', filter.deviceId)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.from) query = query.where('received_at', '>=', filter.from)
  if (filter.to) {
    const bound = filter.to.length === 10 ? `${filter.to}T\uffff` : filter.to
    query = query.where('received_at', '<=', bound)
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { total: Number(counted.n), items: rows.map(toInboxBatch) }
}

/** One batch of the inbox by id (a refused batch by its server-made id), or null. */
export async function findInboxBatch(db: Db, id: string): Promise<InboxBatch | null> {
  const row = await db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toInboxBatch(row) : null
}

function toInboxBatch(row: BatchTable): InboxBatch {
  return {
    id: row.id,
    claimedBatchId: row.claimed_batch_id,
    deviceId: row.device_id || null,
    communeCode: row.commune_code || null,
    source: row.source,
    receivedAt: row.received_at,
    deviceCreatedAt: row.device_created_at || null,
    clockBehind: Number(row.clock_behind) === 1,
    fileBytes: row.file_bytes === null ? null : Number(row.file_bytes),
    accepted: Number(row.accepted),
    duplicate: Number(row.duplicate),
    rejected: Number(row.rejected),
    status: row.status,
    errorCode: row.error_code,
  }
}

export interface QuarantineFilter {
  communeCode: string | null
  deviceId?: string
  batchId?: string
  state?: QuarantinedRevision['state']
  limit: number
  offset: number
}

/** Rejected revisions kept for review, newest first, with the total count. */
export async function listQuarantine(
  db: Db,
  filter: QuarantineFilter,
): Promise<{ total: number; items: QuarantinedRevision[] }> {
  let query = db.selectFrom('revisions').where('status', '=', 'rejected')
  if (filter.communeCode) query = query.where('commune_code', '=', filter.communeCode)
  if (filter.deviceId) query = query.where('device_id', '=', filter.deviceId)
  if (filter.batchId) query = query.where('batch_id', '=', filter.batchId)
  if (filter.state === 'open') query = query.where('quarantine_state', 'is', null)
  if (filter.state === 'dismissed') query = query.where('quarantine_state', '=', 'dismissed')
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .select([
      'id',
      'batch_id',
      'household_id',
      'device_id',
      'commune_code',
      'reason',
      'issues_json',
      'device_saved_at',
      'received_at',
      'quarantine_state',
      'quarantine_note',
      'quarantine_by',
      'quarantine_at',
      'payload_json',
    ])
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  const revisions = rows.map((row) => JSON.parse(row.payload_json) as HouseholdRevision)
  const villages = await villageNamesByCode(
    db,
    revisions.map((r) => r.villageCode),
  )
  return {
    total: Number(counted.n),
    items: rows.map((row, i) => toQuarantined(row, revisions[i] as HouseholdRevision, villages)),
  }
}

type QuarantineRow = Pick<
  RevisionTable,
  | 'id'
  | 'batch_id'
  | 'household_id'
  | 'device_id'
  | 'commune_code'
  | 'reason'
  | 'issues_json'
  | 'device_saved_at'
  | 'received_at'
  | 'quarantine_state'
  | 'quarantine_note'
  | 'quarantine_by'
  | 'quarantine_at'
>

function toQuarantined(
  row: QuarantineRow,
  revision: HouseholdRevision,
  villages: ReadonlyMap<string, string>,
): QuarantinedRevision {
  const headName = revision.response.answers.head_name
  return {
    revisionId: row.id,
    batchId: row.batch_id,
    householdId: row.household_id,
    headName: typeof headName === 'string' && headName !== '' ? headName : null,
    villageCode: revision.villageCode,
    villageName: villages.get(revision.villageCode) ?? null,
    deviceId: row.device_id,
    communeCode: row.commune_code,
    reason: row.reason,
    // Written by ingest from validated issues; read back as such.
    issues: row.issues_json ? (JSON.parse(row.issues_json) as ValidationIssue[]) : [],
    deviceSavedAt: row.device_saved_at,
    receivedAt: row.received_at,
    state: row.quarantine_state ?? 'open',
    handledBy: row.quarantine_by,
    handledAt: row.quarantine_at,
    note: row.quarantine_note,
  }
}
