import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ConsoleHousehold,
  type HouseholdReview,
  MAX_BULK_REVIEW,
} from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf, postJson } from '../api-client'
import {
  addUser,
  COMMUNE,
  type ConsoleClient,
  completeSetup,
  OTHER_COMMUNE,
} from '../auth/auth-test-kit'

const UNKNOWN = '019ab5e6-6c00-7000-8000-0000000000ff'
const OTHER_LAPTOP = '019ab5e6-6c00-7000-8000-00000000a706'

/**
 * Review over real HTTP on both stores: province staff decide on one household or a
 * selection (a household changed since it was looked at is refused or skipped), a newer
 * revision makes a reviewed household "received" again, commune viewers read and comment
 * on their own commune only, and every decision and comment is in the audit log.
 */
describe.each(serverStores())('review on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  let staff: ConsoleClient
  let viewer: ConsoleClient
  let laptop: HouseholdSeeder
  let households: HouseholdRevision[]
  let theirs: HouseholdRevision

  const list = async (query = '') =>
    dataOf('households.list', await staff.get(`/api/v1/households?limit=200${query}`)).items
  const item = async (id: string): Promise<ConsoleHousehold> => {
    const found = (await list()).find((h) => h.id === id)
    if (!found) throw new Error(`household ${id} is not listed`)
    return found
  }
  const review = async (id: string, client: ConsoleClient = staff): Promise<HouseholdReview> =>
    dataOf('reviews.get', await client.get(`/api/v1/households/${id}/review`))
  const decide = (id: string, body: Record<string, unknown>, client: ConsoleClient = staff) =>
    client.post(`/api/v1/households/${id}/review`, body)
  const audit = async (action: string) =>
    dataOf('audit.list', await admin.get(`/api/v1/audit?action=${action}&limit=500`)).items

  beforeAll(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    admin = await completeSetup(t)
    staff = (await addUser(t, admin, { username: 'staff', role: 'province_staff' })).client
    viewer = (
      await addUser(t, admin, { username: 'viewer', role: 'commune_viewer', communeCode: COMMUNE })
    ).client
    households = Array.from({ length: 4 }, (_, i) =>
      makeRevision({ responseOverrides: { answers: { head_name: `Hộ số ${i + 1}` } } }),
    )
    laptop = await HouseholdSeeder.enrol(t, admin)
    expect((await laptop.upload(makeBatch(households))).accepted).toBe(4)

    const village = dataOf(
      'places.createVillage',
      await admin.post(`/api/v1/places/communes/${OTHER_COMMUNE}/villages`, {
        name: 'Thôn Phú Linh',
        registeredHouseholds: 20,
      }),
    )
    theirs = makeRevision({
      deviceId: OTHER_LAPTOP,
      communeCode: OTHER_COMMUNE,
      villageCode: village.code,
      responseOverrides: { answers: { village: village.code, head_name: 'Ma Văn Tỉnh' } },
    })
    const other = await HouseholdSeeder.enrol(t, admin, [OTHER_LAPTOP], OTHER_COMMUNE)
    const receipt = await other.upload(
      makeBatch([theirs], { deviceId: OTHER_LAPTOP, communeCode: OTHER_COMMUNE }),
    )
    expect(receipt.accepted).toBe(1)
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  it('starts every household as received, with no decision', async () => {
    const [first] = households
    if (!first) throw new Error('no household')
    const state = await review(first.householdId)
    expect(state).toMatchObject({ state: 'received', decision: null, events: [] })
    expect(state.version).toBe((await item(first.householdId)).version)
  })

  it('approves a household as looked at, in the list, the history and the audit log', async () => {
    const [first] = households
    if (!first) throw new Error('no household')
    const { version } = await item(first.householdId)
    const approved = dataOf(
      'reviews.decide',
      await decide(first.householdId, { state: 'approved', version, comment: 'Đủ thông tin' }),
    )
    expect(approved).toMatchObject({
      state: 'approved',
      version,
      decision: {
        state: 'approved',
        comment: 'Đủ thông tin',
        reviewedByName: 'Cán bộ staff',
        revisionId: first.id,
        current: true,
      },
    })
    expect(approved.events).toMatchObject([
      { kind: 'review', state: 'approved', authorRole: 'province_staff', current: true },
    ])
    expect((await item(first.householdId)).reviewState).toBe('approved')
    const [entry] = await audit('review.approved')
    expect(entry).toMatchObject({
      actorName: 'staff',
      targetType: 'household',
      targetId: first.householdId,
      communeCode: COMMUNE,
      details: { revisionId: first.id, version, bulk: false },
    })
    // The audit log keeps codes only: never the comment's words.
    expect(JSON.stringify(entry?.details)).not.toContain('Đủ thông tin')
  })

  it('needs a comment to send a household back or reject it', async () => {
    const second = households[1]
    if (!second) throw new Error('no household')
    const { version } = await item(second.householdId)
    for (const state of ['has_issues', 'rejected']) {
      const answer = await decide(second.householdId, { state, version })
      expect(answer.status).toBe(400)
      expect(errorOf(answer).message).toContain('comment')
    }
    const sentBack = dataOf(
      'reviews.decide',
      await decide(second.householdId, {
        state: 'has_issues',
        version,
        comment: 'Thiếu số định danh của con',
      }),
    )
    expect(sentBack.state).toBe('has_issues')
    expect((await list('&reviewState=has_issues')).map((h) => h.id)).toEqual([second.householdId])
  })

  it('refuses a decision on a household that changed since it was looked at', async () => {
    const third = households[2]
    if (!third) throw new Error('no household')
    const { version } = await item(third.householdId)
    const before = await t.store.db.selectFrom('review_events').selectAll().execute()
    const answer = await decide(third.householdId, { state: 'approved', version: version - 1 })
    expect(answer.status).toBe(422)
    expect(errorOf(answer).code).toBe('review_stale')
    expect(await t.store.db.selectFrom('review_events').selectAll().execute()).toEqual(before)
    expect((await review(third.householdId)).state).toBe('received')
    const missing = await decide(UNKNOWN, { state: 'approved', version: 1 })
    expect(missing.status).toBe(404)
  })

  it('shows a reviewed household as received again once a newer revision changes it', async () => {
    const [first] = households
    if (!first) throw new Error('no household')
    const newer = makeRevision({
      householdId: first.householdId,
      visitId: first.visitId,
      baseRevisionId: first.id,
      savedAtMs: FIXTURE_MS + 60_000,
      responseOverrides: { answers: { head_name: 'Hộ số 1', h_mobile_signal: 'weak' } },
    })
    expect((await laptop.upload(makeBatch([newer]))).accepted).toBe(1)
    const state = await review(first.householdId)
    expect(state.state).toBe('received')
    expect(state.decision).toMatchObject({ state: 'approved', current: false })
    expect(state.events[0]).toMatchObject({ kind: 'review', current: false })
    expect((await item(first.householdId)).reviewState).toBe('received')
    expect((await list('&reviewState=approved')).map((h) => h.id)).toEqual([])
  })

  it('decides on a selection at once, skipping changed and unknown households', async () => {
    const rows = await list(`&communeCode=${COMMUNE}`)
    const picked = households.map((h) => {
      const row = rows.find((r) => r.id === h.householdId)
      if (!row) throw new Error('not listed')
      return { id: row.id, version: row.version }
    })
    const [a, b, c, d] = picked
    if (!a || !b || !c || !d) throw new Error('four households')
    const before = (await audit('review.rejected')).length
    const result = dataOf(
      'reviews.decideMany',
      await staff.post('/api/v1/reviews/bulk', {
        state: 'rejected',
        comment: 'Khảo sát lại',
        households: [a, b, { id: c.id, version: c.version - 1 }, { id: UNKNOWN, version: 1 }],
      }),
    )
    expect(result).toEqual({ reviewed: [a.id, b.id], stale: [c.id], missing: [UNKNOWN] })
    expect((await list('&reviewState=rejected')).map((h) => h.id).sort()).toEqual(
      [a.id, b.id].sort(),
    )
    expect((await review(c.id)).state).toBe('received')
    const entries = await audit('review.rejected')
    expect(entries).toHaveLength(before + 2)
    expect(entries.slice(0, 2).every((e) => e.details.bulk === true)).toBe(true)
    expect(new Set(entries.slice(0, 2).map((e) => e.targetId))).toEqual(new Set([a.id, b.id]))
  })

  it(`refuses a selection of more than ${MAX_BULK_REVIEW} households or one named twice`, async () => {
    const many = Array.from({ length: MAX_BULK_REVIEW + 1 }, (_, i) => ({
      id: `019ab5e6-6c00-7000-8000-${String(i).padStart(12, '0')}`,
      version: 1,
    }))
    const tooMany = await staff.post('/api/v1/reviews/bulk', {
      state: 'approved',
      households: many,
    })
    expect(tooMany.status).toBe(400)
    expect(errorOf(tooMany).message).toContain('households')
    const twice = await staff.post('/api/v1/reviews/bulk', {
      state: 'approved',
      households: [many[0], many[0]],
    })
    expect(twice.status).toBe(400)
  })

  it('lets a commune viewer read and comment on their commune, and nothing more', async () => {
    const [first] = households
    if (!first) throw new Error('no household')
    const before = await review(first.householdId, viewer)
    const commented = dataOf(
      'reviews.comment',
      await viewer.post(`/api/v1/households/${first.householdId}/review/comments`, {
        comment: 'Tổ thôn đã gọi lại cho hộ',
      }),
    )
    expect(commented.events[0]).toMatchObject({
      kind: 'comment',
      state: null,
      comment: 'Tổ thôn đã gọi lại cho hộ',
      authorName: 'Cán bộ viewer',
      authorRole: 'commune_viewer',
      current: true,
    })
    // A comment changes no state.
    expect(commented.state).toBe(before.state)
    expect(commented.decision).toEqual(before.decision)
    expect(commented.events).toHaveLength(before.events.length + 1)
    const [entry] = await audit('review.commented')
    expect(entry).toMatchObject({ actorName: 'viewer', targetId: first.householdId })
    expect(JSON.stringify(entry?.details)).not.toContain('gọi lại')

    const { version } = await item(first.householdId)
    const decided = await decide(first.householdId, { state: 'approved', version }, viewer)
    expect(decided.status).toBe(403)
    const bulk = await viewer.post('/api/v1/reviews/bulk', {
      state: 'approved',
      households: [{ id: first.householdId, version }],
    })
    expect(bulk.status).toBe(403)

    for (const answer of [
      await viewer.get(`/api/v1/households/${theirs.householdId}/review`),
      await viewer.post(`/api/v1/households/${theirs.householdId}/review/comments`, {
        comment: 'Không phải xã mình',
      }),
    ]) {
      expect(answer.status).toBe(403)
      expect(errorOf(answer).code).toBe('forbidden')
    }
    expect((await review(theirs.householdId)).events).toEqual([])
  })

  it('refuses callers who are not signed in', async () => {
    const [first] = households
    if (!first) throw new Error('no household')
    const answer = await postJson(
      t.url,
      `/api/v1/households/${first.householdId}/review/comments`,
      {
        comment: 'x',
      },
    )
    expect(answer.status).toBe(401)
  })
})
