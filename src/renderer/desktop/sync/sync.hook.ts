import { useCallback, useEffect, useState } from 'react'
import type { SyncReport, SyncStatus } from '../../../shared/api/ipc.contract'
import { errorCode } from '../../common/errors/error.messages'
import { callMain } from '../api/desktop.client'

/** The outcome of the last press of "Đồng bộ", until dismissed. */
export type SyncOutcome = { kind: 'done'; report: SyncReport } | { kind: 'failed'; code: string }

export interface SyncController {
  status: SyncStatus | null
  running: boolean
  outcome: SyncOutcome | null
  run: () => Promise<void>
  dismiss: () => void
  setStatus: (status: SyncStatus) => void
}

/**
 * The sync state shared by the header (button, pending count) and the result notice.
 * A second press while running is ignored here too; the main process is safe either way.
 */
export function useSync(dataVersion: number, onSynced: () => void): SyncController {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [running, setRunning] = useState(false)
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null)

  const refresh = useCallback(async () => {
    try {
      setStatus(await callMain('sync.status', {}))
    } catch (error) {
      setOutcome({ kind: 'failed', code: errorCode(error) })
    }
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when local data changed
  useEffect(() => {
    void refresh()
  }, [refresh, dataVersion])

  const run = useCallback(async () => {
    if (running) return
    setRunning(true)
    setOutcome(null)
    try {
      const report = await callMain('sync.run', {})
      setOutcome({ kind: 'done', report })
    } catch (error) {
      setOutcome({ kind: 'failed', code: errorCode(error) })
    } finally {
      setRunning(false)
      // Records may have been marked sent even when a later batch failed: reload everything.
      onSynced()
    }
  }, [running, onSynced])

  return { status, running, outcome, run, dismiss: () => setOutcome(null), setStatus }
}
