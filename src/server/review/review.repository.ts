import type { Kysely, Transaction } from 'kysely'
import type { HouseholdReview } from '../../shared/api/http.contract'
import { NotFoundError } from '../../shared/result'
import { reviewStateOf } from '../household/household-rows'
import type { ServerDatabase } from '../store/server-database.types'
import type { HouseholdReviewTable, ReviewEventTable } from './review.tables'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** Most history entries one household's review answers (newest first). */
const MAX_EVENTS = 200

/** The state of a household that a decision is made on. */
export interface ReviewedHousehold {
  id: string
  communeCode: string
  revisionId: string
  changeSeq: number
}

/** The current state of the given households (unknown ids are left out). */
export async function reviewedHouseholds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ReviewedHousehold>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('households')
    .select(['id', 'commune_code', 'revision_id', 'change_seq'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        communeCode: row.commune_code,
        revisionId: row.revision_id,
        changeSeq: Number(row.change_seq),
      },
    ]),
  )
}

/** Sets the decisions (one per household), replacing earlier ones. */
export async function saveDecisions(db: Db, rows: readonly HouseholdReviewTable[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('household_reviews')
    .values([...rows])
    .onConflict((oc) =>
      oc.column('household_id').doUpdateSet((eb) => ({
        commune_code: eb.ref('excluded.commune_code'),
        state: eb.ref('excluded.state'),
        revision_id: eb.ref('excluded.revision_id'),
        change_seq: eb.ref('excluded.change_seq'),
        comment: eb.ref('excluded.comment'),
        reviewed_by: eb.ref('excluded.reviewed_by'),
        reviewed_by_name: eb.ref('excluded.reviewed_by_name'),
        reviewed_at: eb.ref('excluded.reviewed_at'),
      })),
    )
    .execute()
}

/** Appends decisions and comments to the households' review history. */
export async function appendEvents(db: Db, rows: readonly ReviewEventTable[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('review_events')
      .values([...rows])
      .execute()
}

/** A household's review: state, latest decision and history (404 for an unknown household). */
export async function readReview(db: Db, householdId: string): Promise<HouseholdReview> {
  const household = (await reviewedHouseholds(db, [householdId])).get(householdId)
  if (!household) throw new NotFoundError('household')
  const decision = await db
    .selectFrom('household_reviews')
    .selectAll()
    .where('household_id', '=', householdId)
    .executeTakeFirst()
  const events = await db
    .selectFrom('review_events')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_EVENTS)
    .execute()
  const current = (changeSeq: number | string) => Number(changeSeq) === household.changeSeq
  return {
    householdId,
    state: reviewStateOf(household.changeSeq, {
      state: decision?.state ?? null,
      changeSeq: decision?.change_seq ?? null,
    }),
    version: household.changeSeq,
    decision: decision
      ? {
          state: decision.state,
          comment: decision.comment,
          reviewedByName: decision.reviewed_by_name,
          reviewedAt: decision.reviewed_at,
          revisionId: decision.revision_id,
          current: current(decision.change_seq),
        }
      : null,
    events: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      state: event.state,
      comment: event.comment,
      authorName: event.author_name,
      authorRole: event.author_role,
      createdAt: event.created_at,
      revisionId: event.revision_id,
      current: current(event.change_seq),
    })),
  }
}
