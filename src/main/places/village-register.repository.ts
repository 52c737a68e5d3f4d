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
