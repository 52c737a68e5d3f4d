import type { Kysely } from 'kysely'
import { type PulledHousehold, pulledHouseholdSchema } from '../../shared/api/http/sync.contract'
import type { FieldCipher } from '../crypto/field-cipher'
import type { LocalDatabase } from '../store/local-database.types'
import { sealedAt } from '../store/sealed-columns'

/**
 * Keeps the server state of a household that a pull could not apply (local work, or a
 * form version this laptop cannot read), sealed, replacing an older one. A later pull
 * applies it once the household is free, so the laptop does not wait for the household's
 * next change on the server to catch up.
 */
export async function parkHousehold(
  trx: Kysely<LocalDatabase>,
  cipher: FieldCipher,
  pulled: PulledHousehold,
  at: string,
): Promise<void> {
  const row = {
    household_id: pulled.id,
    change_seq: pulled.changeSeq,
    state_json: cipher.sealJson(pulled, sealedAt.parkedState(pulled.id)),
    parked_at: at,
  }
  await trx
    .insertInto('parked_households')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('household_id')
        .doUpdateSet({
          change_seq: row.change_seq,
          state_json: row.state_json,
          parked_at: row.parked_at,
        })
        // A page re-applied after an interrupted pull must not bring back an older state.
        .where('parked_households.change_seq', '<=', row.change_seq),
    )
    .execute()
}

/** Forgets a household's parked state (it was applied, or a newer state was). */
export async function unparkHousehold(
  trx: Kysely<LocalDatabase>,
  householdId: string,
): Promise<void> {
  await trx.deleteFrom('parked_households').where('household_id', '=', householdId).execute()
}

/** Every parked state, oldest server change first. */
export async function listParkedHouseholds(
  db: Kysely<LocalDatabase>,
  cipher: FieldCipher,
): Promise<PulledHousehold[]> {
  const rows = await db
    .selectFrom('parked_households')
    .select(['household_id', 'state_json'])
    .orderBy('change_seq')
    .execute()
  return rows.map((row) =>
    pulledHouseholdSchema.parse(
      cipher.openJson(row.state_json, sealedAt.parkedState(row.household_id)),
    ),
  )
}
