import type { KeyObject } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeMainContext } from '../../../src/main/context'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { MAX_UPLOAD_ATTEMPTS, retryDelayMs } from '../../../src/main/sync/sync.client'
import { runSync } from '../../../src/main/sync/sync.service'
import { addTeamMember } from '../../../src/main/team/team.service'
import type { SyncReceipt } from '../../../src/shared/api/http.contract'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import {
  type OpenedBatch,
  openBatch,
  readBatchManifest,
  sealReceipt,
} from '../../../src/shared/sync/batch-codec.node.js'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { enrolLocally, makeTestProvince, type TestProvince } from '../device/device-test-kit'
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
let province: TestProvince
let devicePublicKey: KeyObject
let fake: FakeServer | null = null

beforeEach(async () => {
  t = await openTestMain()
  province = makeTestProvince()
  devicePublicKey = await enrolLocally(t.ctx, province, await closedPortUrl())
  for (let i = 0; i < 2; i++) await recordVisit(t.ctx, makeHouseholdResponse())
})

afterEach(async () => {
  await fake?.close()
  fake = null
  await t.dispose()
})

/** Opens a batch the laptop sent, as the province would (verifies the device signature). */
function openSent(body: Buffer): Promise<OpenedBatch> {
  return openBatch(body, {
    province: {
      encryptionPrivateKey: province.encryptionPrivateKey,
      encryptionKeyId: province.encryptionKeyId,
    },
    devicePublicKey: () => devicePublicKey,
    forms: (id, version) =>
      id === defaultHouseholdForm.id && version === defaultHouseholdForm.version
        ? defaultHouseholdForm
        : undefined,
  })
}

const EMPTY_PULL = {
  status: 200,
  body: JSON.stringify({
    ok: true,
    data: { households: [], villages: [], forms: [], conflicts: [], nextCursor: 0, hasMore: false },
  }),
}

/** A receipt accepting every revision of the batch (ids read back from the sealed file). */
async function receiptFor(body: Buffer): Promise<SyncReceipt> {
  const opened = await openSent(body)
  return {
    batchId: opened.manifest.batchId,
    receivedAt: '2025-11-24T16:01:00.000Z',
    accepted: opened.revisions.length,
    duplicate: 0,
    rejected: 0,
    outcomes: opened.revisions.map((r) => ({ revisionId: r.id, status: 'accepted' as const })),
  }
}

/** Answers with `receipt` signed by `signer` (the province key unless a test says otherwise). */
function signed(receipt: SyncReceipt, signer: KeyObject = province.signingPrivateKey) {
  return {
    status: 200,
    body: JSON.stringify({ ok: true, data: sealReceipt(receipt, signer) }),
  }
}

async function expectNothingMarked(): Promise<void> {
  expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 2, sent: 0, rejected: 0 })
  const states = await t.ctx.db.selectFrom('households').select('sync_state').execute()
  expect(states.every((s) => s.sync_state === 'pending')).toBe(true)
  expect(await getSetting(t.ctx.db, 'last_sync_at')).toBeNull()
}

/**
 * Syncs against a fake server. Answers are computed before the server starts (the
 * receipt needs the batch, which is sealed once and re-sent as is).
 */
async function syncWith(answer: (body: Buffer) => Promise<ReturnType<FakeAnswer>>) {
  const answers = new Map<string, ReturnType<FakeAnswer>>()
  // A GET (empty body) is the pull after the upload: nothing changed on the server.
  fake = await startFakeServer(
    (body) => answers.get(body.toString('base64')) ?? (body.length === 0 ? EMPTY_PULL : null),
  )
  const url = fake.url
  t.setNetwork(async (input, init) => {
    if (init?.body instanceof Uint8Array) {
      const body = Buffer.from(init.body)
      answers.set(body.toString('base64'), await answer(body))
    }
    return fetch(input, init)
  })
  await t.ctx.db
    .updateTable('settings')
    .set({ value: url })
    .where('key', '=', 'server_url')
    .execute()
  return runSync(t.ctx)
}

describe('runSync when things go wrong', () => {
  it('needs an enrolment', async () => {
    const fresh = await openTestMain()
    try {
      await expect(runSync(fresh.ctx)).rejects.toMatchObject({ code: 'not_enrolled' })
    } finally {
      await fresh.dispose()
    }
  })

  it('reports server_unreachable when nothing listens, after backing off, and marks nothing', async () => {
    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'server_unreachable' })
    const expectedDelays = Array.from({ length: MAX_UPLOAD_ATTEMPTS - 1 }, (_, i) =>
      retryDelayMs(i + 1),
    )
    expect(t.sleeps).toEqual(expectedDelays)
    await expectNothingMarked()
  })

  it('retries a failing server (5xx) a bounded number of times, always with the same bytes', async () => {
    const sync = syncWith(async () => ({
      status: 503,
      body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'x' } }),
    }))
    await expect(sync).rejects.toMatchObject({ code: 'server_unreachable' })
    expect(fake?.requests).toHaveLength(MAX_UPLOAD_ATTEMPTS)
    const distinct = new Set(fake?.requests.map((b) => b.toString('base64')))
    expect(distinct.size).toBe(1)
    await expectNothingMarked()
  })

  it('sends a batch the province can open: signed by the device, sealed to the province key', async () => {
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    await recordVisit(t.ctx, makeHouseholdResponse({ answers: { phone: '0977000111' } }))
    // Two pending from beforeEach, one more here: reset the expectation for this test.
    const report = await syncWith(async (body) => signed(await receiptFor(body)))
    expect(report).toMatchObject({ batches: 1, sent: 3, accepted: 3 })
    const body = fake?.requests[0] ?? Buffer.alloc(0)
    expect(body.includes(Buffer.from('0977000111'))).toBe(false) // encrypted on the wire
    const opened = await openSent(body)
    expect(opened.manifest).toMatchObject({ deviceId: t.ctx.deviceId, communeCode: '00700' })
    expect(opened.revisions.map((r) => r.enumerator ?? null)).toEqual([
      null,
      null,
      { id: mai.id, name: 'Lò Thị Mai' },
    ])
    expect(opened.revisions[2]?.response.answers.phone).toBe('0977000111')
    expect((opened.revisions[0]?.hlc ?? '') < (opened.revisions[1]?.hlc ?? '')).toBe(true)
  })

  it('rejects a receipt signed by another key', async () => {
    const impostor = makeTestProvince()
    const sync = syncWith(async (body) =>
      signed(await receiptFor(body), impostor.signingPrivateKey),
    )
    await expect(sync).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('rejects an unsigned receipt (the skeleton JSON answer)', async () => {
    const sync = syncWith(async (body) => ({
      status: 200,
      body: JSON.stringify({ ok: true, data: await receiptFor(body) }),
    }))
    await expect(sync).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('rejects a receipt for another batch', async () => {
    const sync = syncWith(async (body) =>
      signed({ ...(await receiptFor(body)), batchId: OTHER_BATCH_ID }),
    )
    await expect(sync).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('rejects a receipt that does not answer every sent revision', async () => {
    const sync = syncWith(async (body) => {
      const receipt = await receiptFor(body)
      return signed({ ...receipt, accepted: 1, outcomes: receipt.outcomes.slice(1) })
    })
    await expect(sync).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('rejects an answer that is not a receipt', async () => {
    await expect(
      syncWith(async () => ({ status: 200, body: '<html>proxy login</html>' })),
    ).rejects.toMatchObject({ code: 'bad_receipt' })
    await fake?.close()
    await expect(
      syncWith(async () => ({ status: 200, body: JSON.stringify({ ok: true, data: {} }) })),
    ).rejects.toMatchObject({ code: 'bad_receipt' })
    await expectNothingMarked()
  })

  it('reports sync_refused when the server refuses the batch, without retrying', async () => {
    const sync = syncWith(async () => ({
      status: 422,
      body: JSON.stringify({ ok: false, error: { code: 'signature_invalid', message: 'x' } }),
    }))
    await expect(sync).rejects.toMatchObject({ code: 'sync_refused' })
    expect(fake?.requests).toHaveLength(1)
    await expectNothingMarked()
  })

  it('stops waiting when the app closes, leaving everything pending', async () => {
    fake = await startFakeServer(() => null)
    await t.ctx.db
      .updateTable('settings')
      .set({ value: fake.url })
      .where('key', '=', 'server_url')
      .execute()
    const sync = runSync(t.ctx)
    const outcome = sync.catch((error: unknown) => error)
    await fake.firstRequest

    await closeMainContext(t.ctx)

    expect(await outcome).toMatchObject({ code: 'cancelled' })
    await t.reopen()
    await expectNothingMarked()
  })

  it('seals each batch once: the manifest names this device and its keys', async () => {
    await syncWith(async (body) => signed(await receiptFor(body)))
    const manifest = readBatchManifest(fake?.requests[0] ?? Buffer.alloc(0))
    expect(manifest).toMatchObject({
      deviceId: t.ctx.deviceId,
      provinceKeyId: province.encryptionKeyId,
      counts: { revisions: 2, households: 2 },
    })
  })
})
