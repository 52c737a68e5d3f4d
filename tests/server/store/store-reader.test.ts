import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { householdHandlers } from '../../../src/server/household/household.handlers'
import type { RequestContext } from '../../../src/server/http/request-context'
import { indicatorHandlers } from '../../../src/server/indicators/indicators.handlers'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import { ManualClock } from '../../../src/shared/clock/clock'
import { FIXTURE_MS, resetFixtureIds } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { completeSetup } from '../auth/auth-test-kit'

/**
 * The dashboard and the record pages read through the store's reader: while an ingest holds
 * the writer in a transaction, they still answer, with the last committed state. On SQLite
 * the writer is one connection behind a mutex: without the reader these reads would wait
 * for the transaction — and here the transaction waits for them, so they would never end.
 */
describe.each(serverStores())('reads beside a write transaction on $name', (variant) => {
  const clock = new ManualClock(FIXTURE_MS)
  let t: TestServer
  let ctx: RequestContext

  beforeEach(async () => {
    resetFixtureIds()
    t = await startTestServer(variant, { clock })
    await completeSetup(t)
    ctx = {
      db: t.store.db,
      reader: t.store.reader,
      dialect: t.store.dialect,
      clock,
      provinceKeys: await loadOrCreateProvinceKeys(t.config.dataDir, clock),
      caller: {
        kind: 'user',
        userId: 'u-1',
        username: 'admin',
        role: 'province_admin',
        communeCode: null,
        sessionId: 's-1',
      },
    }
  })
  afterEach(async () => {
    await t?.close()
  })

  it('answers the dashboard and the household list while a transaction is open', async () => {
    const before = await indicatorHandlers['indicators.province'](ctx)

    const during = await ctx.db.transaction().execute(async (trx) => {
      // An uncommitted change the reads must not see.
      await trx
        .updateTable('sync_counters')
        .set((eb) => ({ value: eb('value', '+', 1) }))
        .where('name', '=', 'change_seq')
        .execute()
      return {
        dashboard: await indicatorHandlers['indicators.province'](ctx),
        households: await householdHandlers['households.list'](ctx, { limit: 50, offset: 0 }),
      }
    })

    expect(during.dashboard).toEqual(before)
    expect(during.households).toMatchObject({ total: 0, items: [] })
  })
})
