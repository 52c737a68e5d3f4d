import { describeError } from '../app/logger'
import type { MainContext } from '../context'
import { runDailyBackupIfDue } from './backup.service'

/** How often the app looks whether today's snapshot is still to be taken. */
export const DAILY_CHECK_INTERVAL_MS = 60 * 60_000
/** The first look waits a little, so the snapshot does not slow the start. */
export const FIRST_CHECK_DELAY_MS = 2 * 60_000

export interface BackupSchedule {
  /** Looks now (what the timers call); resolves when any snapshot it took is written. */
  checkNow(): Promise<void>
  stop(): void
}

/**
 * The automatic daily snapshot: a look shortly after start, then every hour; a snapshot is
 * taken when none was taken today (Vietnam date). A failed snapshot is logged and tried
 * again at the next look; it never disturbs the app.
 */
export function startBackupSchedule(
  ctx: () => MainContext | null,
  options: { firstDelayMs?: number; intervalMs?: number } = {},
): BackupSchedule {
  let stopped = false
  const checkNow = async () => {
    const current = ctx()
    if (stopped || !current) return
    try {
      await runDailyBackupIfDue(current)
    } catch (error) {
      current.log.error('backup_daily_failed', describeError(error))
    }
  }
  const first = setTimeout(() => void checkNow(), options.firstDelayMs ?? FIRST_CHECK_DELAY_MS)
  const every = setInterval(() => void checkNow(), options.intervalMs ?? DAILY_CHECK_INTERVAL_MS)
  first.unref?.()
  every.unref?.()
  return {
    checkNow,
    stop() {
      stopped = true
      clearTimeout(first)
      clearInterval(every)
    },
  }
}
