import { afterEach, describe, expect, it } from 'vitest'
import type { ServerConfig } from '../../../src/server/config/server-config'
import { openServerDatabase } from '../../../src/server/store/server-database'
import { MAX_BATCH_REVISIONS } from '../../../src/shared/api/http/sync.contract'
import { seededRandom } from '../../fixtures/batches/realistic-households'
import { type ServerProcess, startServerProcess } from '../../support/server-process'
import { serverStores, type TestStoreConfig } from '../../support/server-stores'
import { type FaultProxy, startFaultProxy } from '../../support/tcp-fault-proxy'
import { countRows, dataOf } from '../api-client'
import type { ConsoleClient } from '../auth/auth-test-kit'
import { newTestDevice, type TestDevice } from '../devices/device-test-kit'
import { KillLedger, type KillMoment, type KillRun, killDuringImports } from './kill-round'
import {
  deliver,
  enrolThroughApi,
  type KillTestBatch,
  makeBatch,
  memberCount,
  setUpWithToken,
  writeFixtureProvinceKeys,
} from './server-kill-kit'

/** Uploads carry the most an HTTP batch may; files, as staff import them, carry more. */
const UPLOADS = 3
const FILES = 2
const FILE_HOUSEHOLDS = 1_500
/**
 * One kill per round: first while the store is being written (every batch is still to
 * come, so a write is sure to be seen), then at random with every answer lost on the link
 * (stored, never receipted), then just after a receipt (answered batches meet a kill).
 */
const ROUNDS: readonly KillMoment[] = [
  { kind: 'mid-write' },
  { kind: 'random' },
  { kind: 'after-a-receipt' },
]

/**
 * DESIGN.md §5 against a server that dies: the real server runs as its own process, big
 * sealed batches arrive in parallel (device uploads and console file imports, one import
 * path), and the process is SIGKILLed while it imports them. Restarted on the same store,
 * it is sent every batch again, as clients retry: each revision must be stored exactly
 * once, a batch stored before must come back all 'duplicate', and the server must work
 * normally and stop cleanly.
 */
describe.each(serverStores())('server killed mid-import, $name store', (variant) => {
  let made: TestStoreConfig | null = null
  let server: ServerProcess | null = null
  let proxy: FaultProxy | null = null
  /** How long each (re)start took, for the log. */
  const startMs: number[] = []

  afterEach(async () => {
    await server?.kill()
    await proxy?.close()
    await made?.dispose()
  })

  /** (Re)starts the server on the store and points the proxy at it. */
  async function start(config: ServerConfig): Promise<{ server: ServerProcess; link: FaultProxy }> {
    const began = Date.now()
    const started = await startServerProcess(config)
    server = started
    startMs.push(Date.now() - began)
    const port = Number(new URL(started.url).port)
    if (proxy) proxy.setTarget(port)
    else proxy = await startFaultProxy(port)
    return { server: started, link: proxy }
  }

  it('stores every revision exactly once after SIGKILLs and restarts', async () => {
    made = await variant.createConfig()
    const { config } = made
    await writeFixtureProvinceKeys(config.dataDir)
    const { server: first, link } = await start(config)
    const setupUrl = (await first.waitForOutput(/First-run setup: (\S+)/))[1] ?? ''
    const admin = await setUpWithToken(link.url, setupUrl)
    const device = newTestDevice()
    await enrolThroughApi(link.url, admin, device)
    const batches = [
      ...range(UPLOADS).map((i) => makeBatch(device, 'upload', MAX_BATCH_REVISIONS, i + 1)),
      ...range(FILES).map((i) => makeBatch(device, 'file', FILE_HOUSEHOLDS, 100 + i)),
    ]
    const seed = Date.now()
    const run: KillRun = {
      config,
      link,
      batches,
      send: (batch) => deliver(link.url, admin, device, batch),
      ledger: new KillLedger(),
      random: seededRandom(seed),
    }

    for (const [round, moment] of ROUNDS.entries()) {
      const waiting = batches.filter((b) => !run.ledger.receipted.has(b.id))
      if (waiting.length === 0) break
      const { server: current } = round === 0 ? { server: first } : await start(config)
      link.setFaults((head) =>
        moment.kind === 'random' && head.method === 'POST'
          ? { kind: 'lose-response', keepBytes: 0 }
          : { kind: 'pass' },
      )
      await killDuringImports(run, waiting, moment, () => current.kill())
    }

    const { server: last } = await start(config)
    link.setFaults(() => ({ kind: 'pass' }))
    await expectResentExactlyOnce(run)
    console.info(
      `[${variant.name}] seed ${seed}; starts ${startMs.join('/')} ms; ${run.ledger.summary()}`,
    )
    expect(run.ledger.killsMidImport, 'a kill landed mid-import').toBeGreaterThan(0)
    expect(run.ledger.killsMidWrite, 'a kill landed mid-write').toBeGreaterThan(0)

    const all = [...batches, await expectServesNormally(link.url, admin, device, batches)]
    expect(await last.stop()).toEqual({ code: 0, signal: null })
    await expectStoredExactlyOnce(config, all)
  }, 90_000)
})

/**
 * Every batch sent again — twice at once, as when a client's retry overtakes its first try
 * still being imported: a batch stored before (receipted, or its receipt lost) is answered
 * all 'duplicate' both times; any other is accepted by at most one of the two; no answer
 * mixes verdicts (one transaction per batch: a kill leaves all of it stored or none).
 */
async function expectResentExactlyOnce({ batches, send, ledger }: KillRun): Promise<void> {
  const finals = await Promise.all(
    batches.map(async (batch) => ({
      batch,
      receipts: await Promise.all([send(batch), send(batch)]),
    })),
  )
  for (const { batch, receipts } of finals) {
    const verdicts = receipts.map((receipt) => {
      expect(receipt.outcomes).toHaveLength(batch.revisions.length)
      const statuses = [...new Set(receipt.outcomes.map((o) => o.status))]
      expect(statuses, `batch ${batch.id} is answered all alike`).toHaveLength(1)
      return statuses[0]
    })
    if (ledger.receipted.has(batch.id) || ledger.receiptLost.has(batch.id)) {
      expect(verdicts, `batch ${batch.id} was stored before`).toEqual(['duplicate', 'duplicate'])
    } else {
      expect(verdicts.filter((v) => v !== 'duplicate')).toEqual(
        verdicts.includes('accepted') ? ['accepted'] : [],
      )
    }
    const first = receipts.find((r) => r.accepted > 0) ?? receipts[0]
    if (first) ledger.answered(batch.id, first)
  }
}

/**
 * Health, the console's household list and a fresh upload all work after the kills.
 * @returns the fresh batch
 */
async function expectServesNormally(
  url: string,
  admin: ConsoleClient,
  device: TestDevice,
  batches: readonly KillTestBatch[],
): Promise<KillTestBatch> {
  const health = await fetch(`${url}/api/v1/health`)
  expect(health.status).toBe(200)
  const households = dataOf('households.list', await admin.get('/api/v1/households?limit=1'))
  expect(households.total).toBe(batches.flatMap((b) => b.revisions).length)
  const fresh = makeBatch(device, 'upload', 3, 999)
  const receipt = await deliver(url, admin, device, fresh)
  expect(receipt).toMatchObject({ accepted: 3, duplicate: 0, rejected: 0 })
  return fresh
}

/** Row counts are exact and the stored revisions are exactly the batches' ones. */
async function expectStoredExactlyOnce(config: ServerConfig, batches: readonly KillTestBatch[]) {
  const store = await openServerDatabase(config)
  try {
    const revisions = batches.flatMap((b) => b.revisions)
    expect(await countRows(store.db)).toEqual({
      batches: batches.length,
      revisions: revisions.length,
      households: revisions.length,
      members: memberCount(batches),
      visits: revisions.length,
    })
    const ids = await store.db.selectFrom('revisions').select('id').orderBy('id').execute()
    expect(ids.map((r) => r.id)).toEqual(revisions.map((r) => r.id).sort())
    const inbox = await store.db.selectFrom('batches').select(['id', 'status']).execute()
    expect(inbox.map((b) => [b.id, b.status]).sort()).toEqual(
      batches.map((b) => [b.id, 'ingested']).sort(),
    )
  } finally {
    await store.close()
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)
