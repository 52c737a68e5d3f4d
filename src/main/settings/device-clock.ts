import type { Kysely } from 'kysely'
import type { Clock } from '../../shared/clock/clock'
import { HlcError, type HlcStamp, HybridLogicalClock, hlcNodeFromId } from '../../shared/clock/hlc'
import type { LocalDatabase } from '../store/local-database.types'
import { getSetting, setSetting } from './settings.repository'

/**
 * The next hybrid-logical-clock stamp of this device. Call it inside the transaction that
 * stores what the stamp is for: the clock's last stamp is read from and written to settings
 * in that same transaction, so a committed stamp is never reused after a restart (even when
 * the wall clock was set back) and a rolled-back save leaves the clock untouched.
 */
export async function nextHlcStamp(
  trx: Kysely<LocalDatabase>,
  clock: Clock,
  deviceId: string,
): Promise<HlcStamp> {
  const last = await getSetting(trx, 'hlc_last')
  const hlc = new HybridLogicalClock(clock, hlcNodeFromId(deviceId), last)
  const stamp = hlc.now()
  await setSetting(trx, 'hlc_last', stamp)
  return stamp
}

/**
 * Merges stamps this device received (a pull's states) into its hybrid logical clock, so
 * that its next local edit sorts after everything it has seen, even when its wall clock is
 * behind the device that made them (DESIGN.md §5, principle 2). A stamp more than a day
 * ahead of this device's clock is not taken in (it would poison every later stamp); it is
 * returned so the caller can report it. Call inside the transaction that stores what the
 * stamps came with.
 * @returns the stamps that were too far ahead to take in
 */
export async function observeHlcStamps(
  trx: Kysely<LocalDatabase>,
  clock: Clock,
  deviceId: string,
  stamps: readonly string[],
): Promise<string[]> {
  if (stamps.length === 0) return []
  const last = await getSetting(trx, 'hlc_last')
  const hlc = new HybridLogicalClock(clock, hlcNodeFromId(deviceId), last)
  const refused: string[] = []
  let moved = false
  for (const stamp of stamps) {
    // Only stamps ahead of ours move the clock; receive() would also tick for older ones.
    if (stamp <= hlc.lastStamp) continue
    try {
      hlc.receive(stamp)
      moved = true
    } catch (error) {
      if (!(error instanceof HlcError) || error.code !== 'hlc_drift') throw error
      refused.push(stamp)
    }
  }
  if (moved) await setSetting(trx, 'hlc_last', hlc.lastStamp)
  return refused
}
