import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SyncBatch } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  type ConsoleSession,
  deviceCall,
  newTestDevice,
  OTHER_COMMUNE,
  setUpProvince,
  type TestDevice,
} from '../devices/device-test-kit'
import { concurrentScenario, DEVICE_A, DEVICE_B, DEVICE_C } from './merge-scenario'
import { enrolDevice } from './sealed-batch-kit'

describe.each(serverStores())('incremental pull on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleSession
  /** The commune's laptops that upload: A and B, and the merge scenario's three. */
  let laptops: HouseholdSeeder
  const clock = new ManualClock(FIXTURE_MS + 3_600_000)
  const deviceA = newTestDevice()
  const deviceB = newTestDevice()
  const outsider = newTestDevice()

  beforeEach(async () => {
    t = await startTestServer(variant, { clock })
    admin = await setUpProvince(t, clock)
    laptops = await HouseholdSeeder.enrol(t, admin, [
      deviceA,
      deviceB,
      DEVICE_A,
      DEVICE_B,
      DEVICE_C,
    ])
    await enrolDevice(t, admin, outsider, OTHER_COMMUNE)
  })
  afterEach(async () => {
    await t?.close()
  })

  const upload = (batch: SyncBatch) => laptops.upload(batch)
  const pull = async (device: TestDevice, query: string) =>
    dataOf('sync.pull', await deviceCall(t.url, device, 'GET', `/api/v1/sync/pull?${query}`))

  it("device B pulls device A's household; a device of another commune gets nothing of it", async () => {
    const revision = makeRevision({ deviceId: deviceA.id })
    await upload(makeBatch([revision], { deviceId: deviceA.id }))

    const first = await pull(deviceB, 'cursor=0')
    expect(first.households).toEqual([
      expect.objectContaining({
        id: revision.householdId,
        revisionId: revision.id,
        hlc: revision.hlc,
        villageCode: revision.villageCode,
        merged: false,
      }),
    ])
    expect(first.households[0]?.response.answers.head_name).toBe('Nguyễn Văn A')
    expect(first.hasMore).toBe(false)
    expect(first.nextCursor).toBe(first.households[0]?.changeSeq)
    const builtin = first.forms.find((f) => f.id === 'household-digital-readiness')
    expect(builtin?.definition?.id).toBe('household-digital-readiness')

    const again = await pull(deviceB, `cursor=${first.nextCursor}`)
    expect(again.households).toEqual([])
    expect(again.nextCursor).toBe(first.nextCursor)
    expect(again.forms.every((f) => f.definition === undefined)).toBe(true)
    expect(
      (await pull(deviceB, `cursor=${first.nextCursor}&withDefinitions=true`)).forms[0]?.definition,
    ).toBeDefined()

    const foreign = await pull(outsider, 'cursor=0')
    expect(foreign.households).toEqual([])
    expect(foreign.conflicts).toEqual([])
  })

  it('hands out open conflicts and the merged state of the commune', async () => {
    const s = concurrentScenario()
    for (const batch of s.batches) await upload(batch)
    const pulled = await pull(deviceB, 'cursor=0')
    expect(pulled.households).toHaveLength(1)
    expect(pulled.households[0]).toMatchObject({ merged: true, revisionId: s.revisions[3].id })
    expect(pulled.conflicts.map((c) => c.questionId).sort()).toEqual(['birth_year', 'phone'])
    expect((await pull(outsider, 'cursor=0')).conflicts).toEqual([])
  })

  it('pages by cursor completely and without duplicates, also across later changes', async () => {
    const revisions = Array.from({ length: 5 }, (_, k) =>
      makeRevision({ deviceId: deviceA.id, savedAtMs: FIXTURE_MS + k }),
    )
    await upload(makeBatch(revisions, { deviceId: deviceA.id }))
    const seen: string[] = []
    let cursor = 0
    for (let page = 0; page < 10; page += 1) {
      const answer = await pull(deviceB, `cursor=${cursor}&limit=2`)
      seen.push(...answer.households.map((h) => h.id))
      expect(answer.households.length).toBeLessThanOrEqual(2)
      cursor = answer.nextCursor
      if (!answer.hasMore) break
    }
    expect(seen).toHaveLength(5)
    expect(new Set(seen)).toEqual(new Set(revisions.map((r) => r.householdId)))

    // An edit of one household after the device caught up comes in the next pull, alone.
    const edited = revisions[2]
    if (!edited) throw new Error('fixture')
    const next = makeRevision({
      deviceId: deviceA.id,
      householdId: edited.householdId,
      baseRevisionId: edited.id,
      savedAtMs: FIXTURE_MS + 100,
      responseOverrides: { answers: { address: 'Số 20, xóm Khuổi My' } },
    })
    await upload(makeBatch([next], { deviceId: deviceA.id }))
    const later = await pull(deviceB, `cursor=${cursor}&limit=2`)
    expect(later.households.map((h) => [h.id, h.revisionId])).toEqual([
      [edited.householdId, next.id],
    ])
    expect(later.hasMore).toBe(false)
  })

  it('refuses an unsigned pull', async () => {
    const res = await fetch(`${t.url}/api/v1/sync/pull?cursor=0`)
    expect(res.status).toBe(401)
    expect(errorOf({ status: res.status, body: await res.json() }).code).toBe('unauthenticated')
  })
})
