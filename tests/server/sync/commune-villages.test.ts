import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
import { dataOf } from '../api-client'
import { COMMUNE, type ConsoleClient, completeSetup, OTHER_COMMUNE } from '../auth/auth-test-kit'

/**
 * Records are checked against the villages the province listed for their commune, not a
 * built-in list: any commune of the province can collect, in any of its villages.
 */
describe.each(serverStores())('village check on ingest on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  const clock = new ManualClock(FIXTURE_MS)

  beforeEach(async () => {
    resetFixtureIds()
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
  })
  afterEach(async () => {
    await t?.close()
  })

  const createVillage = async (commune: string, name: string) =>
    dataOf(
      'places.createVillage',
      await admin.post(`/api/v1/places/communes/${commune}/villages`, { name }),
    ).code
  const inVillage = (villageCode: string) =>
    makeRevision({
      communeCode: OTHER_COMMUNE,
      villageCode,
      response: makeHouseholdResponse({ answers: { village: villageCode } }),
    })

  it('accepts any listed village of the commune, deactivated ones included', async () => {
    const codes: string[] = []
    for (const n of [1, 2, 3, 4, 5, 6]) codes.push(await createVillage(OTHER_COMMUNE, `Tổ ${n}`))
    const sixth = codes[5] as string
    const retired = codes[1] as string
    await admin.post(`/api/v1/places/villages/${retired}/deactivate`)
    const laptop = await HouseholdSeeder.enrol(t, admin, undefined, OTHER_COMMUNE)

    const receipt = await laptop.upload(
      makeBatch([inVillage(sixth), inVillage(retired)], { communeCode: OTHER_COMMUNE }),
    )

    expect(receipt).toMatchObject({ accepted: 2, rejected: 0 })
    const stored = await t.store.db
      .selectFrom('households')
      .select(['commune_code', 'village_code'])
      .orderBy('village_code')
      .execute()
    expect(stored).toEqual(
      [retired, sixth].sort().map((v) => ({ commune_code: OTHER_COMMUNE, village_code: v })),
    )
  })

  it('sends a record naming another commune’s village to the quarantine', async () => {
    await createVillage(OTHER_COMMUNE, 'Tổ 1')
    const elsewhere = await createVillage(COMMUNE, 'Thôn Khuổi My')
    const laptop = await HouseholdSeeder.enrol(t, admin, undefined, OTHER_COMMUNE)

    const receipt = await laptop.upload(
      makeBatch([inVillage(elsewhere)], { communeCode: OTHER_COMMUNE }),
    )

    expect(receipt).toMatchObject({ accepted: 0, rejected: 1 })
    expect(receipt.outcomes[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' })
    expect(receipt.outcomes[0]?.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', questionId: 'village' }),
    )
    expect(await t.store.db.selectFrom('households').select('id').execute()).toEqual([])
  })
})
