import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { MAX_UPLOAD_ATTEMPTS } from '../../../src/main/sync/sync.client'
import type { SyncReport } from '../../../src/shared/api/ipc.contract'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { type FaultProxy, type ProxyFault, startFaultProxy } from '../../support/tcp-fault-proxy'
import { enrolWithServer } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import {
  expectSentOnlyOnReceipts,
  expectStoredExactlyOnce,
  faultUploads,
  type PlannedFault,
  throughProxy,
  uploadsSince,
} from './cut-link-kit'

/** A cut after this many bytes falls after the whole request. */
const WHOLE = Number.MAX_SAFE_INTEGER

/**
 * DESIGN.md §5 on a link the test cuts: a real laptop (main context, enrolled for real)
 * syncs to the real server through a TCP proxy that drops uploads part-way, or lets the
 * server answer and loses the receipt. Retrying must end with every record marked sent,
 * stored exactly once, and never marked without a receipt the laptop read whole.
 */
describe.each(serverStores())('desktop sync over a cut link to the $name server', (variant) => {
  let server: TestServer
  let proxy: FaultProxy
  let t: TestMain

  beforeAll(async () => {
    server = await startTestServer(variant)
    proxy = await startFaultProxy(Number(new URL(server.url).port))
    t = await openTestMain()
    await enrolWithServer(t.ctx, throughProxy(server, proxy))
  })
  afterAll(async () => {
    await t?.dispose()
    await proxy?.close()
    await server?.close()
  })

  async function saveHouseholds(count: number): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      t.clock.advance(60_000)
      ids.push((await recordVisit(t.ctx, makeHouseholdResponse())).revisionId)
    }
    return ids
  }

  /** Presses "sync" once, through the IPC handler the renderer calls. */
  const pressSync = () => dispatch(t.ctx, 'sync.run', {})

  async function pendingCount(): Promise<number> {
    return (await countRevisionsByStatus(t.ctx.db)).pending
  }

  it('retries a lost receipt, is answered duplicate, and only then marks the records', async () => {
    await saveHouseholds(3)
    const from = proxy.requests.length
    faultUploads(proxy, [{ kind: 'lose-response', keepBytes: 60 }])

    const result = await pressSync()

    expect(result).toMatchObject({
      ok: true,
      data: { batches: 1, sent: 3, accepted: 0, duplicate: 3, rejected: 0 },
    })
    const uploads = uploadsSince(proxy, from)
    expect(uploads.map((u) => [u.fault.kind, u.responseStatus, u.deliveredWhole])).toEqual([
      ['lose-response', 200, false],
      ['pass', 200, true],
    ])
    expect(uploads[1]?.body.equals(uploads[0]?.body ?? Buffer.alloc(0))).toBe(true)
    expect(await pendingCount()).toBe(0)
    await expectStoredExactlyOnce(t.ctx, server.store)
    await expectSentOnlyOnReceipts(t.ctx, proxy)
  })

  it('keeps records pending while every receipt is lost, though the server stored them', async () => {
    const revisionIds = await saveHouseholds(2)
    // Nothing, part of the status line, part of the headers, all but the last byte, …
    const lost: ProxyFault[] = [0, 17, 200, 1_000_000, 90].map((keepBytes) => ({
      kind: 'lose-response',
      keepBytes,
    }))
    expect(lost).toHaveLength(MAX_UPLOAD_ATTEMPTS)
    faultUploads(proxy, lost)

    const failed = await pressSync()

    expect(failed).toMatchObject({ ok: false, error: { code: 'server_unreachable' } })
    expect(await pendingCount()).toBe(2)
    const stored = await server.store.db
      .selectFrom('revisions')
      .select('id')
      .where('id', 'in', revisionIds)
      .execute()
    expect(stored).toHaveLength(2)
    await expectSentOnlyOnReceipts(t.ctx, proxy)

    faultUploads(proxy, [])
    const retried = await pressSync()

    expect(retried).toMatchObject({ ok: true, data: { sent: 2, accepted: 0, duplicate: 2 } })
    expect(await pendingCount()).toBe(0)
    await expectStoredExactlyOnce(t.ctx, server.store)
    await expectSentOnlyOnReceipts(t.ctx, proxy)
  })

  it('re-sends the very same sealed bytes after the laptop restarts between retries', async () => {
    await saveHouseholds(2)
    const from = proxy.requests.length
    const halfway: PlannedFault = { kind: 'cut-at-fraction', fraction: 0.5 }
    faultUploads(
      proxy,
      Array.from({ length: MAX_UPLOAD_ATTEMPTS }, () => halfway),
    )
    expect(await pressSync()).toMatchObject({ ok: false, error: { code: 'server_unreachable' } })

    await t.reopen()
    faultUploads(proxy, [{ kind: 'cut-request', afterBytes: WHOLE }])
    const result = await pressSync()

    expect(result).toMatchObject({ ok: true, data: { batches: 1, sent: 2, rejected: 0 } })
    const uploads = uploadsSince(proxy, from)
    expect(uploads).toHaveLength(MAX_UPLOAD_ATTEMPTS + 2)
    expect(new Set(uploads.map((u) => u.body.toString('base64'))).size).toBe(1)
    expect(await pendingCount()).toBe(0)
    await expectStoredExactlyOnce(t.ctx, server.store)
    await expectSentOnlyOnReceipts(t.ctx, proxy)
  })

  it('survives cuts at any byte of the upload or of its answer, storing each record once', async () => {
    const fault: fc.Arbitrary<PlannedFault> = fc.oneof(
      // Anywhere in the request: head or sealed body.
      fc
        .integer({ min: 0, max: 9_999 })
        .map((n) => ({ kind: 'cut-at-fraction' as const, fraction: n / 10_000 })),
      // Early bytes: the request line and signature headers.
      fc.nat({ max: 600 }).map((afterBytes) => ({ kind: 'cut-request' as const, afterBytes })),
      // The whole request arrives, then the link drops before any answer.
      fc.constant({ kind: 'cut-request' as const, afterBytes: WHOLE }),
      fc.nat({ max: 3000 }).map((keepBytes) => ({ kind: 'lose-response' as const, keepBytes })),
      fc.integer({ min: 1, max: 15 }).map((ms) => ({ kind: 'delay' as const, ms })),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fault, { maxLength: 2 * MAX_UPLOAD_ATTEMPTS + 1 }),
        async (households, faults) => {
          await saveHouseholds(households)
          const from = proxy.requests.length
          faultUploads(proxy, faults)

          const { report, failedRuns } = await syncUntilDone()

          // Attempts fail until the first fault that lets the request through.
          const failing = faults.findIndex((f) => f.kind === 'pass' || f.kind === 'delay')
          const failedAttempts = failing < 0 ? faults.length : failing
          expect(failedRuns).toBe(Math.floor(failedAttempts / MAX_UPLOAD_ATTEMPTS))
          expect(uploadsSince(proxy, from)).toHaveLength(failedAttempts + 1)
          expect(report).toMatchObject({ batches: 1, sent: households, rejected: 0 })
          const beforeSuccess = faults.slice(0, failedAttempts)
          if (beforeSuccess.some((f) => f.kind === 'lose-response')) {
            expect(report.duplicate).toBe(households)
          } else if (
            !beforeSuccess.some((f) => f.kind === 'cut-request' && f.afterBytes === WHOLE)
          ) {
            // Nothing reached the server whole before: the batch is new to it.
            expect(report.accepted).toBe(households)
          } else {
            // A whole request then a cut: the server may have stored it; all or nothing.
            expect([report.accepted, report.duplicate].sort()).toEqual([0, households])
          }
          expect(await pendingCount()).toBe(0)
          await expectStoredExactlyOnce(t.ctx, server.store)
          await expectSentOnlyOnReceipts(t.ctx, proxy)
        },
      ),
      { numRuns: 15 },
    )
  }, 120_000)

  /** Presses "sync" until it succeeds; each failure must be the network's, marking nothing. */
  async function syncUntilDone(): Promise<{ report: SyncReport; failedRuns: number }> {
    for (let failedRuns = 0; failedRuns < 4; failedRuns++) {
      const pendingBefore = await pendingCount()
      const result = await pressSync()
      if (result.ok) return { report: result.data as SyncReport, failedRuns }
      expect(result.error.code).toBe('server_unreachable')
      expect(await pendingCount()).toBe(pendingBefore)
      await expectSentOnlyOnReceipts(t.ctx, proxy)
    }
    throw new Error('sync never succeeded once the faults ran out')
  }
})
