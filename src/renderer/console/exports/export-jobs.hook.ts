import { useCallback, useEffect, useRef, useState } from 'react'
import type { ExportJob } from '../../../shared/api/http.contract'
import { useConsoleClient } from '../app/console-client.context'
import { failureOf } from '../common/console-errors'

/** How often the list is asked again while an export waits or is being written. */
const POLL_MS = 1000

const isUnfinished = (job: ExportJob) => job.status === 'queued' || job.status === 'running'

/** The person's recent exports, kept fresh while any of them is still being written. */
export interface ExportJobs {
  jobs: ExportJob[] | null
  /** Reason code of the last failed load, while nothing could be shown. */
  failure: string | null
  reload: () => void
  /** Shows a job just created at the top, before the next load. */
  add: (job: ExportJob) => void
  remove: (id: string) => void
}

/**
 * Loads the person's exports and, while one is queued or running, asks again every second
 * (one call for the whole list) so that progress bars move and download buttons appear
 * without a reload.
 */
export function useExportJobs(): ExportJobs {
  const client = useConsoleClient()
  const [jobs, setJobs] = useState<ExportJob[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((n) => n + 1), [])
  const shown = useRef(jobs)
  shown.current = jobs

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks for a reload
  useEffect(() => {
    let current = true
    let next: ReturnType<typeof setTimeout> | undefined
    client.call('exports.list', {}).then(
      (answer) => {
        if (!current) return
        setJobs(answer.items)
        setFailure(null)
        if (answer.items.some(isUnfinished)) next = setTimeout(reload, POLL_MS)
      },
      (error: unknown) => {
        if (!current) return
        setFailure(failureOf(error).code)
        // A blip while an export is being written: the list shown stays, ask again later.
        if (shown.current?.some(isUnfinished)) next = setTimeout(reload, POLL_MS * 3)
      },
    )
    return () => {
      current = false
      clearTimeout(next)
    }
  }, [client, tick])

  const add = useCallback(
    (job: ExportJob) => {
      setJobs((current) => [job, ...(current ?? []).filter((j) => j.id !== job.id)])
      reload()
    },
    [reload],
  )
  const remove = useCallback((id: string) => {
    setJobs((current) => (current ?? []).filter((j) => j.id !== id))
  }, [])
  return { jobs, failure, reload, add, remove }
}
