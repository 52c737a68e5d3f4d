import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import type { ServerContext } from '../../../src/server/server-context'
import { indicatorsMigration } from '../../../src/server/store/migrations/0009-indicators'
import { openServerDatabase } from '../../../src/server/store/server-database'
import { ingestBatch } from '../../../src/server/sync/ingest.service'
import { ManualClock } from '../../../src/shared/clock/clock'
import { sequentialIds } from '../../../src/shared/ids/uuid'
import { FIXTURE_MS, makeBatch } from '../../support/household-fixtures'
import { serverStores } from '../../support/server-stores'
import { indicatorRows } from './indicator-rows'
import { DEVICES, type IndicatorOp, indicatorRevisions } from './indicator-scenario'

const TABLES = [
  'indicator_households',
  'indicator_visits',
  'indicator_sums',
  'indicator_member_sums',
  'indicator_enumerators',
] as const

/** Field work of every kind: households in several months, revisits, concurrent edits, a move. */
const OPS: IndicatorOp[] = [
  { kind: 'new', device: 0, village: 0, month: 0, support: 1 },
  { kind: 'new', device: 1, village: 1, month: 1, support: 2 },
  { kind: 'new', device: 2, village: 2, month: 2, support: 0 },
  { kind: 'revisit', household: 0, device: 1, result: 0, days: 40, change: 0, support: 3 },
  { kind: 'revisit', household: 1, device: 0, result: 2, days: 10, change: 1, support: 0 },
  { kind: 'edit', household: 2, base: null, device: 1, change: 2, minutes: 5 },
  { kind: 'edit', household: 2, base: 0, device: 2, change: 3, minutes: 7 },
  { kind: 'move', household: 0, village: 3 },
]

describe.each(serverStores())('migration 0009 on $name', (variant) => {
  const clock = new ManualClock(FIXTURE_MS + 3_600_000)
  let ctx: ServerContext
  let close: () => Promise<void>
  beforeAll(async () => {
    const made = await variant.createConfig()
    const store = await openServerDatabase(made.config)
    ctx = {
      db: store.db,
      dialect: store.dialect,
      clock,
      provinceKeys: await loadOrCreateProvinceKeys(made.config.dataDir, clock),
    }
    close = async () => {
      await store.close()
      await made.dispose()
    }
  })
  afterAll(async () => {
    await close?.()
  })

  it('counts the households stored before it as ingest would have', async () => {
    const ids = sequentialIds(FIXTURE_MS)
    const revisions = indicatorRevisions(OPS, ids)
    await ingestBatch(ctx, makeBatch(revisions.slice(0, 4), { ids, deviceId: DEVICES[0] }))
    await ingestBatch(ctx, makeBatch(revisions.slice(4), { ids, deviceId: DEVICES[0] }))
    const kept = await indicatorRows(ctx)
    expect(kept.households).toHaveLength(3)
    expect(kept.visits).toHaveLength(5)

    // A store from before the migration: no indicator tables; the migration makes and fills them.
    for (const table of TABLES) await ctx.db.schema.dropTable(table).execute()
    await indicatorsMigration.up(ctx.db as unknown as Kysely<unknown>)
    expect(await indicatorRows(ctx)).toEqual(kept)
  })
})
