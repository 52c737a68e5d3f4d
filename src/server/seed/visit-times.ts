import { VIETNAM_OFFSET_MS } from './seed-campaign'
import type { SeedRandom } from './seed-random'

/**
 * When team members visit: working days (Sundays mostly avoided), in the morning, the
 * afternoon or the early evening when people are home from the fields; an interview takes
 * a quarter to three quarters of an hour and is saved at its end.
 */

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

/** Midnight (Vietnam time) of the day holding `ms`. */
export function vietnamDayStart(ms: number): number {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS
}

function weekday(dayStartMs: number): number {
  return new Date(dayStartMs + VIETNAM_OFFSET_MS).getUTCDay()
}

export interface VisitTime {
  /** When the team member arrived (the visit id's moment). */
  startMs: number
  /** When the form was saved. */
  savedMs: number
}

/** A visit on the given day (moved off a Sunday most of the time). */
export function visitOn(random: SeedRandom, dayStartMs: number): VisitTime {
  let day = dayStartMs
  if (weekday(day) === 0 && random.chance(0.85)) day += (random.chance(0.5) ? -1 : 1) * DAY_MS
  const slot = random.next()
  const fromMinute = slot < 0.45 ? 450 : slot < 0.8 ? 810 : 1110
  const spanMinutes = slot < 0.8 ? 240 : 135
  const startMs = day + (fromMinute + random.next() * spanMinutes) * MINUTE_MS
  const savedMs = startMs + random.int(12, 45) * MINUTE_MS + random.int(0, 59_999)
  return { startMs: Math.floor(startMs), savedMs: Math.floor(savedMs) }
}

/** A visit on a day drawn evenly from [fromMs, toMs). */
export function visitBetween(random: SeedRandom, fromMs: number, toMs: number): VisitTime {
  const days = Math.max(1, Math.floor((toMs - fromMs) / DAY_MS))
  return visitOn(random, vietnamDayStart(fromMs) + random.int(0, days - 1) * DAY_MS)
}

/** A visit `minDays`–`maxDays` days after the previous one. */
export function visitAfter(
  random: SeedRandom,
  previousMs: number,
  minDays: number,
  maxDays: number,
): VisitTime {
  return visitOn(random, vietnamDayStart(previousMs) + random.int(minDays, maxDays) * DAY_MS)
}
