import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf, getJson, postJson } from '../api-client'

const list = (t: TestServer, query = '') =>
  getJson(t.url, `/api/v1/households${query}`).then((a) => dataOf('households.list', a))

describe.each(serverStores())('console households on $name', (variant) => {
  let t: TestServer
  let nguyen: HouseholdRevision
  let dao: HouseholdRevision
  let cuc: HouseholdRevision

  beforeAll(async () => {
    const clock = new ManualClock(FIXTURE_MS)
    t = await startTestServer(variant, { clock })
    nguyen = makeRevision()
    dao = makeRevision({
      villageCode: '00700-02',
      responseOverrides: {
        answers: {
          village: '00700-02',
          head_name: 'Lò Thị Đào',
          phone: '0387654321',
          address: 'Bản Tả Lủng',
        },
        members: [{ full_name: 'Lò Thị Đào', sex: 'female' }],
      },
    })
    cuc = makeRevision({
      responseOverrides: {
        answers: { head_name: 'Hà Văn Cúc' },
        members: [
          { full_name: 'Hà Văn Cúc' },
          { full_name: 'Đinh Thị Mai', sex: 'female', relation: 'spouse' },
        ],
      },
    })
    // One batch a minute apart, so "newest first" has a clear order.
    for (const revision of [nguyen, dao, cuc]) {
      dataOf(
        'sync.uploadBatch',
        await postJson(t.url, '/api/v1/sync/batches', makeBatch([revision])),
      )
      clock.advance(60_000)
    }
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lists every household, newest first, with the total', async () => {
    const page = await list(t)
    expect(page.total).toBe(3)
    expect(page.items.map((h) => h.id)).toEqual([
      cuc.householdId,
      dao.householdId,
      nguyen.householdId,
    ])
    expect(page.items[1]).toMatchObject({
      headName: 'Lò Thị Đào',
      villageCode: '00700-02',
      villageName: 'Thôn Tả Lủng',
      address: 'Bản Tả Lủng',
      memberCount: 1,
      receivedAt: new Date(FIXTURE_MS + 60_000).toISOString(),
    })
  })

  it('pages with limit and offset while the total stays the full count', async () => {
    const page = await list(t, '?limit=1&offset=1')
    expect(page.total).toBe(3)
    expect(page.items.map((h) => h.id)).toEqual([dao.householdId])
  })

  it('filters by commune and village', async () => {
    expect((await list(t, '?villageCode=00700-02')).items.map((h) => h.id)).toEqual([
      dao.householdId,
    ])
    expect((await list(t, '?communeCode=00700')).total).toBe(3)
    expect(await list(t, '?communeCode=00001')).toEqual({ total: 0, items: [] })
  })

  it('finds households by name without accents, by member name and by phone', async () => {
    const ids = async (q: string) =>
      (await list(t, `?q=${encodeURIComponent(q)}`)).items.map((h) => h.id)
    expect(await ids('nguyen van a')).toEqual([nguyen.householdId])
    expect(await ids('NGUYỄN văn A')).toEqual([nguyen.householdId])
    expect(await ids('dao')).toEqual([dao.householdId])
    // A member's name finds their household; words may come in any order.
    expect(await ids('mai dinh')).toEqual([cuc.householdId])
    expect(await ids('0387 654 321')).toEqual([dao.householdId])
    expect(await ids('van')).toEqual([cuc.householdId, nguyen.householdId])
    expect(await ids('nguyen khong co')).toEqual([])
  })

  it('combines search with the village filter', async () => {
    const page = await list(t, '?villageCode=00700-01&q=cuc')
    expect(page.items.map((h) => h.id)).toEqual([cuc.householdId])
  })

  it('answers 404 not_found for an unknown household', async () => {
    const answer = await getJson(t.url, '/api/v1/households/019ab5e6-6c00-7000-8000-0000000000ff')
    expect(answer.status).toBe(404)
    expect(errorOf(answer).code).toBe('not_found')
  })

  it('answers 400 for a malformed id or bad list parameters, naming the field', async () => {
    const badId = await getJson(t.url, '/api/v1/households/not-a-uuid')
    expect(badId.status).toBe(400)
    expect(errorOf(badId)).toMatchObject({ code: 'invalid_input' })
    expect(errorOf(badId).message).toContain('id')

    const badLimit = await getJson(t.url, '/api/v1/households?limit=0&colour=blue')
    expect(badLimit.status).toBe(400)
    expect(errorOf(badLimit).message).toContain('limit')
    expect(errorOf(badLimit).message).toContain('colour')
  })
})
