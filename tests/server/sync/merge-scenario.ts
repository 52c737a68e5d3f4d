import type { SyncBatch } from '../../../src/shared/api/http.contract'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { type IdGenerator, sequentialIds } from '../../../src/shared/ids/uuid'
import {
  FIXTURE_MS,
  MEMBER_TEMPLATE,
  makeBatch,
  makeRevision,
} from '../../support/household-fixtures'

export const DEVICE_A = '019ab5e6-6c00-7000-8000-00000000000a'
export const DEVICE_B = '019ab5e6-6c00-7000-8000-00000000000b'
export const DEVICE_C = '019ab5e6-6c00-7000-8000-00000000000c'

/** Copies a response and lets `change` edit the copy. */
export function edited(response: FormResponse, change: (r: FormResponse) => void): FormResponse {
  const copy = structuredClone(response)
  change(copy)
  return copy
}

export interface ConcurrentScenario {
  householdId: string
  /** r1 made on A; r2 (A), r3 (B) and r4 (C) all edited from r1, in stamp order. */
  revisions: [HouseholdRevision, HouseholdRevision, HouseholdRevision, HouseholdRevision]
  /** One batch per revision, sent by the revision's device. */
  batches: SyncBatch[]
}

/**
 * Three devices edit one household from the same base: A and B change the phone (B later),
 * A and C change the head's birth year (C later), B the internet, C the address and a new
 * member. The merge must keep every one-sided change and record two conflicts.
 */
export function concurrentScenario(seed = FIXTURE_MS): ConcurrentScenario {
  const ids: IdGenerator = sequentialIds(seed)
  const householdId = ids()
  const r1 = makeRevision({ ids, householdId, deviceId: DEVICE_A, savedAtMs: FIXTURE_MS })
  const from = (deviceId: string, offset: number, change: (r: FormResponse) => void) =>
    makeRevision({
      ids,
      householdId,
      baseRevisionId: r1.id,
      deviceId,
      savedAtMs: FIXTURE_MS + offset,
      response: edited(r1.response, change),
    })
  const head = (r: FormResponse) => {
    const row = r.repeats.members?.[0]
    if (!row) throw new Error('fixture has no head member')
    return row
  }
  const r2 = from(DEVICE_A, 1000, (r) => {
    r.answers.phone = '0900000001'
    head(r).answers.birth_year = 1979
  })
  const r3 = from(DEVICE_B, 2000, (r) => {
    r.answers.phone = '0900000002'
    r.answers.h_mobile_signal = 'weak'
  })
  const newMember = ids()
  const r4 = from(DEVICE_C, 3000, (r) => {
    r.answers.address = 'Số 14, xóm Khuổi My'
    head(r).answers.birth_year = 1978
    r.repeats.members?.push({
      id: newMember,
      answers: {
        ...MEMBER_TEMPLATE,
        full_name: 'Nguyễn Văn Cường',
        relation: 'child',
        birth_year: 2005,
      },
    })
  })
  const revisions: ConcurrentScenario['revisions'] = [r1, r2, r3, r4]
  const batches = revisions.map((r) =>
    makeBatch([r], { ids, deviceId: r.deviceId, sentAtMs: FIXTURE_MS + 60_000 }),
  )
  return { householdId, revisions, batches }
}
