import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import {
  FIXTURE_MS,
  makeBatch,
  makeRevision,
  resetFixtureIds,
} from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  addUser,
  COMMUNE,
  ConsoleClient,
  completeSetup,
  FOREIGN_COMMUNE,
  OTHER_COMMUNE,
} from '../auth/auth-test-kit'

const COMMUNES = '/api/v1/places/communes'
const villagesOf = (commune: string) => `${COMMUNES}/${commune}/villages`
const village = (code: string) => `/api/v1/places/villages/${code}`

describe.each(serverStores())('places on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  const clock = new ManualClock(FIXTURE_MS)

  beforeEach(async () => {
    resetFixtureIds()
    clock.set(FIXTURE_MS)
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
  })
  afterEach(async () => {
    await t?.close()
  })

  const create = async (commune: string, name: string, registeredHouseholds?: number) =>
    dataOf(
      'places.createVillage',
      await admin.post(villagesOf(commune), { name, registeredHouseholds }),
    )
  const villageCount = async () =>
    (await t.store.db.selectFrom('villages').select('code').execute()).length
  const auditActions = async () =>
    (
      await t.store.db
        .selectFrom('audit_log')
        .select('action')
        .orderBy('at')
        .orderBy('id')
        .execute()
    )
      .map((r) => r.action)
      .filter((a) => a.startsWith('places.'))

  it('lists the official provinces to anyone, for the setup picker', async () => {
    const answer = dataOf(
      'places.provinces',
      await new ConsoleClient(t.url).get('/api/v1/places/provinces'),
    )
    expect(answer.items).toHaveLength(34)
    expect(answer.items.find((p) => p.code === '08')).toEqual({
      code: '08',
      name: 'Tuyên Quang',
      kind: 'province',
      communeCount: 124,
    })
    expect(answer.items.find((p) => p.code === '01')).toMatchObject({
      kind: 'city',
      name: 'Thành phố Hà Nội',
    })
    expect(answer.items.reduce((n, p) => n + p.communeCount, 0)).toBe(3321)
  })

  it('lists the province communes with villages, registered households and households received', async () => {
    await create(COMMUNE, 'Thôn Khuổi My', 120)
    await create(COMMUNE, 'Thôn Tả Lủng', 80)
    const gone = await create(COMMUNE, 'Thôn Cũ', 999)
    await create(OTHER_COMMUNE, 'Tổ dân phố 1', 40)
    dataOf('places.deactivateVillage', await admin.post(`${village(gone.code)}/deactivate`))
    const laptop = await HouseholdSeeder.enrol(t, admin)
    expect((await laptop.upload(makeBatch([makeRevision(), makeRevision()]))).accepted).toBe(2)

    const all = dataOf('places.communes', await admin.get(COMMUNES))
    expect(all.province).toEqual({ code: '08', name: 'Tuyên Quang' })
    expect(all.total).toBe(124)
    expect(all.items).toHaveLength(124)
    expect(all.items.find((c) => c.code === COMMUNE)).toEqual({
      code: COMMUNE,
      name: 'Xã Ngọc Đường',
      kind: 'commune',
      villageCount: 2,
      registeredHouseholds: 200,
      householdsReceived: 2,
    })
    expect(all.items.find((c) => c.code === OTHER_COMMUNE)).toMatchObject({
      villageCount: 1,
      registeredHouseholds: 40,
      householdsReceived: 0,
    })
    expect(all.items.some((c) => c.code === FOREIGN_COMMUNE)).toBe(false)

    const found = dataOf('places.communes', await admin.get(`${COMMUNES}?q=ngoc%20duong`))
    expect(found.items.map((c) => c.code)).toEqual([COMMUNE])
    const paged = dataOf('places.communes', await admin.get(`${COMMUNES}?limit=10&offset=120`))
    expect(paged).toMatchObject({ total: 124 })
    expect(paged.items).toHaveLength(4)

    const villages = dataOf('places.villages', await admin.get(villagesOf(COMMUNE)))
    expect(villages.commune).toEqual({ code: COMMUNE, name: 'Xã Ngọc Đường', kind: 'commune' })
    expect(villages.items.map((v) => [v.code, v.name, v.active, v.householdsReceived])).toEqual([
      ['00700-01', 'Thôn Khuổi My', true, 2],
      ['00700-02', 'Thôn Tả Lủng', true, 0],
      ['00700-03', 'Thôn Cũ', false, 0],
    ])
  })

  it('creates villages under server-made codes and refuses bad input and duplicate names', async () => {
    const first = await create(COMMUNE, 'Thôn Khuổi My', 120)
    expect(first).toMatchObject({
      code: '00700-01',
      communeCode: COMMUNE,
      name: 'Thôn Khuổi My',
      registeredHouseholds: 120,
      active: true,
      householdsReceived: 0,
      createdAt: new Date(FIXTURE_MS).toISOString(),
    })
    const second = await create(COMMUNE, '  Thôn   Tả Lủng ')
    expect(second).toMatchObject({
      code: '00700-02',
      name: 'Thôn Tả Lủng',
      registeredHouseholds: 0,
    })
    expect((await create(OTHER_COMMUNE, 'Thôn Khuổi My')).code).toBe(`${OTHER_COMMUNE}-01`)

    const duplicate = await admin.post(villagesOf(COMMUNE), { name: 'thon khuoi  MY' })
    expect(duplicate.status).toBe(409)
    expect(errorOf(duplicate).code).toBe('conflict')

    for (const bad of [
      { name: 'Thôn Mới', registeredHouseholds: -1 },
      { name: 'Thôn Mới', registeredHouseholds: 2.5 },
      { name: 'Thôn Mới', registeredHouseholds: '12' },
      { name: '' },
      { name: '— —' },
      { name: 'x'.repeat(101) },
      { name: 'Thôn Mới', extra: true },
    ]) {
      const answer = await admin.post(villagesOf(COMMUNE), bad)
      expect(answer.status, JSON.stringify(bad)).toBe(400)
      expect(errorOf(answer).code).toBe('invalid_input')
    }
    const foreign = await admin.post(villagesOf(FOREIGN_COMMUNE), { name: 'Thôn Mới' })
    expect(foreign.status).toBe(404)
    expect(errorOf(foreign).code).toBe('not_found')
    expect((await admin.post(villagesOf('7'), { name: 'Thôn Mới' })).status).toBe(400)

    expect(await villageCount()).toBe(3)
    expect(await auditActions()).toEqual([
      'places.village_created',
      'places.village_created',
      'places.village_created',
    ])
  })

  it('updates and deactivates a village, never deleting it', async () => {
    const khuoi = await create(COMMUNE, 'Thôn Khuổi My', 120)
    await create(COMMUNE, 'Thôn Tả Lủng', 80)
    clock.advance(60_000)

    const renamed = dataOf(
      'places.updateVillage',
      await admin.call('PUT', village(khuoi.code), {
        name: 'Thôn Khuổi Mỳ',
        registeredHouseholds: 125,
      }),
    )
    expect(renamed).toMatchObject({
      code: khuoi.code,
      name: 'Thôn Khuổi Mỳ',
      registeredHouseholds: 125,
    })
    expect(renamed.updatedAt).toBe(new Date(FIXTURE_MS + 60_000).toISOString())

    const clash = await admin.call('PUT', village(khuoi.code), { name: 'THÔN TẢ LỦNG' })
    expect(clash.status).toBe(409)
    for (const bad of [{}, { registeredHouseholds: -5 }, { active: 'no' }, { code: '00700-09' }]) {
      const answer = await admin.call('PUT', village(khuoi.code), bad)
      expect(answer.status, JSON.stringify(bad)).toBe(400)
    }
    expect((await admin.call('PUT', village('00700-99'), { registeredHouseholds: 1 })).status).toBe(
      404,
    )

    const off = dataOf(
      'places.deactivateVillage',
      await admin.post(`${village(khuoi.code)}/deactivate`),
    )
    expect(off.active).toBe(false)
    // Asking again changes nothing and records nothing.
    dataOf('places.deactivateVillage', await admin.post(`${village(khuoi.code)}/deactivate`))

    const active = dataOf(
      'places.villages',
      await admin.get(`${villagesOf(COMMUNE)}?status=active`),
    )
    expect(active.items.map((v) => v.code)).toEqual(['00700-02'])
    const inactive = dataOf(
      'places.villages',
      await admin.get(`${villagesOf(COMMUNE)}?status=inactive`),
    )
    expect(inactive.items.map((v) => v.code)).toEqual([khuoi.code])
    const communes = dataOf('places.communes', await admin.get(`${COMMUNES}?q=ngoc duong`))
    expect(communes.items[0]).toMatchObject({ villageCount: 1, registeredHouseholds: 80 })

    const back = dataOf(
      'places.updateVillage',
      await admin.call('PUT', village(khuoi.code), { active: true }),
    )
    expect(back.active).toBe(true)
    expect(await villageCount()).toBe(2)
    expect(await auditActions()).toEqual([
      'places.village_created',
      'places.village_created',
      'places.village_updated',
      'places.village_deactivated',
      'places.village_updated',
    ])
    const entry = await t.store.db
      .selectFrom('audit_log')
      .select(['target_id', 'commune_code', 'details_json'])
      .where('action', '=', 'places.village_updated')
      .orderBy('at')
      .executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ target_id: khuoi.code, commune_code: COMMUNE })
    expect(JSON.parse(entry.details_json)).toEqual({
      renamed: true,
      registeredHouseholds: { from: 120, to: 125 },
    })
  })

  it('shows a commune viewer only their own commune and refuses the others with 403', async () => {
    await create(COMMUNE, 'Thôn Khuổi My', 120)
    await create(OTHER_COMMUNE, 'Tổ dân phố 1', 40)
    const { client: viewer } = await addUser(t, admin, {
      username: 'xem-ngoc-duong',
      role: 'commune_viewer',
      communeCode: COMMUNE,
    })

    const communes = dataOf('places.communes', await viewer.get(COMMUNES))
    expect(communes.total).toBe(1)
    expect(communes.items.map((c) => [c.code, c.villageCount])).toEqual([[COMMUNE, 1]])
    const own = dataOf('places.villages', await viewer.get(villagesOf(COMMUNE)))
    expect(own.items.map((v) => v.name)).toEqual(['Thôn Khuổi My'])

    const other = await viewer.get(villagesOf(OTHER_COMMUNE))
    expect(other.status).toBe(403)
    expect(errorOf(other).code).toBe('forbidden')
    const write = await viewer.post(villagesOf(COMMUNE), { name: 'Thôn Mới' })
    expect(write.status).toBe(403)
    expect(await villageCount()).toBe(2)
  })
})
