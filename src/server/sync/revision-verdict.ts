import type { SyncBatch } from '../../shared/api/http.contract'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { validateResponse } from '../../shared/forms/validate-response'
import type { ValidationIssue } from '../../shared/forms/validation-issue'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { PILOT_COMMUNE } from '../../shared/places/pilot-places'
import { builtinForms, type FormLookup } from '../forms/form-registry'

const PILOT_VILLAGE_CODES = PILOT_COMMUNE.villages.map((v) => v.code)

/** Why the server refused a revision; devices and the console translate these codes. */
export type RejectReason = 'wrong_commune' | 'unknown_form' | 'validation_failed'

/** What the server decides about a revision it has not stored before. */
export type RevisionVerdict =
  | { status: 'accepted'; response: FormResponse; issues: ValidationIssue[] }
  | { status: 'rejected'; reason: RejectReason; issues: ValidationIssue[] }

/**
 * Judges one revision of a batch: the commune must be the batch's and one the server
 * serves, the form version must be known, and the response must pass the form's rules
 * (warnings do not block). Accepted revisions carry the cleaned response to store.
 * `forms` finds published versions (ingest preloads them); the built-in ones by default.
 */
export function judgeRevision(
  batch: SyncBatch,
  revision: HouseholdRevision,
  forms: FormLookup = builtinForms,
): RevisionVerdict {
  if (revision.communeCode !== batch.communeCode || revision.communeCode !== PILOT_COMMUNE.code) {
    return { status: 'rejected', reason: 'wrong_commune', issues: [] }
  }
  const form = forms(revision.formId, revision.formVersion)
  if (!form) return { status: 'rejected', reason: 'unknown_form', issues: [] }

  const result = validateResponse(form, revision.response, {
    visitDate: revision.visitDate,
    villages: PILOT_VILLAGE_CODES,
  })
  if (result.errors > 0) {
    return { status: 'rejected', reason: 'validation_failed', issues: result.issues }
  }
  return { status: 'accepted', response: result.response, issues: result.issues }
}
