import { useCallback, useEffect, useState } from 'react'
import type { FormDefinition } from '../../../shared/forms/form-definition.schema'
import type { AsyncData } from '../../common/components/async-data.hook'
import { errorCode } from '../../common/errors/error.messages'
import { callMain } from './desktop.client'
import { formVersions, isFormVersion } from './form-versions.cache'

/**
 * The form new visits are recorded with (`forms.getDefault`), read again whenever
 * `reloadKey` changes — after an enrolment or a sync, either of which may bring a newer
 * version. The same version keeps the same object, so screens keyed on the form (an open
 * draft) do not reload when a sync brought nothing new.
 */
export function useCurrentForm(reloadKey: string): AsyncData<FormDefinition> & {
  reload: () => void
} {
  const [result, setResult] = useState<AsyncData<FormDefinition>>({ state: 'loading' })
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((n) => n + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when reloadKey or tick change
  useEffect(() => {
    let current = true
    callMain('forms.getDefault', {}).then(
      (next) => {
        if (!current) return
        formVersions.remember(next)
        setResult((prev) =>
          prev.state === 'done' &&
          isFormVersion(prev.data, { formId: next.id, version: next.version })
            ? prev
            : { state: 'done', data: next },
        )
      },
      (error: unknown) => current && setResult({ state: 'failed', code: errorCode(error) }),
    )
    return () => {
      current = false
    }
  }, [reloadKey, tick])

  return { ...result, reload }
}
