import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HOUSEHOLD_SEARCH_WINDOW } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import {
  addUser,
  COMMUNE,
  type ConsoleClient,
  completeSetup,
  OTHER_COMMUNE,
} from '../auth/auth-test-kit'

/**
 * The console's household search over real HTTP on both stores: accent-free names of the
 * head and of members as word prefixes, whole phone numbers (also written +84) and citizen
 * ids, village names, and the filters, alone and with a search; a search counts its
 * matches up to HOUSEHOLD_SEARCH_WINDOW.
 */
describe.each(serverStores())('household search on $name', (variant) => {
  let t: TestServer
  let staff: ConsoleClient
  let viewer: ConsoleClient
  let laptop: HouseholdSeeder
  let dang: HouseholdRevision
  let hoa: HouseholdRevision
  let absent: HouseholdRevision
  let tinh: HouseholdRevision
  const CITIZEN_ID = '008185001234'

  const search = async (client: ConsoleClient, query: Record<string, string>) => {
    const params = new URLSearchParams({ limit: '200', ...query })
    return dataOf('households.list', await client.get(`/api/v1/households?${params}`))
  }
  const ids = async (query: Record<string, string>, client: ConsoleClient = staff) =>
    (await search(client, query)).items.map((h) => h.id).sort()

  beforeAll(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    const admin = await completeSetup(t)
    staff = (await addUser(t, admin, { username: 'staff', role: 'province_staff' })).client
    viewer = (
      await addUser(t, admin, { username: 'viewer', role: 'commune_viewer', communeCode: COMMUNE })
    ).client
    dang = makeRevision({
      villageCode: '00700-02',
      responseOverrides: {
        answers: { village: '00700-02', head_name: 'Đặng Văn Đức', phone: '0987654321' },
        members: [
          { full_name: 'Đặng Văn Đức' },
          {
            full_name: 'Nguyễn Thị Ánh',
            relation: 'spouse',
            sex: 'female',
            birth_year: 1985,
            citizen_id: CITIZEN_ID,
            mobile: '0356789012',
          },
        ],
      },
    })
    hoa = makeRevision({
      responseOverrides: {
        answers: { head_name: 'Hoàng Thị Hoa', phone: '0911222333' },
        members: [{ full_name: 'Hoàng Thị Hoa', sex: 'female', relation: 'head' }],
      },
    })
    absent = makeRevision({
      responseOverrides: {
        answers: { head_name: 'Lý Văn Sáng', visit_result: 'absent', consent: undefined },
        members: [],
      },
    })
    laptop = await HouseholdSeeder.enrol(t, admin)
    expect((await laptop.upload(makeBatch([dang, hoa, absent]))).accepted).toBe(3)

    // A household of another commune, with a village of that commune's own list.
    const village = dataOf(
      'places.createVillage',
      await admin.post(`/api/v1/places/communes/${OTHER_COMMUNE}/villages`, {
        name: 'Thôn Bản Đông',
        registeredHouseholds: 30,
      }),
    )
    const deviceId = '019ab5e6-6c00-7000-8000-00000000a706'
    tinh = makeRevision({
      deviceId,
      communeCode: OTHER_COMMUNE,
      villageCode: village.code,
      responseOverrides: { answers: { village: village.code, head_name: 'Nguyễn Văn Tỉnh' } },
    })
    const other = await HouseholdSeeder.enrol(t, admin, [deviceId], OTHER_COMMUNE)
    const receipt = await other.upload(makeBatch([tinh], { deviceId, communeCode: OTHER_COMMUNE }))
    expect(receipt.accepted).toBe(1)
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  it('finds the head and members by name without accents, by word prefix, in any order', async () => {
    expect(await ids({ q: 'dang van duc' })).toEqual([dang.householdId])
    expect(await ids({ q: 'ĐẶNG' })).toEqual([dang.householdId])
    // A member's name finds their household; a word prefix is enough.
    expect(await ids({ q: 'anh nguy' })).toEqual([dang.householdId])
    expect(await ids({ q: 'hoa' })).toEqual([hoa.householdId])
    expect(await ids({ q: 'nguyen' })).toEqual([dang.householdId, tinh.householdId].sort())
    // "uyen" is inside "nguyen", not the start of a word.
    expect(await ids({ q: 'uyen' })).toEqual([])
    expect(await ids({ q: 'dang hoa' })).toEqual([])
  })

  it('matches phone numbers and citizen ids only whole, in the +84 form too', async () => {
    expect(await ids({ q: '0987 654 321' })).toEqual([dang.householdId])
    expect(await ids({ q: '+84 356 789 012' })).toEqual([dang.householdId])
    expect(await ids({ q: '84911222333' })).toEqual([hoa.householdId])
    expect(await ids({ q: CITIZEN_ID })).toEqual([dang.householdId])
    // Part of a number finds nothing: numbers cannot be guessed digit by digit.
    expect(await ids({ q: '0987' })).toEqual([])
    expect(await ids({ q: CITIZEN_ID.slice(0, 8) })).toEqual([])
  })

  it('finds households by the name of their village', async () => {
    expect(await ids({ q: 'ta lung' })).toEqual([dang.householdId])
    expect(await ids({ q: 'ban dong' })).toEqual([tinh.householdId])
    // A village word and a name together.
    expect(await ids({ q: 'khuoi hoa' })).toEqual([hoa.householdId])
  })

  it('filters by commune, village, visit result and review state, with and without a search', async () => {
    expect(await ids({ communeCode: OTHER_COMMUNE })).toEqual([tinh.householdId])
    expect(await ids({ villageCode: '00700-02' })).toEqual([dang.householdId])
    expect(await ids({ visitResult: 'absent' })).toEqual([absent.householdId])
    expect(await ids({ q: 'sang', visitResult: 'completed' })).toEqual([])
    expect(await ids({ q: 'nguyen', communeCode: COMMUNE })).toEqual([dang.householdId])
    expect(await ids({ q: 'nguyen', villageCode: '00700-01' })).toEqual([])
    expect(await ids({ reviewState: 'received' })).toHaveLength(4)
    expect(await ids({ reviewState: 'approved' })).toEqual([])

    const list = await search(staff, {})
    const version = list.items.find((h) => h.id === hoa.householdId)?.version
    dataOf(
      'reviews.decide',
      await staff.post(`/api/v1/households/${hoa.householdId}/review`, {
        state: 'approved',
        version,
      }),
    )
    expect(await ids({ reviewState: 'approved' })).toEqual([hoa.householdId])
    expect(await ids({ reviewState: 'approved', q: 'hoang' })).toEqual([hoa.householdId])
    expect(await ids({ reviewState: 'received', q: 'hoang' })).toEqual([])
    expect(await ids({ reviewState: 'received' })).toHaveLength(3)
    expect((await search(staff, { q: 'hoa' })).items[0]?.reviewState).toBe('approved')
  })

  it('keeps a commune viewer to their commune, search included', async () => {
    expect(await ids({ q: 'nguyen' }, viewer)).toEqual([dang.householdId])
    expect(await ids({ q: 'ban dong' }, viewer)).toEqual([])
  })

  it('lists newest change first and pages with the total', async () => {
    const page = await search(staff, { limit: '2', offset: '1' })
    expect(page).toMatchObject({ total: 4, totalCapped: false })
    const all = await search(staff, {})
    expect(page.items.map((h) => h.id)).toEqual(all.items.slice(1, 3).map((h) => h.id))
    const versions = all.items.map((h) => h.version)
    expect(versions).toEqual([...versions].sort((a, b) => b - a))
  })

  it(`counts a search's matches up to ${HOUSEHOLD_SEARCH_WINDOW}, then says there are more`, async () => {
    const many = Array.from({ length: HOUSEHOLD_SEARCH_WINDOW + 1 }, () =>
      makeRevision({
        responseOverrides: {
          answers: { head_name: 'Triệu Văn Mạnh' },
          members: [{ full_name: 'Triệu Văn Mạnh' }],
        },
      }),
    )
    for (let start = 0; start < many.length; start += 500) {
      await laptop.upload(makeBatch(many.slice(start, start + 500)))
    }
    const page = await search(staff, { q: 'trieu manh', limit: '50' })
    expect(page).toMatchObject({ total: HOUSEHOLD_SEARCH_WINDOW, totalCapped: true })
    expect(page.items).toHaveLength(50)
    // Without a search the province's list counts further.
    const all = await search(staff, { limit: '1' })
    expect(all).toMatchObject({ total: HOUSEHOLD_SEARCH_WINDOW + 5, totalCapped: false })
  }, 120_000)
})
