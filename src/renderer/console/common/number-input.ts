import type { Locale } from '../../../shared/forms/localized-text'

/** Thousands and decimal marks for number inputs: `1.234` in Vietnamese, `1,234` in English. */
export function numberSeparators(locale: Locale): {
  thousandSeparator: string
  decimalSeparator: string
} {
  return locale === 'vi'
    ? { thousandSeparator: '.', decimalSeparator: ',' }
    : { thousandSeparator: ',', decimalSeparator: '.' }
}
