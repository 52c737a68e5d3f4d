import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IndicatorScope, PlaceIndicators } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import { FIXTURE_MS } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import {
  addUser,
  COMMUNE,
  type ConsoleClient,
  completeSetup,
  OTHER_COMMUNE,
} from '../auth/auth-test-kit'
import { LAN, SINH, type SmallProvince, seedSmallProvince } from './small-province'

/** Each ratio indicator as `numerator/denominator`, the tally as its counts. */
function fractions(place: PlaceIndicators): Record<string, string | Record<string, number>> {
  const out: Record<string, string | Record<string, number>> = {}
  for (const v of place.indicators) {
    out[v.id] = v.kind === 'tally' ? (v.counts ?? {}) : `${v.numerator}/${v.denominator}`
  }
  return out
}

const trendOf = (scope: IndicatorScope, id: string) =>
  scope.trend.map((p) => {
    const v = p.indicators.find((i) => i.id === id)
    return `${p.month} ${v?.numerator}/${v?.denominator}`
  })

describe.each(serverStores())('indicators worked out by hand on $name', (variant) => {
  let t: TestServer
  let staff: ConsoleClient
  let data: SmallProvince

  beforeAll(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    const admin = await completeSetup(t)
    staff = (await addUser(t, admin, { username: 'staff', role: 'province_staff' })).client
    data = await seedSmallProvince(t, admin)
  })
  afterAll(async () => {
    await t?.close()
  })

  const get = async <N extends 'indicators.province' | 'indicators.commune' | 'indicators.village'>(
    call: N,
    path: string,
  ) => dataOf(call, await staff.get(path))

  it('counts a commune from each household’s latest completed visit', async () => {
    const commune = await get('indicators.commune', `/api/v1/indicators/communes/${COMMUNE}`)
    expect(commune.level).toBe('commune')
    expect(commune.commune).toEqual({ code: COMMUNE, name: 'Xã Ngọc Đường' })
    // H1 (revisited: the spouse now has a bank account), H2 (its completed visit, not the
    // later absent one) and H4 (no consent: coverage only); 2 adults of H1 (the child and
    // the member away are not), 1 of H2; members: H1's four and H2's one.
    expect(fractions(commune.totals)).toEqual({
      coverage: '3/6',
      smartphone_adults: '2/3',
      fibre_households: '1/2',
      payment_account_adults: '3/3',
      vneid_level2: '1/3',
      vneid_any: '2/3',
      online_public_service_adults: '2/3',
      digital_signature_adults: '1/3',
      basic_skills_adults: '1/3',
      ehealth_members: '2/5',
      cashless_adults: '2/3',
      support_given: { payment_account: 1 },
    })
    expect(commune.totals).toMatchObject({ registeredHouseholds: 6, surveyedHouseholds: 3 })
    const smartphone = commune.totals.indicators.find((i) => i.id === 'smartphone_adults')
    expect(smartphone).toMatchObject({ value: 2 / 3, target: 0.8 })
    expect(commune.places.map((p) => [p.code, p.name, fractions(p).coverage])).toEqual([
      [data.v1, 'Thôn Khuổi My', '2/4'],
      [data.v2, 'Thôn Tả Lủng', '1/2'],
    ])
    const v2 = commune.places[1] as PlaceIndicators
    expect(v2.indicators.find((i) => i.id === 'smartphone_adults')?.value).toBeNull()
  })

  it('adds the communes up for the province, with a trend as of the end of each month', async () => {
    const province = await get('indicators.province', '/api/v1/indicators/province')
    expect(fractions(province.totals)).toMatchObject({
      coverage: '4/9',
      smartphone_adults: '3/4',
      fibre_households: '2/3',
      payment_account_adults: '4/4',
      vneid_level2: '2/4',
      basic_skills_adults: '2/4',
      ehealth_members: '3/6',
    })
    expect(province.places.map((p) => [p.code, fractions(p).coverage])).toEqual([
      [COMMUNE, '3/6'],
      [OTHER_COMMUNE, '1/3'],
    ])
    // H1 counts from November (its latest completed visit); H5 from October.
    expect(trendOf(province, 'smartphone_adults')).toEqual(['2025-10 1/1', '2025-11 3/4'])
    expect(trendOf(province, 'coverage')).toEqual(['2025-10 1/9', '2025-11 4/9'])
    const commune = await get('indicators.commune', `/api/v1/indicators/communes/${COMMUNE}`)
    expect(trendOf(commune, 'coverage')).toEqual(['2025-10 0/6', '2025-11 3/6'])
  })

  it('answers one village', async () => {
    const village = await get('indicators.village', `/api/v1/indicators/villages/${data.v1}`)
    expect(village.village).toEqual({ code: data.v1, name: 'Thôn Khuổi My' })
    expect(village.places).toEqual([])
    expect(fractions(village.totals)).toMatchObject({
      coverage: '2/4',
      smartphone_adults: '2/3',
      ehealth_members: '2/5',
    })
    const missing = await staff.get('/api/v1/indicators/villages/00700-99')
    expect(missing.status).toBe(404)
  })

  it('counts the help given per visit: by kind, month, village and team member', async () => {
    const support = dataOf(
      'indicators.support',
      await staff.get(`/api/v1/indicators/support?communeCode=${COMMUNE}`),
    )
    expect(support.kinds.slice(0, 3)).toEqual(['install_vneid', 'vneid_level2', 'payment_account'])
    expect(support.totals).toEqual({
      visits: 6,
      completedVisits: 4,
      help: 4,
      counts: { install_vneid: 2, vneid_level2: 1, payment_account: 1 },
    })
    expect(support.byMonth.map((m) => [m.month, m.visits, m.help])).toEqual([
      ['2025-10', 1, 3],
      ['2025-11', 5, 1],
    ])
    expect(support.byPlace.map((p) => [p.code, p.visits, p.help])).toEqual([
      [data.v1, 5, 4],
      [data.v2, 1, 0],
    ])
    expect(support.byMember.map((m) => [m.name, m.visits, m.help])).toEqual([
      [LAN.name, 2, 4],
      [SINH.name, 4, 0],
    ])

    const november = dataOf(
      'indicators.support',
      await staff.get(`/api/v1/indicators/support?communeCode=${COMMUNE}&from=2025-11&to=2025-11`),
    )
    expect(november.totals).toMatchObject({ visits: 5, help: 1, counts: { payment_account: 1 } })
    expect(november.byMember.map((m) => [m.id, m.visits, m.help])).toEqual([
      [LAN.id, 1, 1],
      [SINH.id, 4, 0],
    ])

    const province = dataOf('indicators.support', await staff.get('/api/v1/indicators/support'))
    expect(province.byPlace.map((p) => [p.code, p.visits, p.help])).toEqual([
      [COMMUNE, 6, 4],
      [OTHER_COMMUNE, 1, 0],
    ])
    expect(province.byMember.map((m) => [m.name, m.visits, m.help])).toEqual([
      [LAN.name, 2, 4],
      [SINH.name, 5, 0],
    ])
    const backwards = await staff.get('/api/v1/indicators/support?from=2025-11&to=2025-10')
    expect(backwards.status).toBe(400)
  })
})
