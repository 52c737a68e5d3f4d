import type { Kysely } from 'kysely'
import type { LocalDatabase } from '../store/local-database.types'
import type { PersonalDataKind } from './personal-data'

export interface PiiHash {
  kind: PersonalDataKind
  hmac: string
}

/** Makes the household's keyed hashes exactly `hashes` (call inside the save transaction). */
export async function replacePiiIndex(
  db: Kysely<LocalDatabase>,
  householdId: string,
  hashes: readonly PiiHash[],
): Promise<void> {
  await db.deleteFrom('pii_index').where('household_id', '=', householdId).execute()
  if (hashes.length === 0) return
  await db
    .insertInto('pii_index')
    .values(hashes.map((h) => ({ household_id: householdId, kind: h.kind, hmac: h.hmac })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Households holding any of the hashes of a kind. */
export async function householdsWithHashes(
  db: Kysely<LocalDatabase>,
  kind: PersonalDataKind,
  hmacs: readonly string[],
): Promise<string[]> {
  if (hmacs.length === 0) return []
  const rows = await db
    .selectFrom('pii_index')
    .select('household_id')
    .distinct()
    .where('kind', '=', kind)
    .where('hmac', 'in', [...hmacs])
    .execute()
  return rows.map((r) => r.household_id)
}
