import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SyncBatch } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import {
  FIXTURE_MS,
  makeBatch,
  makeHouseholdResponse,
  makeRevision,
  resetFixtureIds,
} from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { countRows, dataOf, errorOf, postJson } from '../api-client'
import { type ConsoleClient, completeSetup } from '../auth/auth-test-kit'

const HOUR = 3600_000

/**
 * What a sealed upload does to the households: projection, duplicates across batches and
 * concurrent arrivals, the quarantine, stamp order. The file format's own checks (signature,
 * device, commune, hostile files) and the inbox are in sealed-import.test.ts.
 */
describe.each(serverStores())('sealed batch upload on $name', (variant) => {
  let t: TestServer
  /** Households are read by a signed-in console user (the admin of first-run setup). */
  let reader: ConsoleClient
  /** The fixtures' laptop, enrolled in the pilot commune. */
  let laptop: HouseholdSeeder
  const clock = new ManualClock(FIXTURE_MS + 2 * HOUR)

  beforeEach(async () => {
    resetFixtureIds()
    clock.set(FIXTURE_MS + 2 * HOUR)
    t = await startTestServer(variant, { clock })
    reader = await completeSetup(t)
    laptop = await HouseholdSeeder.enrol(t, reader)
  })
  afterEach(async () => {
    await t?.close()
  })

  const upload = (batch: SyncBatch) => laptop.upload(batch)

  it('no longer serves the anonymous JSON upload of the walking skeleton', async () => {
    const answer = await postJson(t.url, '/api/v1/sync/batches', makeBatch([makeRevision()]))
    expect(answer.status).toBe(404)
    expect(errorOf(answer).code).toBe('not_found')
    expect(await countRows(t.store.db)).toMatchObject({ batches: 0, revisions: 0, households: 0 })
  })

  it('accepts a valid batch, lists the households and shows their members', async () => {
    const first = makeRevision()
    const second = makeRevision({
      responseOverrides: {
        answers: { head_name: 'Lò Thị Đào' },
        members: [{ full_name: 'Lò Thị Đào' }],
      },
    })
    const batch = makeBatch([first, second])

    const receipt = await upload(batch)

    expect(receipt).toEqual({
      batchId: batch.batchId,
      receivedAt: new Date(clock.now()).toISOString(),
      accepted: 2,
      duplicate: 0,
      rejected: 0,
      outcomes: [
        { revisionId: first.id, status: 'accepted' },
        { revisionId: second.id, status: 'accepted' },
      ],
    })
    const list = dataOf('households.list', await reader.get('/api/v1/households'))
    expect(list.total).toBe(2)
    expect(list.items.map((h) => h.headName).sort()).toEqual(['Lò Thị Đào', 'Nguyễn Văn A'])

    const detail = dataOf(
      'households.get',
      await reader.get(`/api/v1/households/${first.householdId}`),
    )
    expect(detail).toMatchObject({
      id: first.householdId,
      revisionId: first.id,
      communeCode: '00700',
      villageCode: '00700-01',
      villageName: 'Thôn Khuổi My',
      headName: 'Nguyễn Văn A',
      address: 'Số 12, xóm Khuổi My',
      memberCount: 2,
      visitResult: 'completed',
      visitDate: first.visitDate,
      deviceId: first.deviceId,
      formId: 'household-digital-readiness',
      formVersion: 1,
    })
    expect(detail.members.map((m) => [m.position, m.fullName, m.id])).toEqual([
      [0, 'Nguyễn Văn A', first.response.repeats.members?.[0]?.id],
      [1, 'Trần Thị Bình', first.response.repeats.members?.[1]?.id],
    ])
    expect(detail.members[1]?.answers).toMatchObject({ relation: 'spouse', birth_year: 1983 })
    expect(detail.response.answers.head_name).toBe('Nguyễn Văn A')
    expect(await countRows(t.store.db)).toEqual({
      batches: 1,
      revisions: 2,
      households: 2,
      members: 3,
      visits: 2,
    })
  })

  it('stores a batch once when the same batch arrives twice at the same time', async () => {
    const batch = makeBatch([makeRevision(), makeRevision(), makeRevision()])
    const bytes = laptop.seal(batch)
    const answers = await Promise.all([
      laptop.send(batch.deviceId, bytes),
      laptop.send(batch.deviceId, bytes),
    ])
    const receipts = answers.map((a) => laptop.receiptOf(batch.deviceId, a, batch.batchId))
    expect(receipts.map((r) => r.accepted + r.duplicate)).toEqual([3, 3])
    expect(receipts.reduce((sum, r) => sum + r.accepted, 0)).toBe(3)
    expect(await countRows(t.store.db)).toMatchObject({ batches: 1, revisions: 3, households: 3 })
  })

  it('treats a revision already sent in another batch as a duplicate', async () => {
    const revision = makeRevision()
    await upload(makeBatch([revision]))
    const receipt = await upload(makeBatch([revision, makeRevision()]))
    expect(receipt.outcomes.map((o) => o.status)).toEqual(['duplicate', 'accepted'])
    expect(await countRows(t.store.db)).toMatchObject({ batches: 2, revisions: 2, households: 2 })
  })

  it('rejects invalid revisions with a reason and keeps them in quarantine', async () => {
    // Revisions of another commune or of a form version the server never published cannot
    // reach it one by one: the laptop cannot seal them and the server refuses the whole file
    // (manifest_mismatch, form_unknown: sealed-import.test.ts and the hostile corpus).
    const noHead = makeRevision({ responseOverrides: { omit: ['head_name'] } })
    const noSuchVillage = makeRevision({ responseOverrides: { answers: { village: '00700-99' } } })
    const good = makeRevision()

    const receipt = await upload(makeBatch([noHead, noSuchVillage, good]))

    expect(receipt).toMatchObject({ accepted: 1, duplicate: 0, rejected: 2 })
    const [a, b, c] = receipt.outcomes
    expect(a).toMatchObject({ status: 'rejected', reason: 'validation_failed' })
    expect(a?.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'required', questionId: 'head_name' }),
    )
    expect(b).toMatchObject({
      revisionId: noSuchVillage.id,
      status: 'rejected',
      reason: 'validation_failed',
    })
    expect(b?.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', questionId: 'village' }),
    )
    expect(c).toEqual({ revisionId: good.id, status: 'accepted' })

    const quarantine = await t.store.db
      .selectFrom('revisions')
      .select(['id', 'status', 'reason', 'issues_json', 'payload_json'])
      .where('status', '=', 'rejected')
      .orderBy('id')
      .execute()
    expect(quarantine.map((r) => [r.id, r.reason])).toEqual(
      [
        [noHead.id, 'validation_failed'],
        [noSuchVillage.id, 'validation_failed'],
      ].sort(),
    )
    const kept = quarantine.find((r) => r.id === noHead.id)
    expect(JSON.parse(kept?.issues_json ?? '[]')).toContainEqual(
      expect.objectContaining({ code: 'required', questionId: 'head_name' }),
    )
    // The revision is kept as the laptop made it, whole through sealing and opening.
    expect(JSON.parse(kept?.payload_json ?? '{}')).toEqual(noHead)
    // Only the accepted revision reaches the household projection.
    expect(await countRows(t.store.db)).toMatchObject({ revisions: 3, households: 1, visits: 1 })

    // A rejected revision re-sent is answered as the first time (the laptop keeps showing
    // it refused), still stored once and not projected.
    const again = await upload(makeBatch([noHead]))
    expect(again.outcomes).toEqual([a])
    expect(await countRows(t.store.db)).toMatchObject({ revisions: 3, households: 1, visits: 1 })
  })

  it('lets the newest stamp win the household and ignores an older one arriving late', async () => {
    const original = makeRevision()
    const householdId = original.householdId
    await upload(makeBatch([original]))

    // An edit of the same visit, saved an hour later.
    const newer = makeRevision({
      householdId,
      visitId: original.visitId,
      baseRevisionId: original.id,
      savedAtMs: FIXTURE_MS + HOUR,
      responseOverrides: {
        answers: { head_name: 'Nguyễn Văn Anh', address: 'Số 14, xóm Khuổi My' },
        members: [
          { full_name: 'Nguyễn Văn Anh' },
          { full_name: 'Hà Thị Cúc', sex: 'female', relation: 'spouse' },
          {
            full_name: 'Nguyễn Văn Dũng',
            relation: 'child',
          },
        ],
      },
    })
    expect((await upload(makeBatch([newer]))).accepted).toBe(1)

    const afterNewer = dataOf(
      'households.get',
      await reader.get(`/api/v1/households/${householdId}`),
    )
    expect(afterNewer).toMatchObject({
      revisionId: newer.id,
      headName: 'Nguyễn Văn Anh',
      address: 'Số 14, xóm Khuổi My',
      memberCount: 3,
    })
    expect(afterNewer.members.map((m) => m.fullName)).toEqual([
      'Nguyễn Văn Anh',
      'Hà Thị Cúc',
      'Nguyễn Văn Dũng',
    ])

    // Saved before `newer` on another visit, but only now synced.
    const older = makeRevision({
      householdId,
      savedAtMs: FIXTURE_MS - HOUR,
      visitDate: '2025-11-20',
      responseOverrides: { answers: { head_name: 'Tên cũ' }, members: [{ full_name: 'Tên cũ' }] },
    })
    const late = await upload(makeBatch([older]))
    expect(late.outcomes).toEqual([{ revisionId: older.id, status: 'accepted' }])

    const afterOlder = dataOf(
      'households.get',
      await reader.get(`/api/v1/households/${householdId}`),
    )
    expect(afterOlder.revisionId).toBe(newer.id)
    expect(afterOlder.headName).toBe('Nguyễn Văn Anh')
    // It shares no base with the others: its own member row, which no later revision saw
    // or removed, is kept (field-level merge, nothing silently lost); every answer both
    // sides set keeps the newer value.
    expect(afterOlder.members.map((m) => m.fullName)).toEqual([
      'Nguyễn Văn Anh',
      'Hà Thị Cúc',
      'Nguyễn Văn Dũng',
      'Tên cũ',
    ])
    // Every revision is kept; each visit is recorded once.
    expect(await countRows(t.store.db)).toEqual({
      batches: 3,
      revisions: 3,
      households: 1,
      members: 4,
      visits: 2,
    })
    const visits = await t.store.db
      .selectFrom('visits')
      .select(['id', 'revision_id', 'visit_date'])
      .where('household_id', '=', householdId)
      .orderBy('visit_date')
      .execute()
    expect(visits).toEqual([
      { id: older.visitId, revision_id: older.id, visit_date: '2025-11-20' },
      { id: original.visitId, revision_id: newer.id, visit_date: original.visitDate },
    ])
  })

  it('stores the cleaned response: answers of questions that are not asked are dropped', async () => {
    const revision = makeRevision({
      response: makeHouseholdResponse({
        answers: { visit_result: 'absent', consent: true, h_internet: 'fibre' },
      }),
    })
    expect((await upload(makeBatch([revision]))).accepted).toBe(1)
    const detail = dataOf(
      'households.get',
      await reader.get(`/api/v1/households/${revision.householdId}`),
    )
    expect(detail.visitResult).toBe('absent')
    expect(detail.response.answers).not.toHaveProperty('h_internet')
    expect(detail.response.answers).not.toHaveProperty('consent')
    expect(detail.members).toEqual([])
    expect(detail.memberCount).toBe(0)
  })
})
