import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { addUser, COMMUNE, type ConsoleClient, completeSetup, OTHER_COMMUNE } from './auth-test-kit'

/**
 * The scoping helpers (communeScope, requireCommuneAccess) as the console meets them over
 * HTTP, through the places calls that use them.
 */
describe.each(serverStores())('commune viewer scope over HTTP on $name', (variant) => {
  let t: TestServer
  let staff: ConsoleClient
  let viewer: ConsoleClient
  beforeAll(async () => {
    t = await startTestServer(variant)
    const admin = await completeSetup(t)
    staff = (await addUser(t, admin, { username: 'staff', role: 'province_staff' })).client
    viewer = (
      await addUser(t, admin, { username: 'viewer', role: 'commune_viewer', communeCode: COMMUNE })
    ).client
  })
  afterAll(async () => {
    await t?.close()
  })

  const villagesOf = (client: ConsoleClient, commune: string) =>
    client.get(`/api/v1/places/communes/${commune}/villages`)

  it('lets a commune viewer into their own commune only, with 403 for another', async () => {
    expect((await villagesOf(viewer, COMMUNE)).status).toBe(200)
    const other = await villagesOf(viewer, OTHER_COMMUNE)
    expect(other.status).toBe(403)
    expect(errorOf(other).code).toBe('forbidden')
  })

  it('lets province staff into every commune', async () => {
    expect((await villagesOf(staff, COMMUNE)).status).toBe(200)
    expect((await villagesOf(staff, OTHER_COMMUNE)).status).toBe(200)
  })

  it('narrows lists to the viewer’s commune', async () => {
    const mine = dataOf('places.communes', await viewer.get('/api/v1/places/communes'))
    expect(mine.items.map((c) => c.code)).toEqual([COMMUNE])
    const all = dataOf('places.communes', await staff.get('/api/v1/places/communes?limit=500'))
    expect(all.items.map((c) => c.code)).toEqual(expect.arrayContaining([COMMUNE, OTHER_COMMUNE]))
  })
})
