import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import type { ServerContext } from '../../../src/server/server-context'
import { openServerDatabase } from '../../../src/server/store/server-database'
import { ingestBatch } from '../../../src/server/sync/ingest.service'
import type { RevisionOutcome, SyncReceipt } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { sequentialIds } from '../../../src/shared/ids/uuid'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
import { type ServerStoreVariant, serverStores } from '../../support/server-stores'
import { type IngestOp, opArbitrary, revisionsOf } from './ingest-scenario'

/** A store opened in-process, for calling ingestBatch directly. */
interface OpenStore {
  ctx: ServerContext
  close(): Promise<void>
}

async function openStore(variant: ServerStoreVariant, clock: ManualClock): Promise<OpenStore> {
  const made = await variant.createConfig()
  const store = await openServerDatabase(made.config)
  const provinceKeys = await loadOrCreateProvinceKeys(made.config.dataDir, clock)
  return {
    ctx: { db: store.db, dialect: store.dialect, clock, provinceKeys },
    close: async () => {
      await store.close()
      await made.dispose()
    },
  }
}

/** Everything ingest stores about some households, as comparable plain data. */
async function storedState(ctx: ServerContext, householdIds: readonly string[]) {
  if (householdIds.length === 0) return null
  const db = ctx.db
  const households = await db
    .selectFrom('households')
    .selectAll()
    .where('id', 'in', householdIds)
    .orderBy('change_seq')
    .execute()
  const revisions = await db
    .selectFrom('revisions')
    .select([
      'id',
      'household_id',
      'visit_id',
      'status',
      'reason',
      'issues_json',
      'payload_json',
      'clean_response_json',
      'received_at',
    ])
    .where('household_id', 'in', householdIds)
    .orderBy('id')
    .execute()
  const members = await db
    .selectFrom('members')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('id')
    .execute()
  const visits = await db
    .selectFrom('visits')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('id')
    .execute()
  const conflicts = await db
    .selectFrom('conflicts')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('id')
    .execute()
  return {
    // Numbers differ between the two ways (one per write); their order must not.
    households: households.map(({ change_seq: _, ...row }) => row),
    revisions,
    members,
    visits,
    conflicts,
  }
}

const outcomesOf = (receipts: readonly SyncReceipt[]): RevisionOutcome[] =>
  receipts.flatMap((r) => r.outcomes)

describe.each(serverStores())('batched ingest on $name', (variant) => {
  const clock = new ManualClock(FIXTURE_MS + 3_600_000)
  let batched: OpenStore
  let single: OpenStore
  beforeAll(async () => {
    batched = await openStore(variant, clock)
    single = await openStore(variant, clock)
  })
  afterAll(async () => {
    await batched?.close()
    await single?.close()
  })

  let scenario = 0
  it('leaves the same state and outcomes as ingesting the revisions one by one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArbitrary, { minLength: 1, maxLength: 14 }),
        fc.nat(),
        async (ops: IngestOp[], cut: number) => {
          scenario += 1
          const ids = sequentialIds(FIXTURE_MS + scenario * 100_000_000)
          const { revisions, householdIds } = revisionsOf(ops, ids)
          // Two batches, so that the second meets heads the first stored.
          const split = cut % (revisions.length + 1)
          const receipts: SyncReceipt[] = []
          for (const part of [revisions.slice(0, split), revisions.slice(split)]) {
            if (part.length === 0) continue
            receipts.push(await ingestBatch(batched.ctx, makeBatch(part, { ids })))
          }
          const singles: SyncReceipt[] = []
          for (const revision of revisions) {
            singles.push(await ingestBatch(single.ctx, makeBatch([revision], { ids })))
          }
          expect(outcomesOf(receipts)).toEqual(outcomesOf(singles))
          expect(await storedState(batched.ctx, householdIds)).toEqual(
            await storedState(single.ctx, householdIds),
          )
        },
      ),
      { numRuns: 40 },
    )
  })

  it('answers a batch sent again with duplicates and changes nothing', async () => {
    const ids = sequentialIds(FIXTURE_MS + 7_000_000_000)
    const first = makeRevision({ ids })
    const edit = makeRevision({
      ids,
      householdId: first.householdId,
      visitId: first.visitId,
      baseRevisionId: first.id,
      savedAtMs: FIXTURE_MS + 60_000,
      responseOverrides: { ids, answers: { address: 'Số 3, xóm Nà Thác' } },
    })
    const wrong = makeRevision({ ids, communeCode: '00001' })
    const batch = makeBatch([first, edit, first, wrong], { ids })
    const receipt = await ingestBatch(batched.ctx, batch)
    expect(receipt).toMatchObject({ accepted: 2, duplicate: 1, rejected: 1 })
    expect(receipt.outcomes.map((o) => o.status)).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'rejected',
    ])
    const before = await storedState(batched.ctx, [first.householdId, wrong.householdId])
    const seq = await changeSeq(batched.ctx, first.householdId)
    const again = await ingestBatch(batched.ctx, batch)
    // Repeats are answered as the first time: the rejected revision stays rejected.
    expect(again).toMatchObject({ batchId: batch.batchId, accepted: 0, duplicate: 3, rejected: 1 })
    expect(again.outcomes[3]).toEqual(receipt.outcomes[3])
    expect(await storedState(batched.ctx, [first.householdId, wrong.householdId])).toEqual(before)
    expect(await changeSeq(batched.ctx, first.householdId)).toBe(seq)
    const row = await batched.ctx.db
      .selectFrom('batches')
      .select(['accepted', 'duplicate', 'rejected'])
      .where('id', '=', batch.batchId)
      .executeTakeFirstOrThrow()
    // The inbox keeps the counts of the first arrival.
    expect(row).toEqual({ accepted: 2, duplicate: 1, rejected: 1 })
  })

  it('stores a batch larger than one statement may bind, numbering each household once', async () => {
    const ids = sequentialIds(FIXTURE_MS + 8_000_000_000)
    const revisions: HouseholdRevision[] = Array.from({ length: 1_200 }, (_, i) =>
      makeRevision({ ids, savedAtMs: FIXTURE_MS + i }),
    )
    const receipt = await ingestBatch(batched.ctx, makeBatch(revisions, { ids }))
    expect(receipt.accepted).toBe(1_200)
    const rows = await batched.ctx.db
      .selectFrom('households')
      .select(['id', 'change_seq'])
      .where(
        'id',
        'in',
        revisions.map((r) => r.householdId),
      )
      .execute()
    expect(rows).toHaveLength(1_200)
    expect(new Set(rows.map((r) => r.change_seq)).size).toBe(1_200)
    const members = await batched.ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'household_id',
        'in',
        revisions.map((r) => r.householdId),
      )
      .executeTakeFirstOrThrow()
    expect(Number(members.n)).toBe(2_400)
  })
})

async function changeSeq(ctx: ServerContext, householdId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('households')
    .select('change_seq')
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow()
  return Number(row.change_seq)
}
