import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely'
import type { HouseholdStatusFilter, SyncState } from '../../shared/api/ipc.contract'
import type { HouseholdsTable, LocalDatabase } from '../store/local-database.types'
import { searchMatchExpression } from './household-search.repository'

export type HouseholdRow = Selectable<HouseholdsTable>

/** The columns a household list shows. */
const LISTED_COLUMNS = [
  'h.id',
  'h.village_code',
  'h.head_name',
  'h.address',
  'h.member_count',
  'h.visit_result',
  'h.visit_date',
  'h.latest_revision_id',
  'h.sync_state',
  'h.reject_reason',
  'h.awaiting_since',
  'h.awaiting_via',
  'h.updated_at',
] as const

/** A listed household with the id of its open draft, if a visit is in progress. */
export type ListedHouseholdRow = Pick<
  HouseholdRow,
  | 'id'
  | 'village_code'
  | 'head_name'
  | 'address'
  | 'member_count'
  | 'visit_result'
  | 'visit_date'
  | 'latest_revision_id'
  | 'sync_state'
  | 'reject_reason'
  | 'awaiting_since'
  | 'awaiting_via'
  | 'updated_at'
> & { draft_id: string | null }

/**
 * The state a household shows: its latest revision's, except that a pending revision which
 * left in a sealed batch not yet settled by a receipt is "awaiting" that receipt.
 */
export function householdSyncState(
  row: Pick<HouseholdRow, 'sync_state' | 'awaiting_since'>,
): SyncState {
  return row.sync_state === 'pending' && row.awaiting_since !== null ? 'awaiting' : row.sync_state
}

/** Finds one household row by id. */
export async function findHousehold(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Inserts the household or replaces its denormalised facts (created_at is kept; the search
 * position is indexHouseholdText's). The new latest revision is in no sealed batch yet
 * (a fresh save, or the server's own state), so the household awaits no receipt.
 */
export async function upsertHousehold(
  db: Kysely<LocalDatabase>,
  state: Omit<HouseholdRow, 'search_rowid' | 'awaiting_since' | 'awaiting_via'>,
): Promise<void> {
  const row = { ...state, awaiting_since: null, awaiting_via: null }
  const { id: _id, created_at: _created, ...changes } = row
  await db
    .insertInto('households')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute()
}

export interface HouseholdFilter {
  villageCode?: string | undefined
  status?: HouseholdStatusFilter | undefined
  /** Folded name/address tokens; each must start a word of the household's search text. */
  tokens: readonly string[]
  /** Households holding each of these keyed hashes (phones, citizen ids). */
  hashes: readonly string[]
  limit: number
}

/**
 * Households matching the filter, most recently saved first, with their open draft. With
 * search tokens the search index drives the query in its newest-first order, so the scan
 * stops once `limit` households pass the other filters.
 */
export async function listHouseholdRows(
  db: Kysely<LocalDatabase>,
  filter: HouseholdFilter,
): Promise<ListedHouseholdRow[]> {
  const match = searchMatchExpression(filter.tokens)
  const base =
    match === null
      ? db.selectFrom('households as h')
      : db
          .selectFrom('household_search as s')
          .innerJoin('households as h', 'h.search_rowid', 's.rowid')
          .where(sql<boolean>`household_search match ${match}`)
  let query = base
    .leftJoin('drafts as d', 'd.household_id', 'h.id')
    .select(LISTED_COLUMNS)
    .select('d.id as draft_id')
  if (filter.villageCode !== undefined)
    query = query.where('h.village_code', '=', filter.villageCode)
  const status = filter.status
  if (status === 'pending')
    query = query.where('h.sync_state', '=', 'pending').where('h.awaiting_since', 'is', null)
  else if (status === 'awaiting') query = query.where('h.awaiting_since', 'is not', null)
  else if (status === 'rejected') query = query.where('h.sync_state', '=', status)
  else if (status === 'draft') query = query.where('d.id', 'is not', null)
  else if (status !== undefined) query = query.where('h.visit_result', '=', status)
  for (const hash of filter.hashes) {
    query = query.where(
      'h.id',
      'in',
      db.selectFrom('pii_index').select('household_id').where('hmac', '=', hash),
    )
  }
  // Both orders are "most recently saved first": a save stamps updated_at and moves the
  // household to the index's newest rowid.
  const ordered =
    match === null
      ? query.orderBy('h.updated_at', 'desc').orderBy('h.id', 'desc')
      : query.orderBy(sql`s.rowid`, 'desc')
  return ordered.limit(filter.limit).execute()
}

/**
 * Makes each household's sync state that of its latest revision, so a household whose
 * latest revision was rejected shows it (with the reason) until it is saved again, and one
 * whose pending revision left in a batch still unsettled shows that it awaits its receipt.
 */
export async function refreshHouseholdSyncStates(
  db: Kysely<LocalDatabase>,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return
  await db.updateTable('households').set(latestRevisionState).where('id', 'in', ids).execute()
}

/**
 * Refreshes the households whose revisions a sealed batch carries: after it is sealed
 * (they now await its receipt) or settled. Through the batch's own revision list, so an
 * export of thousands of records binds no parameter list.
 */
export async function refreshBatchHouseholdSyncStates(
  db: Kysely<LocalDatabase>,
  batchId: string,
): Promise<void> {
  await db
    .updateTable('households')
    .set(latestRevisionState)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('revisions')
        .innerJoin('sealed_batch_revisions as sbr', 'sbr.revision_id', 'revisions.id')
        .select('revisions.household_id')
        .where('sbr.batch_id', '=', batchId),
    )
    .execute()
}

/** Refreshes every household shown as awaiting a receipt (after batches were released). */
export async function refreshAwaitingHouseholdSyncStates(db: Kysely<LocalDatabase>): Promise<void> {
  await db
    .updateTable('households')
    .set(latestRevisionState)
    .where('awaiting_since', 'is not', null)
    .execute()
}

type HouseholdUpdate = ExpressionBuilder<LocalDatabase, 'households'>

/** The sync columns of a household, recomputed from its latest revision and the sealed batches. */
function latestRevisionState(eb: HouseholdUpdate) {
  const latest = eb
    .selectFrom('revisions')
    .whereRef('revisions.id', '=', 'households.latest_revision_id')
  // Unsettled batches carrying the latest revision while it is still pending, newest first.
  const openBatches = eb
    .selectFrom('sealed_batch_revisions as sbr')
    .innerJoin('sealed_batches as sb', 'sb.id', 'sbr.batch_id')
    .innerJoin('revisions as r', 'r.id', 'sbr.revision_id')
    .whereRef('sbr.revision_id', '=', 'households.latest_revision_id')
    .where('r.status', '=', 'pending')
    .where('sb.settled_at', 'is', null)
    .where('sb.released_at', 'is', null)
    .orderBy('sb.created_at', 'desc')
    .orderBy('sb.id', 'desc')
    .limit(1)
  return {
    sync_state: latest.select('revisions.status').$asScalar().$notNull(),
    reject_reason: latest
      .select((r) =>
        r
          .case()
          .when('revisions.status', '=', 'rejected')
          .then(r.ref('revisions.reason'))
          .else(null)
          .end()
          .as('reason'),
      )
      .$asScalar(),
    awaiting_since: openBatches.select('sb.created_at').$asScalar(),
    awaiting_via: openBatches.select('sb.kind').$asScalar(),
  }
}

export interface VillageCounts {
  villageCode: string
  households: number
  completed: number
  absent: number
  refused: number
  moved: number
  /** Households with a saved change waiting to leave this laptop. */
  pending: number
  /** Households whose change left (uploaded or exported) and awaits the province's receipt. */
  awaiting: number
}

/**
 * Households per village: in all, by the result of their latest visit, waiting to be sent,
 * and awaiting a receipt.
 */
export async function countHouseholdsByVillage(
  db: Kysely<LocalDatabase>,
  villageCode?: string,
): Promise<VillageCounts[]> {
  const rows = await db
    .selectFrom('households')
    .select((eb) => {
      const countWhere = (column: 'visit_result' | 'sync_state', value: string) =>
        eb.fn.sum<number>(eb.case().when(column, '=', value).then(1).else(0).end())
      const countPending = (awaiting: boolean) =>
        eb.fn.sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('sync_state', '=', 'pending'),
                eb('awaiting_since', awaiting ? 'is not' : 'is', null),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
      return [
        'village_code',
        eb.fn.countAll<number>().as('households'),
        countWhere('visit_result', 'completed').as('completed'),
        countWhere('visit_result', 'absent').as('absent'),
        countWhere('visit_result', 'refused').as('refused'),
        countWhere('visit_result', 'moved').as('moved'),
        countPending(false).as('pending'),
        countPending(true).as('awaiting'),
      ]
    })
    .$if(villageCode !== undefined, (q) => q.where('village_code', '=', villageCode ?? ''))
    .groupBy('village_code')
    .execute()
  return rows.map((r) => ({
    villageCode: r.village_code,
    households: Number(r.households),
    completed: Number(r.completed),
    absent: Number(r.absent),
    refused: Number(r.refused),
    moved: Number(r.moved),
    pending: Number(r.pending),
    awaiting: Number(r.awaiting),
  }))
}

/** The stored indicator contributions of a village's households (null: never completed). */
export async function villageContributions(
  db: Kysely<LocalDatabase>,
  villageCode: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('households')
    .select('contribution_json')
    .where('village_code', '=', villageCode)
    .where('contribution_json', 'is not', null)
    .execute()
  return rows.flatMap((r) => (r.contribution_json === null ? [] : [r.contribution_json]))
}

/** Id and head-name key of a village's households, for the similar-name check. */
export async function householdHeadKeys(
  db: Kysely<LocalDatabase>,
  villageCode: string,
): Promise<Pick<HouseholdRow, 'id' | 'head_key'>[]> {
  return db
    .selectFrom('households')
    .select(['id', 'head_key'])
    .where('village_code', '=', villageCode)
    .execute()
}
