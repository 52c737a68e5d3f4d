import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import { flattenQuestions } from '../../shared/forms/form-definition.schema'
import { indicatorValues } from '../../shared/indicators/compute-indicators'
import type { IndicatorDefinition } from '../../shared/indicators/indicator-definition.schema'
import { serverIndicators } from '../indicators/indicator-changes'
import { addParts, type Parts, partsContribution } from '../indicators/indicator-parts'
import type { PlaceNames } from './export-records'
import type { ExportHousehold } from './export-source'

/** Which level a row of the indicators sheet sums. */
export type IndicatorLevel = 'province' | 'commune' | 'village'

/** One row of the indicators sheet: one indicator (or one kind of help) for one place. */
export interface IndicatorRow {
  level: IndicatorLevel
  communeCode: string | null
  communeName: string | null
  villageCode: string | null
  villageName: string | null
  indicatorId: string
  indicator: string
  numerator: number
  /** null for counts (help given by kind), which have no denominator. */
  denominator: number | null
  /** numerator ÷ denominator; null when there is nothing to divide by. */
  value: number | null
  target: number | null
}

/** A village of the export's scope and the households on its register (coverage). */
export interface RegisteredVillage {
  communeCode: string
  villageCode: string
  registeredHouseholds: number
}

/**
 * Adds up the indicators of the exported households per village while they stream past.
 * Each household adds its contribution as the dashboard counts it: the shared
 * householdContribution of its latest completed visit, which ingest stores per household
 * (indicators/indicator-changes.ts) — read with the chunk, never computed a second way —
 * and the sums go through the shared indicatorValues. So the export's figures for a
 * commune or village equal the dashboard's whenever the export holds the same households.
 * Only one sum per village is kept, never the households themselves.
 */
export class IndicatorTotals {
  private readonly byVillage = new Map<string, { communeCode: string; parts: Parts }>()

  constructor(private readonly indicators: readonly IndicatorDefinition[] = serverIndicators) {}

  /** Counts one household (nothing when it never had a completed visit). */
  add(household: ExportHousehold): void {
    let village = this.byVillage.get(household.villageCode)
    if (!village) {
      village = { communeCode: household.communeCode, parts: {} }
      this.byVillage.set(household.villageCode, village)
    }
    if (household.indicatorParts) addParts(village.parts, household.indicatorParts)
  }

  /**
   * The rows of the indicators sheet: the province (when `levels` has it), then each
   * commune followed by its villages, in code order. Villages on the register without an
   * exported household still show (coverage 0 of their registered households).
   */
  rows(
    register: readonly RegisteredVillage[],
    names: PlaceNames,
    levels: ReadonlySet<IndicatorLevel>,
    tallyLabels: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ): IndicatorRow[] {
    const villages = new Map<string, { communeCode: string; registered: number; parts: Parts }>()
    for (const v of register) {
      villages.set(v.villageCode, {
        communeCode: v.communeCode,
        registered: v.registeredHouseholds,
        parts: {},
      })
    }
    for (const [villageCode, sums] of this.byVillage) {
      const known = villages.get(villageCode)
      villages.set(villageCode, {
        communeCode: sums.communeCode,
        registered: known?.registered ?? 0,
        parts: sums.parts,
      })
    }
    const communes = new Map<string, string[]>()
    for (const code of [...villages.keys()].sort()) {
      const communeCode = villages.get(code)?.communeCode ?? ''
      communes.set(communeCode, [...(communes.get(communeCode) ?? []), code])
    }

    const out: IndicatorRow[] = []
    const emit = (
      level: IndicatorLevel,
      communeCode: string | null,
      villageCode: string | null,
      codes: readonly string[],
    ) => {
      const parts: Parts = {}
      let registered = 0
      for (const code of codes) {
        const village = villages.get(code)
        if (!village) continue
        addParts(parts, village.parts)
        registered += village.registered
      }
      const place = {
        level,
        communeCode,
        communeName: communeCode ? names.communeName(communeCode) : null,
        villageCode,
        villageName: villageCode ? names.villageName(villageCode) : null,
      }
      out.push(...this.indicatorRows(place, parts, registered, tallyLabels))
    }

    if (levels.has('province')) emit('province', null, null, [...villages.keys()])
    for (const communeCode of [...communes.keys()].sort()) {
      const codes = communes.get(communeCode) ?? []
      if (levels.has('commune')) emit('commune', communeCode, null, codes)
      if (levels.has('village'))
        for (const code of codes) emit('village', communeCode, code, [code])
    }
    return out
  }

  private indicatorRows(
    place: Pick<
      IndicatorRow,
      'level' | 'communeCode' | 'communeName' | 'villageCode' | 'villageName'
    >,
    parts: Parts,
    registered: number,
    tallyLabels: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ): IndicatorRow[] {
    const total = partsContribution(this.indicators, parts)
    const values = indicatorValues(this.indicators, total, registered)
    return values.flatMap((value, i): IndicatorRow[] => {
      const label = this.indicators[i]?.label.vi ?? value.id
      if (value.kind === 'ratio') {
        return [
          {
            ...place,
            indicatorId: value.id,
            indicator: label,
            numerator: value.numerator,
            denominator: value.denominator,
            value: value.value,
            target: value.target,
          },
        ]
      }
      // A tally: one row per kind of help, in the form's order, then kinds it no longer lists.
      const labels = tallyLabels.get(value.id) ?? new Map<string, string>()
      const counts = value.counts ?? {}
      const kinds = [...labels.keys(), ...Object.keys(counts).filter((k) => !labels.has(k))]
      return kinds.map((kind) => ({
        ...place,
        indicatorId: `${value.id}.${kind}`,
        indicator: `${label}: ${labels.get(kind) ?? kind}`,
        numerator: counts[kind] ?? 0,
        denominator: null,
        value: null,
        target: null,
      }))
    })
  }
}

/**
 * The choice labels of each tally indicator's question, from the newest form version that
 * asks it (the kinds of help, in the form's order).
 */
export function tallyChoiceLabels(
  forms: readonly FormDefinition[],
  indicators: readonly IndicatorDefinition[] = serverIndicators,
): Map<string, Map<string, string>> {
  const newest = [...forms].sort((a, b) => b.version - a.version)
  const labels = new Map<string, Map<string, string>>()
  for (const indicator of indicators) {
    if (indicator.kind !== 'tally') continue
    for (const form of newest) {
      const question = form.sections
        .flatMap((s) => flattenQuestions(s.items))
        .find((q) => q.id === indicator.question)
      if (question?.choices) {
        labels.set(indicator.id, new Map(question.choices.map((c) => [c.value, c.label.vi])))
        break
      }
    }
  }
  return labels
}
