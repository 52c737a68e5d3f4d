import type { TFunction } from 'i18next'
import type { PlaceIndicators } from '../../../shared/api/http.contract'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import type { Locale, LocalizedText } from '../../../shared/forms/localized-text'
import { defaultIndicators } from '../../../shared/indicators/default-indicators'
import type { RatioIndicator } from '../../../shared/indicators/indicator-definition.schema'
import { formatPercent } from '../../common/format/number.format'
import { type IndicatorsMessages, indicatorsVi } from '../../i18n/console/indicators.vi'

/**
 * Names, units, colours and number formats of the dashboard. Indicator names and kinds of
 * help come from the shared definitions and the household form (Vietnamese first); the
 * short tile names from the console catalog.
 */

/** The ratio indicators, in the order of their definitions. */
export const RATIO_INDICATORS: readonly RatioIndicator[] = defaultIndicators.filter(
  (i): i is RatioIndicator => i.kind === 'ratio',
)

/** The indicator the bars and the trend show first. */
export const FIRST_INDICATOR = 'smartphone_adults'

/** The question the teams record their help with, and its choices. */
const SUPPORT_QUESTION = defaultIndicators.find((i) => i.kind === 'tally')
const SUPPORT_CHOICES = new Map<string, LocalizedText>(
  defaultHouseholdForm.sections
    .flatMap((s) => flattenQuestions(s.items))
    .find((q) => SUPPORT_QUESTION?.kind === 'tally' && q.id === SUPPORT_QUESTION.question)
    ?.choices?.map((c) => [c.value, c.label]) ?? [],
)

/** The full name of an indicator, as defined. */
export function indicatorName(id: string, locale: Locale): string {
  return defaultIndicators.find((i) => i.id === id)?.label[locale] ?? id
}

/** The short name of an indicator for a tile or a legend (the full name when it has none). */
export function shortName(t: TFunction, id: string, locale: Locale): string {
  return isShortId(id) ? t(`console.indicators.short.${id}`) : indicatorName(id, locale)
}

type ShortId = keyof IndicatorsMessages['short']
const isShortId = (id: string): id is ShortId => Object.hasOwn(indicatorsVi.short, id)

/** What an indicator's denominator counts ("adults", "households"…). */
export function unitOf(t: TFunction, id: string): string {
  const indicator = RATIO_INDICATORS.find((i) => i.id === id)
  return indicator ? t(`console.indicators.units.${indicator.population}`) : ''
}

/** A kind of help in the reader's language. */
export function supportKindName(kind: string, locale: Locale): string {
  return SUPPORT_CHOICES.get(kind)?.[locale] ?? kind
}

/** One colour per kind of help, the same in every chart. */
const KIND_PALETTE = ['#1c7ed6', '#0ca678', '#f59f00', '#ae3ec9', '#e8590c', '#1098ad', '#868e96']

export function supportKindColor(kinds: readonly string[], kind: string): string {
  const index = kinds.indexOf(kind)
  return KIND_PALETTE[(index < 0 ? kinds.length : index) % KIND_PALETTE.length] ?? '#868e96'
}

/** How a value stands against its target: met, close (within 15 points), far, or no target. */
export type Standing = 'met' | 'close' | 'far' | 'none'

export function standingOf(value: number | null, target: number | null): Standing {
  if (value === null || target === null) return 'none'
  if (value >= target) return 'met'
  return target - value <= 0.15 ? 'close' : 'far'
}

export const STANDING_COLOR: Record<Standing, string> = {
  met: '#2b8a3e',
  close: '#e67700',
  far: '#c92a2a',
  none: '#1971c2',
}

/** A share as a whole percentage, or a dash when there is nothing to divide by. */
export function share(value: number | null, locale: Locale): string {
  return value === null ? '—' : formatPercent(value, locale)
}

/** The value of one indicator among a place's. */
export function indicatorOf(
  indicators: PlaceIndicators['indicators'],
  id: string,
): PlaceIndicators['indicators'][number] | null {
  return indicators.find((i) => i.id === id) ?? null
}

/** `2025-11` as the reader writes a month: `11/2025`. */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`
}
