import type { Contribution } from '../../shared/indicators/compute-indicators'
import type { IndicatorDefinition } from '../../shared/indicators/indicator-definition.schema'

/**
 * How a household's indicator contribution is stored: ratio numerators and denominators as
 * one flat array in the indicators' order (`r`), and only the non-empty tallies (`t`).
 * Reading a village of 2,000 households is then a few milliseconds of array sums instead of
 * 2,000 object graphs. The order is safe because stored contributions are recomputed
 * whenever the indicator definitions change (see indicatorsFingerprint).
 */
/** Version of the layout below; part of the indicators fingerprint. */
export const STORED_CONTRIBUTION_FORMAT = 1

interface Stored {
  r: number[]
  t?: Record<string, Record<string, number>>
}

/** Encodes a contribution for households.contribution_json. */
export function encodeContribution(
  indicators: readonly IndicatorDefinition[],
  contribution: Contribution,
): string {
  const r: number[] = []
  const t: Record<string, Record<string, number>> = {}
  for (const indicator of indicators) {
    if (indicator.kind === 'ratio') {
      const ratio = contribution.ratios[indicator.id]
      r.push(ratio?.numerator ?? 0, ratio?.denominator ?? 0)
      continue
    }
    const counts = contribution.tallies[indicator.id] ?? {}
    if (Object.keys(counts).length > 0) t[indicator.id] = counts
  }
  return JSON.stringify(Object.keys(t).length > 0 ? { r, t } : { r })
}

/** Adds up stored contributions into one Contribution (a village's total). */
export function sumStoredContributions(
  indicators: readonly IndicatorDefinition[],
  stored: Iterable<string>,
): Contribution {
  const ratioIds = indicators.filter((i) => i.kind === 'ratio').map((i) => i.id)
  const sums = new Array<number>(ratioIds.length * 2).fill(0)
  const tallies: Contribution['tallies'] = {}
  for (const i of indicators) if (i.kind === 'tally') tallies[i.id] = {}
  for (const json of stored) {
    const one = readStored(json, sums.length)
    for (let k = 0; k < sums.length; k++) sums[k] = (sums[k] ?? 0) + (one.r[k] ?? 0)
    for (const [id, counts] of Object.entries(one.t ?? {})) {
      const total = tallies[id] ?? {}
      for (const [choice, n] of Object.entries(counts)) total[choice] = (total[choice] ?? 0) + n
      tallies[id] = total
    }
  }
  const ratios: Contribution['ratios'] = {}
  ratioIds.forEach((id, k) => {
    ratios[id] = { numerator: sums[2 * k] ?? 0, denominator: sums[2 * k + 1] ?? 0 }
  })
  return { ratios, tallies }
}

/** One stored contribution as a Contribution. */
export function decodeContribution(
  indicators: readonly IndicatorDefinition[],
  json: string,
): Contribution {
  return sumStoredContributions(indicators, [json])
}

function readStored(json: string, length: number): Stored {
  const value: unknown = JSON.parse(json)
  // Only encodeContribution writes these; a light check catches a store from elsewhere.
  if (
    typeof value !== 'object' ||
    value === null ||
    !('r' in value) ||
    !Array.isArray(value.r) ||
    value.r.length !== length
  ) {
    throw new Error('stored indicator contribution is malformed')
  }
  return value as Stored
}
