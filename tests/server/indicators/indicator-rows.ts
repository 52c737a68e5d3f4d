import type { ServerContext } from '../../../src/server/server-context'

/** Every indicator row, in a fixed order (sums that went back to zero left out). */
export async function indicatorRows(ctx: Pick<ServerContext, 'db'>) {
  const db = ctx.db
  return {
    households: await db
      .selectFrom('indicator_households')
      .selectAll()
      .orderBy('household_id')
      .execute(),
    visits: await db.selectFrom('indicator_visits').selectAll().orderBy('visit_id').execute(),
    sums: await db
      .selectFrom('indicator_sums')
      .selectAll()
      .where('value', '!=', 0)
      .orderBy('level')
      .orderBy('place')
      .orderBy('month')
      .orderBy('part')
      .execute(),
    members: await db
      .selectFrom('indicator_member_sums')
      .selectAll()
      .where('value', '!=', 0)
      .orderBy('commune_code')
      .orderBy('village_code')
      .orderBy('enumerator_id')
      .orderBy('month')
      .orderBy('part')
      .execute(),
    enumerators: await db.selectFrom('indicator_enumerators').selectAll().orderBy('id').execute(),
  }
}
