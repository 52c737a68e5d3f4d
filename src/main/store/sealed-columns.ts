import { type FormResponse, formResponseSchema } from '../../shared/forms/form-response.schema'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../../shared/household/household-revision.schema'
import type { FieldCipher } from '../crypto/field-cipher'

/**
 * Where each sealed value lives. The binding is authenticated with the ciphertext, so a
 * value moved to another row or column fails to open instead of being read as that row's.
 */
export const sealedAt = {
  visitResponse: (visitId: string) => `visits.response_json/${visitId}`,
  memberAnswers: (memberId: string) => `members.answers_json/${memberId}`,
  revisionPayload: (revisionId: string) => `revisions.payload_json/${revisionId}`,
  draftResponse: (draftId: string) => `drafts.response/${draftId}`,
  draftPrevious: (draftId: string) => `drafts.previous_response/${draftId}`,
  parkedState: (householdId: string) => `parked_households.state_json/${householdId}`,
} as const

/** Opens a sealed FormResponse and checks its shape. */
export function openResponse(cipher: FieldCipher, sealed: string, binding: string): FormResponse {
  return formResponseSchema.parse(cipher.openJson(sealed, binding))
}

/** Opens a revision's sealed payload and checks it is a HouseholdRevision. */
export function openRevision(
  cipher: FieldCipher,
  row: { id: string; payload_json: string },
): HouseholdRevision {
  return householdRevisionSchema.parse(
    cipher.openJson(row.payload_json, sealedAt.revisionPayload(row.id)),
  )
}
