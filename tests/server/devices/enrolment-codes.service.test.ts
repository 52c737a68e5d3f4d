import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEnrolmentCode } from '../../../src/server/devices/enrolment-codes.service'
import type { RequestContext } from '../../../src/server/http/request-context'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import { openServerDatabase, type ServerStore } from '../../../src/server/store/server-database'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, type TestStoreConfig } from '../../support/server-stores'
import { COMMUNE, SERVER_URL } from './device-test-kit'

describe.each(serverStores())('enrolment codes before setup on $name', (variant) => {
  let made: TestStoreConfig
  let store: ServerStore
  let ctx: RequestContext

  beforeEach(async () => {
    made = await variant.createConfig()
    store = await openServerDatabase(made.config)
    const clock = new ManualClock(Date.parse('2025-11-25T02:00:00Z'))
    ctx = {
      db: store.db,
      dialect: store.dialect,
      clock,
      provinceKeys: await loadOrCreateProvinceKeys(made.config.dataDir, clock),
      caller: {
        kind: 'user',
        userId: 'u1',
        username: 'admin',
        role: 'province_admin',
        communeCode: null,
        sessionId: 's1',
      },
    }
  })
  afterEach(async () => {
    await store?.close()
    await made?.dispose()
  })

  it('refuses to make a code until the province is chosen, and stores nothing', async () => {
    await expect(
      createEnrolmentCode(ctx, { communeCode: COMMUNE, validHours: 72, serverUrl: SERVER_URL }),
    ).rejects.toMatchObject({ code: 'province_not_set' })
    expect(await store.db.selectFrom('enrolment_codes').select('id').execute()).toEqual([])
  })
})
