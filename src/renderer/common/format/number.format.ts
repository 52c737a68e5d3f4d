import type { Locale } from '../../../shared/forms/localized-text'

const formatters: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-US'),
}

/** A count with the reader's thousands separator: `1.234` in Vietnamese, `1,234` in English. */
export function formatCount(n: number, locale: Locale = 'vi'): string {
  return formatters[locale].format(n)
}

const percentFormatters: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 }),
}

/** A share (0.62) as a whole percentage in the reader's style: `62%`. */
export function formatPercent(share: number, locale: Locale = 'vi'): string {
  return percentFormatters[locale].format(share)
}
