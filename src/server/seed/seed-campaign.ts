import { SeedError } from './seed-errors'

/** The survey campaign the generated visits fall in: whole months from a first day. */
export interface Campaign {
  /** First day, YYYY-MM-DD (Vietnam time). */
  startDate: string
  months: number
  /** Midnight of the first day in Vietnam (UTC+7), as epoch milliseconds. */
  startMs: number
  /** Midnight after the last day in Vietnam. */
  endMs: number
}

/** Vietnam is UTC+7 all year. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000

/** The campaign of `months` calendar months from `startDate`. */
export function campaignOf(startDate: string, months: number): Campaign {
  const start = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate)
  const startMs = Date.parse(`${startDate}T00:00:00+07:00`)
  if (
    !start ||
    Number.isNaN(startMs) ||
    new Date(startMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10) !== startDate
  ) {
    throw new SeedError('seed_invalid_option', `start must be a date YYYY-MM-DD, not ${startDate}`)
  }
  if (!Number.isInteger(months) || months < 1 || months > 36) {
    throw new SeedError('seed_invalid_option', 'months must be a whole number from 1 to 36')
  }
  const [year, month, day] = [Number(start[1]), Number(start[2]), Number(start[3])]
  const endMs = Date.UTC(year, month - 1 + months, day) - VIETNAM_OFFSET_MS
  return { startDate, months, startMs, endMs }
}
