import type { Locale } from '../../../shared/forms/localized-text'

const formatters: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-US'),
}

/** A count with the reader's thousands separator: `1.234` in Vietnamese, `1,234` in English. */
export function formatCount(n: number, locale: Locale = 'vi'): string {
  return formatters[locale].format(n)
}
