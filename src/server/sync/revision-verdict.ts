import type { Kysely } from 'kysely'
import type { SyncBatch } from '../../shared/api/http.contract'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { validateResponse } from '../../shared/forms/validate-response'
import type { ValidationIssue } from '../../shared/forms/validation-issue'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { PILOT_COMMUNE } from '../../shared/places/pilot-places'
import { builtinForms, type FormLookup } from '../forms/form-registry'
import type { ServerDatabase } from '../store/server-database.types'

/** The pilot commune's built-in villages: its records before the province listed its own. */
const PILOT_VILLAGE_CODES = PILOT_COMMUNE.villages.map((v) => v.code)

/** Why the server refused a revision; devices and the console translate these codes. */
export type RejectReason = 'wrong_commune' | 'unknown_form' | 'validation_failed'

/** What the server decides about a revision it has not stored before. */
export type RevisionVerdict =
  | { status: 'accepted'; response: FormResponse; issues: ValidationIssue[] }
  | { status: 'rejected'; reason: RejectReason; issues: ValidationIssue[] }

/**
 * Judges one revision of a batch: the commune must be the batch's (the sealed import has
 * already checked that the batch's commune is its device's), the form version must be
 * known, the village one of the commune's, and the response must pass the form's rules
 * (warnings do not block). Accepted revisions carry the cleaned response to store.
 * `forms` finds published versions (ingest preloads them), the built-in ones by default;
 * `villages` are the commune's village codes (see communeVillageCodes).
 */
export function judgeRevision(
  batch: Pick<SyncBatch, 'communeCode'>,
  revision: HouseholdRevision,
  forms: FormLookup = builtinForms,
  villages: readonly string[] = PILOT_VILLAGE_CODES,
): RevisionVerdict {
  if (revision.communeCode !== batch.communeCode) {
    return { status: 'rejected', reason: 'wrong_commune', issues: [] }
  }
  const form = forms(revision.formId, revision.formVersion)
  if (!form) return { status: 'rejected', reason: 'unknown_form', issues: [] }

  const result = validateResponse(form, revision.response, {
    visitDate: revision.visitDate,
    villages,
  })
  if (result.errors > 0) {
    return { status: 'rejected', reason: 'validation_failed', issues: result.issues }
  }
  return { status: 'accepted', response: result.response, issues: result.issues }
}

/**
 * The village codes a record of the commune may name: every village the province listed
 * for it, deactivated ones included (a laptop may not have heard of the change yet). A
 * commune the province has not listed villages for falls back to the built-in pilot list
 * for the pilot commune, and to none elsewhere (its records go to the quarantine).
 */
export async function communeVillageCodes(
  db: Kysely<ServerDatabase>,
  communeCode: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('villages')
    .select('code')
    .where('commune_code', '=', communeCode)
    .execute()
  if (rows.length > 0) return rows.map((r) => r.code)
  return communeCode === PILOT_COMMUNE.code ? PILOT_VILLAGE_CODES : []
}
