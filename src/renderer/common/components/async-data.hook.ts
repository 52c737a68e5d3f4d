import { useCallback, useEffect, useState } from 'react'
import { errorCode } from '../errors/error.messages'

/** Where a load stands: still loading, failed with a reason code, or done. */
export type AsyncData<T> =
  | { state: 'loading' }
  | { state: 'failed'; code: string }
  | { state: 'done'; data: T }

/**
 * Runs `load` when its inputs change and keeps the latest answer only (a slow answer to an
 * old search never overwrites a newer one). `reload` runs it again.
 */
export function useAsyncData<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): AsyncData<T> & { reload: () => void } {
  const [result, setResult] = useState<AsyncData<T>>({ state: 'loading' })
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((n) => n + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists load's inputs in deps
  useEffect(() => {
    let current = true
    load().then(
      (data) => current && setResult({ state: 'done', data }),
      (error: unknown) => current && setResult({ state: 'failed', code: errorCode(error) }),
    )
    return () => {
      current = false
    }
  }, [...deps, tick])

  return { ...result, reload }
}
