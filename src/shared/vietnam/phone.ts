/**
 * Vietnamese mobile numbers: 10 digits starting 03/05/07/08/09. Numbers written in the
 * international form (+84 / 84) are normalised to the national 0… form.
 */
export type PhoneCheck = { ok: true; normalized: string; knownPrefix: boolean } | { ok: false }

const MOBILE_PREFIXES = ['03', '05', '07', '08', '09'] as const

export function checkPhone(input: string): PhoneCheck {
  let digits = input.replace(/[\s.\-()]/g, '')
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`
  if (!/^0\d{9}$/.test(digits)) return { ok: false }
  const knownPrefix = MOBILE_PREFIXES.some((p) => digits.startsWith(p))
  return { ok: true, normalized: digits, knownPrefix }
}
