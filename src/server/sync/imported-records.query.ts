import type { Kysely } from 'kysely'
import type { ImportedRecord, SyncReceipt } from '../../shared/api/http.contract'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { villageNamesByCode } from '../places/village.repository'
import type { ServerDatabase } from '../store/server-database.types'

/** Ids per query: far below SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 1000

/**
 * The records of an imported file as staff recognise them — household, village, head's
 * name — next to the receipt's outcome for each. Names come from the revision as stored
 * (rejected ones included), so the list says what the file held, not what the household
 * became after merging.
 */
export async function importedRecords(
  db: Kysely<ServerDatabase>,
  receipt: SyncReceipt,
): Promise<ImportedRecord[]> {
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
  const villages = await villageNamesByCode(
    db,
    [...stored.values()].map((r) => r.villageCode),
  )
  return receipt.outcomes.flatMap((outcome) => {
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
