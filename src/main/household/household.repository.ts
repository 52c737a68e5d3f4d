import { type Kysely, type Selectable, sql } from 'kysely'
import type { HouseholdsTable, LocalDatabase } from '../store/local-database.types'

export type HouseholdRow = Selectable<HouseholdsTable>

/** Finds one household row by id. */
export async function findHousehold(
  db: Kysely<LocalDatabase>,
  id: string,
): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts the household or replaces its denormalised facts (created_at is kept). */
export async function upsertHousehold(db: Kysely<LocalDatabase>, row: HouseholdRow): Promise<void> {
  const { id: _id, created_at: _created, ...changes } = row
  await db
    .insertInto('households')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute()
}

export interface HouseholdFilter {
  villageCode?: string | undefined
  /** Folded search tokens; each must occur in the household's search text. */
  tokens: readonly string[]
  limit: number
}

/** Households matching the filter, most recently saved first. */
export async function listHouseholdRows(
  db: Kysely<LocalDatabase>,
  filter: HouseholdFilter,
): Promise<HouseholdRow[]> {
  let query = db.selectFrom('households').selectAll()
  if (filter.villageCode !== undefined) query = query.where('village_code', '=', filter.villageCode)
  for (const token of filter.tokens) {
    const pattern = `%${escapeLike(token)}%`
    query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`)
  }
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute()
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
  pending: number
}

/** Number of households and of households waiting to be sent, per village. */
export async function countHouseholdsByVillage(
  db: Kysely<LocalDatabase>,
): Promise<VillageCounts[]> {
  const rows = await db
    .selectFrom('households')
    .select((eb) => [
      'village_code',
      eb.fn.countAll<number>().as('households'),
      eb.fn
        .sum<number>(eb.case().when('sync_state', '=', 'pending').then(1).else(0).end())
        .as('pending'),
    ])
    .groupBy('village_code')
    .execute()
  return rows.map((r) => ({
    villageCode: r.village_code,
    households: Number(r.households),
    pending: Number(r.pending),
  }))
}

function escapeLike(token: string): string {
  return token.replace(/[\\%_]/g, (c) => `\\${c}`)
}
