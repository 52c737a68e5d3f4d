import type { Answers, FormResponse } from '../../shared/forms/form-response.schema'
import { VISIT_SPECIFIC } from '../household/visit-kind'

/**
 * The response a revisit starts from: the household's recorded state (the latest full
 * record, so the roster is there even after an "absent" visit), with the household-level
 * answers of the latest visit laid over it (a corrected head name or address), and the
 * answers that belong to one visit cleared (visit result, consent, help given). Member row
 * ids are kept: the same people stay the same rows across visits.
 */
export function revisitResponse(state: FormResponse, latest: FormResponse | null): FormResponse {
  const answers: Answers = { ...state.answers, ...(latest?.answers ?? {}) }
  for (const id of VISIT_SPECIFIC.household) delete answers[id]
  const repeats: FormResponse['repeats'] = {}
  for (const [section, rows] of Object.entries(state.repeats)) {
    repeats[section] = rows.map((row) => {
      const kept: Answers = { ...row.answers }
      for (const id of VISIT_SPECIFIC.member) delete kept[id]
      return { id: row.id, answers: kept }
    })
  }
  return { answers, repeats }
}

/** A new household's first response: empty, in the village it is recorded in. */
export function newHouseholdResponse(
  villageCode: string,
  repeatIds: readonly string[],
): FormResponse {
  return {
    answers: { village: villageCode },
    repeats: Object.fromEntries(repeatIds.map((id) => [id, []])),
  }
}
