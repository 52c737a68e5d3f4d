/**
 * Dates are shown as dd/mm/yyyy and times as HH:mm in Vietnam's time zone (UTC+7, no
 * daylight saving), whatever the machine's own zone is set to; data always carries ISO.
 */

const VIETNAM_OFFSET_MS = 7 * 3600_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DISPLAY_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/

/** `2025-09-05` -> `05/09/2025`; anything that is not an ISO date is returned unchanged. */
export function formatIsoDate(iso: string): string {
  const m = ISO_DATE.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/**
 * `05/09/2025` (also `5/9/2025`, `05-09-2025`, `05.09.2025`) -> `2025-09-05`, or null when
 * it is not a real calendar day.
 */
export function parseDisplayDate(text: string): string | null {
  const m = DISPLAY_DATE.exec(text)
  if (!m) return null
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null
}

/** An ISO 8601 timestamp -> `dd/mm/yyyy HH:mm` in Vietnam time; unparseable input unchanged. */
export function formatDateTime(timestamp: string): string {
  const ms = Date.parse(timestamp)
  if (Number.isNaN(ms)) return timestamp
  const local = new Date(ms + VIETNAM_OFFSET_MS)
  const date = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
  return `${date} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** An ISO 8601 timestamp -> `HH:mm:ss` in Vietnam time (the "saved at" of a draft). */
export function formatTimeOfDay(timestamp: string): string {
  const ms = Date.parse(timestamp)
  if (Number.isNaN(ms)) return timestamp
  const local = new Date(ms + VIETNAM_OFFSET_MS)
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
}

/** Whole years from a birth year to the visit date's year (the form counts ages that way). */
export function ageInYear(birthYear: unknown, visitDate: string): number | null {
  const visitYear = Number(visitDate.slice(0, 4))
  if (typeof birthYear !== 'number' || !Number.isInteger(birthYear)) return null
  const age = visitYear - birthYear
  return age >= 0 && age < 150 ? age : null
}
