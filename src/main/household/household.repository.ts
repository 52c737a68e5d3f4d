import { type Kysely, type Selectable, sql } from 'kysely'
import type { HouseholdStatusFilter } from '../../shared/api/ipc.contract'
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
  | 'updated_at'
> & { draft_id: string | null }

/** Finds one household row by id. */
export async function findHousehold(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Inserts the household or replaces its denormalised facts (created_at is kept; the search
 * position is indexHouseholdText's).
 */
export async function upsertHousehold(
  db: Kysely<LocalDatabase>,
  row: Omit<HouseholdRow, 'search_rowid'>,
): Promise<void> {
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
  if (status === 'pending' || status === 'rejected')
    query = query.where('h.sync_state', '=', status)
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
 * latest revision was rejected shows it (with the reason) until it is saved again.
 */
export async function refreshHouseholdSyncStates(
  db: Kysely<LocalDatabase>,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('households')
    .set((eb) => ({
      sync_state: eb
        .selectFrom('revisions')
        .select('revisions.status')
        .whereRef('revisions.id', '=', 'households.latest_revision_id')
        .$asScalar()
        .$notNull(),
      reject_reason: eb
        .selectFrom('revisions')
        .select((r) =>
          r
            .case()
            .when('revisions.status', '=', 'rejected')
            .then(r.ref('revisions.reason'))
            .else(null)
            .end()
            .as('reason'),
        )
        .whereRef('revisions.id', '=', 'households.latest_revision_id')
        .$asScalar(),
    }))
    .where('id', 'in', ids)
    .execute()
}

export interface VillageCounts {
  villageCode: string
  households: number
  completed: number
  absent: number
  refused: number
  moved: number
  pending: number
}

/** Households per village: in all, by the result of their latest visit, and waiting to be sent. */
export async function countHouseholdsByVillage(
  db: Kysely<LocalDatabase>,
  villageCode?: string,
): Promise<VillageCounts[]> {
  const rows = await db
    .selectFrom('households')
    .select((eb) => {
      const countWhere = (column: 'visit_result' | 'sync_state', value: string) =>
        eb.fn.sum<number>(eb.case().when(column, '=', value).then(1).else(0).end())
      return [
        'village_code',
        eb.fn.countAll<number>().as('households'),
        countWhere('visit_result', 'completed').as('completed'),
        countWhere('visit_result', 'absent').as('absent'),
        countWhere('visit_result', 'refused').as('refused'),
        countWhere('visit_result', 'moved').as('moved'),
        countWhere('sync_state', 'pending').as('pending'),
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
