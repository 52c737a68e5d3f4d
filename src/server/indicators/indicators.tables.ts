/**
 * Row types of the indicator tables (migration 0009-indicators). Indicators are kept
 * incrementally, in the transaction that writes the household state (see
 * indicator-changes.ts), so that a dashboard reads a few hundred summed rows instead of
 * every member of the province.
 *
 * Parts are the additive pieces of the shared indicator function's Contribution, named
 * (see indicator-parts.ts): `n:<id>` / `d:<id>` a ratio's numerator / denominator, `t:<id>:<choice>`
 * a tally's count — all from each household's latest completed visit — and, per visit,
 * `e:<id>:<choice>` the help given on that visit, `v:visits` / `v:completed` visits made.
 */

/** What one household adds to the indicators now: its latest completed visit's contribution. */
export interface IndicatorHouseholdTable {
  household_id: string
  commune_code: string
  village_code: string
  /** `YYYY-MM` of the visit date: the month the household counts from in the trend. */
  month: string
  visit_date: string
  /** The visit the contribution comes from, and the revision whose response was used. */
  visit_id: string
  revision_id: string
  /** 1 when the response was the household's (possibly merged) state, not the revision's. */
  from_state: number
  /** Non-zero parts, as a JSON object. */
  parts_json: string
}

/** What one visit adds: the help given on it and the visit itself, by who made it. */
export interface IndicatorVisitTable {
  visit_id: string
  household_id: string
  commune_code: string
  village_code: string
  month: string
  /** The team member named on the visit's revision; '' when the device named none. */
  enumerator_id: string
  revision_id: string
  from_state: number
  parts_json: string
}

/** Where a sum row belongs. */
export type IndicatorLevel = 'village' | 'commune' | 'province'

/**
 * Sums of parts per place and month. `month` is `YYYY-MM`, or ALL_MONTHS for the total over
 * every month (kept beside the months so that a total is one row per part, not a sum).
 * `place` is the village code, the commune code, or '' for the province.
 */
export interface IndicatorSumTable {
  level: IndicatorLevel
  place: string
  commune_code: string
  month: string
  part: string
  value: number
}

/**
 * Sums of the visit parts per team member and month (ALL_MONTHS included): per village, per
 * commune (village_code ALL_PLACES) and for the province (both ALL_PLACES).
 */
export interface IndicatorMemberSumTable {
  commune_code: string
  village_code: string
  enumerator_id: string
  month: string
  part: string
  value: number
}

/** Team members as named on their newest visit the indicators count. */
export interface IndicatorEnumeratorTable {
  id: string
  name: string
  commune_code: string
  /** Stamp of the revision the name comes from: a newer one renames. */
  hlc: string
}
