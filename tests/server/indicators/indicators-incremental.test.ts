import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rebuildIndicatorsNow } from '../../../src/server/indicators/indicator-rebuild'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import type { ServerContext } from '../../../src/server/server-context'
import { openServerDatabase } from '../../../src/server/store/server-database'
import { ingestBatch } from '../../../src/server/sync/ingest.service'
import { ManualClock } from '../../../src/shared/clock/clock'
import { sequentialIds } from '../../../src/shared/ids/uuid'
import { FIXTURE_MS, makeBatch } from '../../support/household-fixtures'
import { serverStores } from '../../support/server-stores'
import { indicatorRows } from './indicator-rows'
import {
  DEVICES,
  type IndicatorOp,
  indicatorOpArbitrary,
  indicatorRevisions,
} from './indicator-scenario'

describe.each(serverStores())('indicators kept at ingest on $name', (variant) => {
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

  let scenario = 0
  it('equal a rebuild from the stored households after any field work', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(indicatorOpArbitrary, { minLength: 1, maxLength: 16 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        async (ops: IndicatorOp[], cuts: number[]) => {
          scenario += 1
          const ids = sequentialIds(FIXTURE_MS + scenario * 100_000_000)
          const revisions = indicatorRevisions(ops, ids)
          // Cut into batches (each from the device of its first revision's laptop — the
          // server does not care which sent it), so later ones meet stored states.
          const points = [...new Set(cuts.map((c) => c % (revisions.length + 1)))].sort(
            (a, b) => a - b,
          )
          let start = 0
          for (const end of [...points, revisions.length]) {
            const part = revisions.slice(start, end)
            start = end
            if (part.length === 0) continue
            await ingestBatch(ctx, makeBatch(part, { ids, deviceId: DEVICES[0] }))
          }
          const incremental = await indicatorRows(ctx)
          await rebuildIndicatorsNow(ctx.db)
          expect(incremental).toEqual(await indicatorRows(ctx))
        },
      ),
      { numRuns: 40 },
    )
  })
})
