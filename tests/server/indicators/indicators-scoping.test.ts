import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import { FIXTURE_MS } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  addUser,
  COMMUNE,
  ConsoleClient,
  completeSetup,
  OTHER_COMMUNE,
} from '../auth/auth-test-kit'
import { type SmallProvince, seedSmallProvince } from './small-province'

describe.each(serverStores())('who sees which indicators on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  let staff: ConsoleClient
  let viewer: ConsoleClient
  let data: SmallProvince

  beforeAll(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    admin = await completeSetup(t)
    staff = (await addUser(t, admin, { username: 'staff', role: 'province_staff' })).client
    viewer = (
      await addUser(t, admin, {
        username: 'canbo.xa',
        role: 'commune_viewer',
        communeCode: COMMUNE,
      })
    ).client
    data = await seedSmallProvince(t, admin)
  })
  afterAll(async () => {
    await t?.close()
  })

  const refused = async (client: ConsoleClient, path: string, status: number, code: string) => {
    const answer = await client.get(path)
    expect(answer.status, path).toBe(status)
    expect(errorOf(answer).code, path).toBe(code)
  }

  it('lets province roles see the province, every commune and village', async () => {
    for (const client of [admin, staff]) {
      const province = dataOf(
        'indicators.province',
        await client.get('/api/v1/indicators/province'),
      )
      expect(province.places.map((p) => p.code)).toEqual([COMMUNE, OTHER_COMMUNE])
      for (const path of [
        `/api/v1/indicators/communes/${OTHER_COMMUNE}`,
        `/api/v1/indicators/villages/${data.v3}`,
        `/api/v1/indicators/support?communeCode=${OTHER_COMMUNE}`,
      ]) {
        expect((await client.get(path)).status, path).toBe(200)
      }
    }
  })

  it('shows a commune viewer their own commune and its villages only', async () => {
    const commune = dataOf(
      'indicators.commune',
      await viewer.get(`/api/v1/indicators/communes/${COMMUNE}`),
    )
    expect(commune.totals.surveyedHouseholds).toBe(3)
    const village = dataOf(
      'indicators.village',
      await viewer.get(`/api/v1/indicators/villages/${data.v1}`),
    )
    expect(village.commune?.code).toBe(COMMUNE)
    // Naming no place means their commune.
    const support = dataOf('indicators.support', await viewer.get('/api/v1/indicators/support'))
    expect(support.byPlace.map((p) => p.code)).toEqual([data.v1, data.v2])
    expect(support.totals.visits).toBe(6)

    await refused(viewer, '/api/v1/indicators/province', 403, 'forbidden')
    await refused(viewer, `/api/v1/indicators/communes/${OTHER_COMMUNE}`, 403, 'forbidden')
    await refused(viewer, `/api/v1/indicators/villages/${data.v3}`, 403, 'forbidden')
    await refused(
      viewer,
      `/api/v1/indicators/support?communeCode=${OTHER_COMMUNE}`,
      403,
      'forbidden',
    )
    await refused(viewer, `/api/v1/indicators/support?villageCode=${data.v3}`, 403, 'forbidden')
    await refused(
      viewer,
      `/api/v1/indicators/support?communeCode=${OTHER_COMMUNE}&villageCode=${data.v1}`,
      403,
      'forbidden',
    )
  })

  it('refuses anyone signed out, and answers 404 for a commune outside the province', async () => {
    const anonymous = new ConsoleClient(t.url)
    for (const path of [
      '/api/v1/indicators/province',
      `/api/v1/indicators/communes/${COMMUNE}`,
      `/api/v1/indicators/villages/${data.v1}`,
      '/api/v1/indicators/support',
    ]) {
      await refused(anonymous, path, 401, 'unauthenticated')
    }
    await refused(staff, '/api/v1/indicators/communes/00004', 404, 'not_found')
    await refused(staff, '/api/v1/indicators/communes/abc', 400, 'invalid_input')
  })
})
