import type { Kysely } from 'kysely'
import type { LocalDatabase } from '../store/local-database.types'

/**
 * Households on each village's register. Empty until the commune's reference data reaches
 * the laptop (the sync issue fills it); a village without a row has no known register.
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
