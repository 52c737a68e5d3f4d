import type { Contribution } from '../../shared/indicators/compute-indicators'
import type { IndicatorDefinition } from '../../shared/indicators/indicator-definition.schema'

/**
 * A contribution as named, additive parts (see indicators.tables.ts), so that the store can
 * sum them per place and month with plain integer arithmetic and give the sums back to
 * the shared indicatorValues.
 */
export type Parts = Record<string, number>

/** The month key of the total over every month; sorts before any `YYYY-MM`. */
export const ALL_MONTHS = '*'

/** The place key of a team member's total over every village (or commune). */
export const ALL_PLACES = ''

/** Parts counting the visits themselves. */
export const VISITS_PART = 'v:visits'
export const COMPLETED_VISITS_PART = 'v:completed'

const ratioNumerator = (id: string) => `n:${id}`
const ratioDenominator = (id: string) => `d:${id}`

/** The household parts of a contribution (latest completed visit); zeros left out. */
export function contributionParts(contribution: Contribution): Parts {
  const parts: Parts = {}
  for (const [id, ratio] of Object.entries(contribution.ratios)) {
    if (ratio.numerator !== 0) parts[ratioNumerator(id)] = ratio.numerator
    if (ratio.denominator !== 0) parts[ratioDenominator(id)] = ratio.denominator
  }
  addTallies(parts, 't', contribution.tallies)
  return parts
}

/** The parts of one visit: its tallies (the help given) and the visit counts. */
export function visitParts(tallies: Contribution['tallies'], completed: boolean): Parts {
  const parts: Parts = { [VISITS_PART]: 1 }
  if (completed) parts[COMPLETED_VISITS_PART] = 1
  addTallies(parts, 'e', tallies)
  return parts
}

function addTallies(parts: Parts, prefix: 't' | 'e', tallies: Contribution['tallies']): void {
  for (const [id, counts] of Object.entries(tallies)) {
    for (const [choice, n] of Object.entries(counts)) {
      if (n !== 0) parts[`${prefix}:${id}:${choice}`] = n
    }
  }
}

/** Summed household parts back as a Contribution, for indicatorValues. */
export function partsContribution(
  indicators: readonly IndicatorDefinition[],
  parts: Readonly<Parts>,
): Contribution {
  const contribution: Contribution = { ratios: {}, tallies: {} }
  for (const indicator of indicators) {
    if (indicator.kind === 'ratio') {
      contribution.ratios[indicator.id] = {
        numerator: parts[ratioNumerator(indicator.id)] ?? 0,
        denominator: parts[ratioDenominator(indicator.id)] ?? 0,
      }
    } else {
      contribution.tallies[indicator.id] = talliesOf(parts, 't', indicator.id)
    }
  }
  return contribution
}

/** The counts per choice of one tally indicator among parts (`t` state, `e` visits). */
export function talliesOf(
  parts: Readonly<Parts>,
  prefix: 't' | 'e',
  id: string,
): Record<string, number> {
  const head = `${prefix}:${id}:`
  const counts: Record<string, number> = {}
  for (const [part, n] of Object.entries(parts)) {
    if (part.startsWith(head) && n !== 0) counts[part.slice(head.length)] = n
  }
  return counts
}

/** Adds `sign` × each part of `from` into `into`. */
export function addParts(into: Parts, from: Readonly<Parts>, sign = 1): void {
  for (const [part, n] of Object.entries(from)) into[part] = (into[part] ?? 0) + sign * n
}

/** The stored JSON of parts; keys sorted, so that equal parts are equal texts. */
export function partsJson(parts: Readonly<Parts>): string {
  const sorted: Parts = {}
  for (const key of Object.keys(parts).sort()) {
    const n = parts[key]
    if (n !== undefined && n !== 0) sorted[key] = n
  }
  return JSON.stringify(sorted)
}

/** Parts read back from their stored JSON. */
export function readParts(json: string): Parts {
  const value: unknown = JSON.parse(json)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('stored indicator parts are malformed')
  }
  const parts: Parts = {}
  for (const [part, n] of Object.entries(value)) {
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      throw new Error('stored indicator parts are malformed')
    }
    parts[part] = n
  }
  return parts
}

/** `YYYY-MM` of an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7)
}
