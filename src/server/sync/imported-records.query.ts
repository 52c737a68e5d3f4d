import type { Kysely } from 'kysely'
import type { ImportedRecord, SyncReceipt } from '../../shared/api/http.contract'
import type { ValidationIssue } from '../../shared/forms/validation-issue'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { villageNamesByCode } from '../places/village.repository'
import type { ServerDatabase } from '../store/server-database.types'

/** Ids per query: far below SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 1000

type Db = Kysely<ServerDatabase>

/** What a record's row says besides the revision itself. */
interface RecordOutcome {
  revisionId: string
  status: ImportedRecord['status']
  reason?: string | null | undefined
  issues?: ValidationIssue[] | undefined
}

/**
 * The records of an imported file as staff recognise them — household, village, head's
 * name — next to the receipt's outcome for each. Names come from the revision as stored
 * (rejected ones included), so the list says what the file held, not what the household
 * became after merging.
 */
export async function importedRecords(db: Db, receipt: SyncReceipt): Promise<ImportedRecord[]> {
  const ids = receipt.outcomes.map((o) => o.revisionId)
  const stored = new Map<string, HouseholdRevision>()
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('revisions')
      .select(['id', 'payload_json'])
      .where('id', 'in', ids.slice(start, start + IDS_PER_QUERY))
      .execute()
    for (const row of rows) stored.set(row.id, JSON.parse(row.payload_json) as HouseholdRevision)
  }
  return namedRecords(db, receipt.outcomes, stored)
}

/**
 * The records one batch stored (accepted and rejected, in the order it was received; a
 * record an earlier batch brought is only counted as its duplicate), a page at a time.
 */
export async function batchRecords(
  db: Db,
  batchId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ImportedRecord[] }> {
  const query = db.selectFrom('revisions').where('batch_id', '=', batchId)
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .select(['id', 'payload_json', 'status', 'reason', 'issues_json'])
    // Ids are time-ordered UUIDv7s made by the laptop as it saved: the batch's own order.
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  const stored = new Map<string, HouseholdRevision>()
  const outcomes: RecordOutcome[] = rows.map((row) => {
    stored.set(row.id, JSON.parse(row.payload_json) as HouseholdRevision)
    return {
      revisionId: row.id,
      status: row.status,
      reason: row.reason,
      // Written by ingest from validated issues; read back as such.
      issues: row.issues_json ? (JSON.parse(row.issues_json) as ValidationIssue[]) : [],
    }
  })
  return { total: Number(counted.n), items: await namedRecords(db, outcomes, stored) }
}

async function namedRecords(
  db: Db,
  outcomes: readonly RecordOutcome[],
  stored: ReadonlyMap<string, HouseholdRevision>,
): Promise<ImportedRecord[]> {
  const villages = await villageNamesByCode(
    db,
    [...stored.values()].map((r) => r.villageCode),
  )
  return outcomes.flatMap((outcome) => {
    const revision = stored.get(outcome.revisionId)
    // Every outcome's revision is in the log once the receipt exists; skip rather than invent.
    if (!revision) return []
    const headName = revision.response.answers.head_name
    return [
      {
        revisionId: outcome.revisionId,
        householdId: revision.householdId,
        villageCode: revision.villageCode,
        villageName: villages.get(revision.villageCode) ?? null,
        headName: typeof headName === 'string' ? headName : null,
        status: outcome.status,
        reason: outcome.status === 'rejected' ? (outcome.reason ?? null) : null,
        issues: outcome.issues ?? [],
      },
    ]
  })
}
