import { useCallback, useEffect, useState } from 'react'
import type { ReceiptImport, SyncReport, SyncStatus } from '../../../shared/api/ipc.contract'
import { errorCode } from '../../common/errors/error.messages'
import { callMain } from '../api/desktop.client'
import { readReceiptFile } from './receipt-file.read'

/** The outcome of the last press of "Đồng bộ", until dismissed. */
export type SyncOutcome =
  | { kind: 'done'; report: SyncReport }
  | { kind: 'failed'; code: string }
  | { kind: 'exported'; fileName: string; revisions: number }
  | { kind: 'receipt'; result: ReceiptImport }
  | { kind: 'receiptFailed'; code: string }

export interface SyncController {
  status: SyncStatus | null
  running: boolean
  outcome: SyncOutcome | null
  run: () => Promise<void>
  /** Seals the pending work into one batch file and saves it (the browser's download). */
  exportFile: () => Promise<void>
  /** Applies a receipt file brought back on a USB stick (the console's signed receipt). */
  importReceipt: (file: File) => Promise<void>
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
    const stopPolling = pollStatus(setStatus)
    try {
      const report = await callMain('sync.run', {})
      setOutcome({ kind: 'done', report })
    } catch (error) {
      setOutcome({ kind: 'failed', code: errorCode(error) })
    } finally {
      stopPolling()
      setRunning(false)
      // Records may have been marked sent even when a later batch failed: reload everything.
      onSynced()
    }
  }, [running, onSynced])

  const exportFile = useCallback(async () => {
    setOutcome(null)
    try {
      const file = await callMain('sync.exportBatchFile', {})
      saveBytes(file.fileName, file.bytesBase64)
      setOutcome({ kind: 'exported', fileName: file.fileName, revisions: file.revisions })
    } catch (error) {
      setOutcome({ kind: 'failed', code: errorCode(error) })
    } finally {
      // The exported households now await their receipt: reload the screens (and the status).
      onSynced()
    }
  }, [onSynced])

  const importReceipt = useCallback(
    async (file: File) => {
      setOutcome(null)
      try {
        const contentBase64 = await readReceiptFile(file)
        const result = await callMain('sync.importReceiptFile', { contentBase64 })
        setOutcome({ kind: 'receipt', result })
      } catch (error) {
        setOutcome({ kind: 'receiptFailed', code: errorCode(error) })
      } finally {
        // Households may have changed state: reload the screens (and with them the status).
        onSynced()
      }
    },
    [onSynced],
  )

  return {
    status,
    running,
    outcome,
    run,
    exportFile,
    importReceipt,
    dismiss: () => setOutcome(null),
    setStatus,
  }
}

/** How often the status is read while a sync runs: its progress bar moves this often. */
const PROGRESS_POLL_MS = 400

/**
 * Reads `sync.status` (which carries the run's progress) until stopped. A status answered
 * after the stop is dropped, so a late answer cannot show progress for a finished run.
 * A failed read stops the polling only: the run's own answer says how the sync went.
 */
function pollStatus(onStatus: (status: SyncStatus) => void): () => void {
  let active = true
  const loop = async () => {
    while (active) {
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS))
      if (!active) return
      const status = await callMain('sync.status', {})
      if (active) onStatus(status)
    }
  }
  loop().catch(() => {
    // The bar stays where it was; the run's result (or error) follows and is shown.
    active = false
  })
  return () => {
    active = false
  }
}

/** Saves bytes as a file: in Electron a download asks where to save it (a USB stick). */
function saveBytes(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.langso.batch' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked a little later: some engines read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
