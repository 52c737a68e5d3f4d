import { holds } from '../forms/expression'
import type { FormDefinition } from '../forms/form-definition.schema'
import type { FormResponse } from '../forms/form-response.schema'
import { computeRelevance, contextValues, type Relevance } from '../forms/relevance'
import { MEMBERS_REPEAT } from '../household/household-facts'
import type { IndicatorDefinition, RatioIndicator } from './indicator-definition.schema'

/** A household's latest completed visit, the unit indicators are computed from. */
export interface CompletedVisit {
  visitDate: string
  response: FormResponse
}

export interface Ratio {
  numerator: number
  denominator: number
}

/**
 * What one household adds to every indicator. Contributions are plain sums, so a store can
 * keep them per household and add them up by village, commune or month without re-reading
 * answers (and subtract the old one when a household is revisited).
 */
export interface Contribution {
  ratios: Record<string, Ratio>
  tallies: Record<string, Record<string, number>>
}

export interface IndicatorValue {
  id: string
  kind: 'ratio' | 'tally'
  numerator: number
  denominator: number
  /** numerator ÷ denominator, or null when there is nothing to divide by. */
  value: number | null
  target: number | null
  /** tally indicators: count per choice. */
  counts?: Record<string, number>
}

export interface IndicatorOptions {
  /** Age from which a member is an adult; the form's setting when absent. */
  adultAge?: number
}

/** The contribution of one household (null: never completed, counts in no numerator). */
export function householdContribution(
  form: FormDefinition,
  indicators: readonly IndicatorDefinition[],
  visit: CompletedVisit | null,
  options: IndicatorOptions = {},
): Contribution {
  const contribution = emptyContribution(indicators)
  if (visit?.response.answers.visit_result !== 'completed') return contribution
  for (const indicator of indicators) {
    if (indicator.kind === 'ratio' && indicator.population === 'surveyed') {
      contribution.ratios[indicator.id] = { numerator: 1, denominator: 0 }
    }
  }
  if (visit.response.answers.consent !== true) return contribution

  const relevance = computeRelevance(form, visit.response, { visitDate: visit.visitDate })
  const rows = visit.response.repeats[MEMBERS_REPEAT] ?? []
  const adultAge = options.adultAge ?? form.settings.adultAge
  const year = contextValues({ visitDate: visit.visitDate }).visit_year
  for (const indicator of indicators) {
    if (indicator.kind === 'tally') {
      contribution.tallies[indicator.id] = tallyChoices(rows, indicator.question)
      continue
    }
    if (indicator.population === 'surveyed') continue
    const ratio = contribution.ratios[indicator.id] ?? { numerator: 0, denominator: 0 }
    if (indicator.population === 'households') {
      add(ratio, numeratorHolds(indicator, relevance))
    } else {
      for (const row of rows) {
        if (indicator.population === 'adults' && !isAdult(row.answers, year, adultAge)) continue
        add(ratio, numeratorHolds(indicator, relevance, row.id))
      }
    }
    contribution.ratios[indicator.id] = ratio
  }
  return contribution
}

/** Adds contributions up (a village, a commune, a month). */
export function sumContributions(
  indicators: readonly IndicatorDefinition[],
  contributions: Iterable<Contribution>,
): Contribution {
  const total = emptyContribution(indicators)
  for (const c of contributions) {
    for (const [id, r] of Object.entries(c.ratios)) {
      const t = total.ratios[id] ?? { numerator: 0, denominator: 0 }
      total.ratios[id] = {
        numerator: t.numerator + r.numerator,
        denominator: t.denominator + r.denominator,
      }
    }
    for (const [id, counts] of Object.entries(c.tallies)) {
      const t = total.tallies[id] ?? {}
      for (const [choice, n] of Object.entries(counts)) t[choice] = (t[choice] ?? 0) + n
      total.tallies[id] = t
    }
  }
  return total
}

/**
 * Turns summed contributions into indicator values. `registeredHouseholds` is the coverage
 * denominator (households on the village register).
 */
export function indicatorValues(
  indicators: readonly IndicatorDefinition[],
  total: Contribution,
  registeredHouseholds: number,
): IndicatorValue[] {
  return indicators.map((indicator) => {
    if (indicator.kind === 'tally') {
      const counts = total.tallies[indicator.id] ?? {}
      const sum = Object.values(counts).reduce((a, b) => a + b, 0)
      return {
        id: indicator.id,
        kind: 'tally',
        numerator: sum,
        denominator: 0,
        value: null,
        target: null,
        counts,
      }
    }
    const ratio = total.ratios[indicator.id] ?? { numerator: 0, denominator: 0 }
    const denominator =
      indicator.population === 'surveyed' ? registeredHouseholds : ratio.denominator
    return {
      id: indicator.id,
      kind: 'ratio',
      numerator: ratio.numerator,
      denominator,
      value: denominator > 0 ? ratio.numerator / denominator : null,
      target: indicator.target ?? null,
    }
  })
}

/**
 * The one indicator function the desktop (village progress) and the server (province
 * dashboard) share: each household's latest completed visit in, indicator values out.
 */
export function computeIndicators(
  form: FormDefinition,
  indicators: readonly IndicatorDefinition[],
  visits: Iterable<CompletedVisit | null>,
  registeredHouseholds: number,
  options: IndicatorOptions = {},
): IndicatorValue[] {
  const contributions = [...visits].map((v) => householdContribution(form, indicators, v, options))
  return indicatorValues(
    indicators,
    sumContributions(indicators, contributions),
    registeredHouseholds,
  )
}

function emptyContribution(indicators: readonly IndicatorDefinition[]): Contribution {
  const contribution: Contribution = { ratios: {}, tallies: {} }
  for (const i of indicators) {
    if (i.kind === 'ratio') contribution.ratios[i.id] = { numerator: 0, denominator: 0 }
    else contribution.tallies[i.id] = {}
  }
  return contribution
}

function isAdult(answers: Record<string, unknown>, year: number, adultAge: number): boolean {
  const birthYear = answers.birth_year
  return (
    typeof birthYear === 'number' && year - birthYear >= adultAge && answers.residence !== 'away'
  )
}

function numeratorHolds(indicator: RatioIndicator, relevance: Relevance, rowId?: string): boolean {
  return indicator.numerator ? holds(indicator.numerator, relevance.scope(rowId)) : false
}

function add(ratio: Ratio, counted: boolean): void {
  ratio.denominator += 1
  if (counted) ratio.numerator += 1
}

function tallyChoices(
  rows: readonly { answers: Record<string, unknown> }[],
  question: string,
): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const row of rows) {
    const value = row.answers[question]
    if (!Array.isArray(value)) continue
    for (const choice of value)
      if (typeof choice === 'string') counts[choice] = (counts[choice] ?? 0) + 1
  }
  return counts
}
