import type { Kysely } from 'kysely'
import type { LocalDatabase } from '../store/local-database.types'

/**
 * Households on each village's register, as enrolment or the last pull gave them; a village
 * without a row has no known register (an older server or enrolment file named none).
 */
export async function registeredByVillage(db: Kysely<LocalDatabase>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('village_register')
    .select(['village_code', 'registered'])
    .execute()
  return new Map(rows.map((r) => [r.village_code, r.registered]))
}

/** Replaces the registered household counts of these villages (from a pull); call in a transaction. */
export async function saveVillageRegister(
  db: Kysely<LocalDatabase>,
  villages: readonly { villageCode: string; registered: number }[],
  at: string,
): Promise<void> {
  for (const v of villages) {
    await db
      .insertInto('village_register')
      .values({ village_code: v.villageCode, registered: v.registered, updated_at: at })
      .onConflict((oc) =>
        oc.column('village_code').doUpdateSet({ registered: v.registered, updated_at: at }),
      )
      .execute()
  }
}

/**
 * Stores the registered household counts an enrolment carries, so coverage shows before
 * the first pull. `replace` for a server's fresh answer (as a pull does); otherwise (an
 * enrolment file, possibly weeks old) only villages without a register get one, and the
 * next pull corrects the rest. Call in the enrolment's transaction.
 */
export async function saveEnrolmentRegister(
  db: Kysely<LocalDatabase>,
  villages: readonly { villageCode: string; registered: number }[],
  at: string,
  options: { replace: boolean },
): Promise<void> {
  if (options.replace) {
    await saveVillageRegister(db, villages, at)
    return
  }
  for (const v of villages) {
    await db
      .insertInto('village_register')
      .values({ village_code: v.villageCode, registered: v.registered, updated_at: at })
      .onConflict((oc) => oc.column('village_code').doNothing())
      .execute()
  }
}
