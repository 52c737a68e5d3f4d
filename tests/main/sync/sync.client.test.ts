import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeMainContext } from '../../../src/main/context'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { MAX_UPLOAD_ATTEMPTS, retryDelayMs } from '../../../src/main/sync/sync.client'
import { runSync, setServerUrl } from '../../../src/main/sync/sync.service'
import { addTeamMember } from '../../../src/main/team/team.service'
import { type SyncBatch, syncBatchSchema } from '../../../src/shared/api/http.contract'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import {
  closedPortUrl,
  type FakeAnswer,
  type FakeServer,
  startFakeServer,
} from './sync-test-servers'

const OTHER_BATCH_ID = '019ab5e6-6c00-7000-8000-0000000000ff'

let t: TestMain
let fake: FakeServer | null = null

beforeEach(async () => {
  t = await openTestMain()
  for (let i = 0; i < 2; i++) await recordVisit(t.ctx, makeHouseholdResponse())
})

afterEach(async () => {
  await fake?.close()
  fake = null
  await t.dispose()
})

/** A well-formed receipt accepting every revision of the batch, changed by `tweak`. */
function receiptFor(
  batch: SyncBatch,
  tweak: (receipt: Record<string, unknown>) => void = () => {},
) {
  const receipt: Record<string, unknown> = {
    batchId: batch.batchId,
    receivedAt: '2025-11-24T16:01:00.000Z',
    accepted: batch.revisions.length,
    duplicate: 0,
    rejected: 0,
    outcomes: batch.revisions.map((r) => ({ revisionId: r.id, status: 'accepted' })),
  }
  tweak(receipt)
  return { status: 200, body: JSON.stringify({ ok: true, data: receipt }) }
}

async function expectNothingMarked(): Promise<void> {
  expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 2, sent: 0, rejected: 0 })
  const states = await t.ctx.db.selectFrom('households').select('sync_state').execute()
  expect(states.every((s) => s.sync_state === 'pending')).toBe(true)
  expect(await getSetting(t.ctx.db, 'last_sync_at')).toBeNull()
}

async function syncWith(answer: FakeAnswer) {
  fake = await startFakeServer(answer)
  await setServerUrl(t.ctx, fake.url)
  return runSync(t.ctx)
}

describe('runSync when things go wrong', () => {
  it('needs a server address', async () => {
    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'no_server_url' })
  })

  it('reports server_unreachable when nothing listens, after backing off, and marks nothing', async () => {
    await setServerUrl(t.ctx, await closedPortUrl())
    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'server_unreachable' })
    const expectedDelays = Array.from({ length: MAX_UPLOAD_ATTEMPTS - 1 }, (_, i) =>
      retryDelayMs(i + 1),
    )
    expect(t.sleeps).toEqual(expectedDelays)
    await expectNothingMarked()
  })

  it('retries a failing server (5xx) a bounded number of times', async () => {
    const sync = syncWith(() => ({
      status: 503,
      body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'x' } }),
    }))
    await expect(sync).rejects.toMatchObject({ code: 'server_unreachable' })
    expect(fake?.requests).toHaveLength(MAX_UPLOAD_ATTEMPTS)
    await expectNothingMarked()
  })

  it('rejects a receipt for another batch', async () => {
    const sync = syncWith((body) =>
      receiptFor(body as SyncBatch, (r) => {
        r.batchId = OTHER_BATCH_ID
      }),
    )
    await expect(sync).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('rejects a receipt that does not answer every sent revision', async () => {
    const sync = syncWith((body) =>
      receiptFor(body as SyncBatch, (r) => {
        r.outcomes = (r.outcomes as unknown[]).slice(1)
      }),
    )
    await expect(sync).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('rejects a receipt answering a revision twice or one that was not sent', async () => {
    const sync = syncWith((body) =>
      receiptFor(body as SyncBatch, (r) => {
        const outcomes = r.outcomes as { revisionId: string }[]
        r.outcomes = [outcomes[0], { ...outcomes[0] }]
      }),
    )
    await expect(sync).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('rejects an answer that is not a receipt', async () => {
    await expect(
      syncWith(() => ({ status: 200, body: '<html>proxy login</html>' })),
    ).rejects.toMatchObject({
      code: 'bad_receipt',
    })
    await expect(
      syncWith(() => ({ status: 200, body: JSON.stringify({ ok: true, data: { fine: true } }) })),
    ).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('reports sync_refused when the server answers the batch with an error, without retrying', async () => {
    const sync = syncWith(() => ({
      status: 400,
      body: JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'bad batch' } }),
    }))
    await expect(sync).rejects.toMatchObject({ code: 'sync_refused' })
    expect(fake?.requests).toHaveLength(1)
    await expectNothingMarked()
  })

  it('stops waiting when the app closes, leaving everything pending', async () => {
    fake = await startFakeServer(() => null)
    await setServerUrl(t.ctx, fake.url)
    const sync = runSync(t.ctx)
    const outcome = sync.catch((error: unknown) => error)
    await fake.firstRequest

    await closeMainContext(t.ctx)

    expect(await outcome).toMatchObject({ code: 'cancelled' })
    await t.reopen()
    await expectNothingMarked()
  })

  it('sends each revision in clear JSON (opened from the sealed outbox), naming the team member', async () => {
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    await recordVisit(t.ctx, makeHouseholdResponse({ answers: { phone: '0977000111' } }))
    await syncWith((body) => receiptFor(body as SyncBatch))
    const batch = syncBatchSchema.parse(fake?.requests[0])
    expect(batch.revisions.map((r) => r.enumerator ?? null)).toEqual([
      null,
      null,
      { id: mai.id, name: 'Lò Thị Mai' },
    ])
    expect(batch.revisions[2]?.response.answers.phone).toBe('0977000111')
  })

  it('seals a batch the server contract accepts', async () => {
    await expect(syncWith((body) => receiptFor(body as SyncBatch))).resolves.toMatchObject({
      sent: 2,
    })
    const batch = syncBatchSchema.parse(fake?.requests[0])
    expect(batch).toMatchObject({ deviceId: t.ctx.deviceId, communeCode: '00700' })
    const [first, second] = batch.revisions
    expect(batch.revisions).toHaveLength(2)
    expect((first?.hlc ?? '') < (second?.hlc ?? '')).toBe(true)
  })
})
