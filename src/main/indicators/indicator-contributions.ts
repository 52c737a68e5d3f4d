import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { householdContribution } from '../../shared/indicators/compute-indicators'
import { defaultIndicators } from '../../shared/indicators/default-indicators'
import type { FieldCipher } from '../crypto/field-cipher'
import { localFormOrNull, localForms } from '../forms/local-forms'
import { getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'
import { openResponse, sealedAt } from '../store/sealed-columns'
import { encodeContribution, STORED_CONTRIBUTION_FORMAT } from './stored-contribution'

/**
 * Village indicators are sums of per-household contributions (shared computeIndicators).
 * Each household's contribution from its latest completed visit is computed once, when the
 * visit is saved, and kept in households.contribution_json (no personal data), so village
 * progress is a cheap read. When the indicator definitions or the adult age change, every
 * stored contribution is recomputed once (see refreshContributions).
 */

/** The indicators the laptop shows. */
export const localIndicators = defaultIndicators

/** What one completed visit adds to the indicators, as stored (see stored-contribution). */
export function contributionJson(
  form: FormDefinition,
  visitDate: string,
  response: FormResponse,
): string {
  const contribution = householdContribution(form, localIndicators, { visitDate, response })
  return encodeContribution(localIndicators, contribution)
}

/**
 * Identifies what stored contributions were computed with (indicators, the form versions
 * this laptop holds with their adult age — each visit counts with its own version) and how
 * they are stored; a change recomputes them all.
 */
export function indicatorsFingerprint(db: Kysely<LocalDatabase>): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        indicators: localIndicators,
        forms: localForms(db).map((f) => [f.id, f.version, f.settings.adultAge]),
        storedAs: STORED_CONTRIBUTION_FORMAT,
      }),
    )
    .digest('hex')
    .slice(0, 32)
}

/**
 * Recomputes every household's contribution from its latest completed visit when the
 * definitions changed since they were stored (or were never stored). One transaction.
 */
export async function refreshContributions(
  db: Kysely<LocalDatabase>,
  cipher: FieldCipher,
): Promise<boolean> {
  const fingerprint = indicatorsFingerprint(db)
  if ((await getSetting(db, 'indicators_fingerprint')) === fingerprint) return false
  await db.transaction().execute(async (trx) => {
    const households = await trx.selectFrom('households').select('id').execute()
    for (const { id } of households) {
      const visit = await trx
        .selectFrom('visits')
        .selectAll()
        .where('household_id', '=', id)
        .where('visit_result', '=', 'completed')
        .orderBy('visit_date', 'desc')
        .orderBy('updated_at', 'desc')
        .executeTakeFirst()
      // A visit of a form version this laptop lacks cannot be computed here; it counts once
      // the laptop has that form (the fingerprint names the forms, so it is recomputed then).
      // Looked up in `db`, not `trx`: the stored forms are cached per open store.
      const form = visit ? localFormOrNull(visit.form_id, visit.form_version, db) : null
      const json =
        visit && form
          ? contributionJson(
              form,
              visit.visit_date,
              openResponse(cipher, visit.response_json, sealedAt.visitResponse(visit.id)),
            )
          : null
      await trx
        .updateTable('households')
        .set({ contribution_json: json, contribution_date: visit?.visit_date ?? null })
        .where('id', '=', id)
        .execute()
    }
    await setSetting(trx, 'indicators_fingerprint', fingerprint)
  })
  return true
}
