import { formatDateTime, parseDisplayDate } from '../../common/format/date.format'

/** The Vietnam-time day of an ISO timestamp, as dd/mm/yyyy. */
export function formatDay(timestamp: string): string {
  return formatDateTime(timestamp).slice(0, 10)
}

/** A day range typed as dd/mm/yyyy, checked: each end is blank, a real day, and in order. */
export interface DayRange {
  from: string | null
  to: string | null
  fromError: 'date' | null
  toError: 'date' | 'dateOrder' | null
}

/** Reads two typed days (blank means open-ended) into ISO dates, naming what is wrong. */
export function readDayRange(fromText: string, toText: string): DayRange {
  const from = fromText.trim() === '' ? null : parseDisplayDate(fromText)
  const to = toText.trim() === '' ? null : parseDisplayDate(toText)
  const fromError = fromText.trim() !== '' && from === null ? 'date' : null
  let toError: DayRange['toError'] = toText.trim() !== '' && to === null ? 'date' : null
  if (!toError && from && to && to < from) toError = 'dateOrder'
  return { from, to, fromError, toError }
}
