import { useCallback, useRef, useState } from 'react'
import { type ConsoleFailure, failureOf } from './console-errors'

/** An action started by a person: whether it runs, and how it failed last time. */
export interface Action<A extends unknown[], R> {
  pending: boolean
  failure: ConsoleFailure | null
  /** Runs the action; resolves with its result, or undefined when it failed (see `failure`). */
  run: (...args: A) => Promise<R | undefined>
  reset: () => void
}

/**
 * Wraps an async action so that its button can show progress and its failure can be shown
 * next to it. A second press while it runs is ignored (pressing twice never sends twice).
 */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): Action<A, R> {
  const [pending, setPending] = useState(false)
  const [failure, setFailure] = useState<ConsoleFailure | null>(null)
  const running = useRef(false)
  const latest = useRef(action)
  latest.current = action

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (running.current) return undefined
    running.current = true
    setPending(true)
    setFailure(null)
    try {
      return await latest.current(...args)
    } catch (error) {
      setFailure(failureOf(error))
      return undefined
    } finally {
      running.current = false
      setPending(false)
    }
  }, [])

  const reset = useCallback(() => setFailure(null), [])
  return { pending, failure, run, reset }
}
