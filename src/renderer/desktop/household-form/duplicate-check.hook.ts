import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import type { DuplicateCandidate } from '../../../shared/api/ipc.contract'
import type { FormResponse } from '../../../shared/forms/form-response.schema'
import { errorCode } from '../../common/errors/error.messages'
import { callMain } from '../api/desktop.client'

const HEAD_NAME = 'head_name'
const CITIZEN_ID = 'citizen_id'
const ROSTER = 'members'
const FULL_CITIZEN_ID = /^\d{12}$/

/** What the live duplicate check found: households, or why it could not look. */
export type DuplicateCheck = { candidates: DuplicateCandidate[]; failed: string | null }

/**
 * While a new household is being recorded, looks for households already on this laptop
 * with the same citizen id or a very similar head name in the village, so the person sees
 * "maybe already recorded" before finishing rather than after.
 */
export function useDuplicateCheck(
  enabled: boolean,
  villageCode: string,
  response: FormResponse,
): DuplicateCheck {
  const head = response.answers[HEAD_NAME]
  const ids = (response.repeats[ROSTER] ?? [])
    .map((row) => row.answers[CITIZEN_ID])
    .filter((id): id is string => typeof id === 'string' && FULL_CITIZEN_ID.test(id))
  const key = JSON.stringify([typeof head === 'string' ? head.trim() : '', ids])
  const [debounced] = useDebouncedValue(key, 500)
  const [check, setCheck] = useState<DuplicateCheck>({ candidates: [], failed: null })

  useEffect(() => {
    const [headName, citizenIds] = JSON.parse(debounced) as [string, string[]]
    if (!enabled || (headName.length < 3 && citizenIds.length === 0)) {
      setCheck({ candidates: [], failed: null })
      return
    }
    let current = true
    callMain('households.findDuplicates', {
      villageCode,
      ...(headName.length >= 3 ? { headName } : {}),
      ...(citizenIds.length > 0 ? { citizenIds } : {}),
    }).then(
      (candidates) => current && setCheck({ candidates, failed: null }),
      (error: unknown) => current && setCheck({ candidates: [], failed: errorCode(error) }),
    )
    return () => {
      current = false
    }
  }, [enabled, villageCode, debounced])

  return check
}
