import type { Kysely } from 'kysely'
import type { Clock } from '../../shared/clock/clock'
import { type HlcStamp, HybridLogicalClock, hlcNodeFromId } from '../../shared/clock/hlc'
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
