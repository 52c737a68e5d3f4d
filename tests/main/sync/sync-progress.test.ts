import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { PULL_PATH, SEALED_BATCH_PATH } from '../../../src/main/sync/sync.client'
import { runSync, SYNC_BATCH_SIZE } from '../../../src/main/sync/sync.service'
import {
  type SyncProgress,
  type SyncStatus,
  syncStatusSchema,
} from '../../../src/shared/api/ipc.contract'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { enrolWithServer, revokeDevice } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { startTestServer, type TestServer } from './sync-test-servers'

let server: TestServer
let t: TestMain
let admin: ConsoleClient

beforeEach(async () => {
  server = await startTestServer()
  t = await openTestMain()
  admin = await enrolWithServer(t.ctx, server)
})

afterEach(async () => {
  await t.dispose()
  await server.stop()
})

async function status(): Promise<SyncStatus> {
  const result = await dispatch(t.ctx, 'sync.status', {})
  if (!result.ok) throw new Error(`sync.status failed: ${result.error.code}`)
  // Parsed as the renderer's contract would: the status crosses IPC in this shape.
  return syncStatusSchema.parse(result.data)
}

async function saveMany(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await recordVisit(t.ctx, makeHouseholdResponse())
}

/**
 * A network that holds every upload and pull request until the test lets it go, so the
 * test reads the status (a concurrent IPC call) while the run waits on the network.
 */
class HeldNetwork {
  private readonly held: (() => void)[] = []
  private arrived: (() => void) | null = null

  readonly fetch: typeof fetch = async (input, init) => {
    const url = String(input)
    if (url.includes(SEALED_BATCH_PATH) || url.includes(PULL_PATH)) {
      await new Promise<void>((resolve) => {
        this.held.push(resolve)
        this.arrived?.()
      })
    }
    return fetch(input, init)
  }

  /** Resolves once a request is held (or at once when one already is). */
  nextHeld(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve()
    return new Promise((resolve) => {
      this.arrived = resolve
    })
  }

  releaseOne(): void {
    this.arrived = null
    this.held.shift()?.()
  }
}

/** Runs a sync on the held network, reading the progress each time a request waits. */
async function observeRun(): Promise<SyncProgress[]> {
  const network = new HeldNetwork()
  t.setNetwork(network.fetch)
  const seen: SyncProgress[] = []
  let done = false
  const run = runSync(t.ctx).finally(() => {
    done = true
  })
  for (;;) {
    const next = await Promise.race([run.then(() => 'done' as const), network.nextHeld()])
    if (next === 'done' || done) break
    const progress = (await status()).progress
    if (progress) seen.push(progress)
    network.releaseOne()
  }
  await run
  return seen
}

describe('sync progress and the last run, for the sync screen', () => {
  it('reports progress batch by batch, then the pull, and none once the run is over', async () => {
    await saveMany(2 * SYNC_BATCH_SIZE + 1)
    expect((await status()).progress).toBeNull()

    const seen = await observeRun()

    const total = 2 * SYNC_BATCH_SIZE + 1
    const uploads = seen.filter((p) => p.phase === 'upload')
    expect(uploads).toEqual([
      { phase: 'upload', sentRecords: 0, totalRecords: total, batch: 1, batches: 3 },
      {
        phase: 'upload',
        sentRecords: SYNC_BATCH_SIZE,
        totalRecords: total,
        batch: 2,
        batches: 3,
      },
      {
        phase: 'upload',
        sentRecords: 2 * SYNC_BATCH_SIZE,
        totalRecords: total,
        batch: 3,
        batches: 3,
      },
    ])
    const pulls = seen.filter((p) => p.phase === 'pull')
    expect(pulls.length).toBeGreaterThan(0)
    expect(pulls[0]).toEqual({
      phase: 'pull',
      sentRecords: total,
      totalRecords: total,
      batch: 3,
      batches: 3,
    })
    const after = await status()
    expect(after.progress).toBeNull()
    expect(after.lastRun).toMatchObject({
      result: 'ok',
      errorCode: null,
      report: { batches: 3, sent: total, accepted: total, duplicate: 0, rejected: 0 },
    })
  })

  it('keeps the last run across a restart of the main process', async () => {
    await saveMany(2)
    await runSync(t.ctx)
    const before = (await status()).lastRun

    await t.reopen()

    const after = await status()
    expect(before).not.toBeNull()
    expect(after.lastRun).toEqual(before)
    expect(after.lastRun).toMatchObject({
      result: 'ok',
      finishedAt: new Date(t.clock.now()).toISOString(),
      report: { batches: 1, sent: 2, accepted: 2 },
    })
    expect(after.progress).toBeNull()
  })

  it('remembers a failed run with its reason code across a restart', async () => {
    await saveMany(1)
    expect((await status()).lastRun).toBeNull()
    await revokeDevice(admin, t.ctx.deviceId)

    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'device_revoked' })
    await t.reopen()

    const failed = await status()
    expect(failed.progress).toBeNull()
    expect(failed.lastRun).toMatchObject({
      result: 'failed',
      errorCode: 'device_revoked',
      report: { batches: 0, sent: 0 },
    })
  })

  it('remembers what a run sent before the link broke, with the error', async () => {
    await saveMany(SYNC_BATCH_SIZE + 1)
    let uploads = 0
    t.setNetwork(async (input, init) => {
      if (String(input).includes(SEALED_BATCH_PATH) && ++uploads > 1) {
        throw new TypeError('fetch failed')
      }
      return fetch(input, init)
    })

    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'server_unreachable' })

    const after = await status()
    expect(after.progress).toBeNull()
    expect(after.lastRun).toMatchObject({
      result: 'failed',
      errorCode: 'server_unreachable',
      report: { batches: 1, sent: SYNC_BATCH_SIZE, accepted: SYNC_BATCH_SIZE },
    })
    expect(await server.revisionCount()).toBe(SYNC_BATCH_SIZE)
  })

  it('reports nothing to send as a plan of zero batches, going straight to the pull', async () => {
    const seen = await observeRun()

    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((p) => p.phase === 'pull')).toBe(true)
    expect(seen[0]).toEqual({
      phase: 'pull',
      sentRecords: 0,
      totalRecords: 0,
      batch: 0,
      batches: 0,
    })
    expect((await status()).lastRun).toMatchObject({ result: 'ok', report: { sent: 0 } })
  })
})
