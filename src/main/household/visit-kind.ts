import type { FormResponse } from '../../shared/forms/form-response.schema'

/**
 * Answers recorded anew on every visit; a revisit starts with them cleared. The rest of the
 * household's state (address, roster, connectivity…) is carried over to be confirmed.
 */
export const VISIT_SPECIFIC = {
  household: ['visit_result', 'consent'],
  member: ['m_support_given'],
} as const

/**
 * A full record: the visit was completed and the household consented, so the whole form
 * (roster included) was asked. Absent, refused, moved and no-consent visits keep only the
 * visit result and leave the household's recorded state as it was.
 */
export function isFullRecord(response: FormResponse): boolean {
  return response.answers.visit_result === 'completed' && response.answers.consent === true
}
