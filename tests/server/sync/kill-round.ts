import { setTimeout as sleep } from 'node:timers/promises'
import { expect } from 'vitest'
import type { ServerConfig } from '../../../src/server/config/server-config'
import type { SyncReceipt } from '../../../src/shared/api/http.contract'
import { readBatchManifest } from '../../../src/shared/sync/batch-codec.node.js'
import type { ProcessExit } from '../../support/server-process'
import type { FaultProxy, ProxiedRequest } from '../../support/tcp-fault-proxy'
import { SEALED_BATCHES } from './sealed-batch-kit'
import { type KillTestBatch, openWriteProbe, type WriteProbe } from './server-kill-kit'

/** A random kill lands up to this long after a batch has fully reached the server. */
const MAX_KILL_DELAY_MS = 1_200

/** When a round's kill comes, once some batch is whole at the server. */
export type KillMoment =
  /** The first moment the store is seen writing. */
  | { kind: 'mid-write' }
  /** A random delay (from the run's seeded random). */
  | { kind: 'random' }
  /** The round's first receipt, then a short random delay: some batches get answered. */
  | { kind: 'after-a-receipt' }

/** What a round needs: the link, the batches, how to send one, and the run's ledger. */
export interface KillRun {
  config: ServerConfig
  link: FaultProxy
  batches: readonly KillTestBatch[]
  send(batch: KillTestBatch): Promise<SyncReceipt>
  ledger: KillLedger
  random: () => number
}

/**
 * Sends `waiting` at once and kills the server (`kill`, a SIGKILL) at `moment`, noting in
 * the ledger which batches it held mid-import, which it answered with a receipt the link
 * lost, and which receipts came through. Deliveries the kill broke must have failed as a
 * dropped connection does.
 */
export async function killDuringImports(
  run: KillRun,
  waiting: readonly KillTestBatch[],
  moment: KillMoment,
  kill: () => Promise<ProcessExit>,
): Promise<void> {
  const { link, ledger, batches } = run
  const from = link.requests.length
  // Settled at once, so a delivery the kill breaks is a result to check, not a rejection.
  const deliveries = waiting.map((batch) =>
    run.send(batch).then(
      (receipt) => {
        ledger.answered(batch.id, receipt)
        return null
      },
      (error: unknown) => error,
    ),
  )
  const probe = await openWriteProbe(run.config)
  await until(() => inImport(link, from).length > 0)
  const { delayMs, writing } = await waitForKillMoment(moment, run, probe)
  const closed = probe.close()
  // Which requests the server holds, read in the same tick as the kill.
  const held = inImport(link, from)
  const killed = kill()
  await closed
  const lost = link.requests
    .slice(from)
    .filter((r) => r.fault.kind === 'lose-response' && r.responseStatus === 200)
  ledger.killed({
    held: held.map((request) => batchOf(batches, request).id),
    receiptLost: lost.map((request) => batchOf(batches, request).id),
    delayMs,
    writing,
  })
  expect(await killed).toEqual({ code: null, signal: 'SIGKILL' })
  for (const error of await Promise.all(deliveries)) {
    if (error !== null) expect(error).toBeInstanceOf(TypeError)
  }
}

/** Waits for the kill's moment, then reads whether the store is being written. */
async function waitForKillMoment(
  moment: KillMoment,
  { ledger, random }: KillRun,
  probe: WriteProbe,
): Promise<{ delayMs: number; writing: boolean }> {
  const started = Date.now()
  const waited = () => Date.now() - started
  if (moment.kind === 'mid-write') {
    await untilAsync(() => probe.writing())
    return { delayMs: waited(), writing: true }
  }
  if (moment.kind === 'random') {
    await sleep(Math.floor(random() * MAX_KILL_DELAY_MS))
  } else {
    const before = ledger.receipted.size
    await until(() => ledger.receipted.size > before)
    await sleep(Math.floor(random() * 200))
  }
  return { delayMs: waited(), writing: await probe.writing() }
}

/** What the test learns of each batch across the kills, for the assertions and the log. */
export class KillLedger {
  /** The first receipt of each batch answered before a kill. */
  readonly receipted = new Map<string, SyncReceipt>()
  /** Batches the server answered with a receipt the link lost: they are stored. */
  readonly receiptLost = new Set<string>()
  /** Kills that found at least one batch whole at the server and unanswered. */
  killsMidImport = 0
  /** Kills that found a write transaction open in the store. */
  killsMidWrite = 0
  /** Held at a kill, next answered 'accepted': none of it had been stored. */
  rolledBack = 0
  /** Held at a kill, next answered 'duplicate': stored, but its receipt never left. */
  storedUnanswered = 0
  private readonly held = new Set<string>()
  private readonly kills: string[] = []

  killed(at: { held: string[]; receiptLost: string[]; delayMs: number; writing: boolean }) {
    if (at.held.length > 0) this.killsMidImport += 1
    if (at.writing) this.killsMidWrite += 1
    for (const id of at.held) this.held.add(id)
    for (const id of at.receiptLost) this.receiptLost.add(id)
    this.kills.push(
      `${at.delayMs} ms/${at.held.length} held/${at.writing ? 'writing' : 'not writing'}/` +
        `${this.receipted.size} receipted/${at.receiptLost.length} receipts lost`,
    )
  }

  answered(batchId: string, receipt: SyncReceipt): void {
    if (!this.receipted.has(batchId)) this.receipted.set(batchId, receipt)
    if (!this.held.delete(batchId)) return
    if (receipt.accepted === receipt.outcomes.length) this.rolledBack += 1
    if (receipt.duplicate === receipt.outcomes.length) this.storedUnanswered += 1
  }

  summary(): string {
    return (
      `kills (delay/held mid-import/store/receipted before/receipts lost): ` +
      `${this.kills.join(', ')}; ${this.killsMidImport} kills mid-import, ` +
      `${this.killsMidWrite} mid-write; held batches later answered accepted (nothing ` +
      `stored): ${this.rolledBack}, duplicate (stored, unanswered): ${this.storedUnanswered}`
    )
  }
}

/** POSTs whose every byte reached the server and that have no answer yet. */
function inImport(proxy: FaultProxy, from: number): ProxiedRequest[] {
  return proxy.requests
    .slice(from)
    .filter((r) => r.head.method === 'POST' && r.requestComplete && r.responseBytes === 0 && !r.cut)
}

/** The batch a request carries (its id is in the upload's manifest or the file's name). */
function batchOf(batches: readonly KillTestBatch[], request: ProxiedRequest): KillTestBatch {
  const id =
    request.head.path === SEALED_BATCHES
      ? readBatchManifest(new Uint8Array(request.body)).batchId
      : batches.find((b) => request.body.includes(`"${b.id}.langso-batch"`))?.id
  const batch = batches.find((b) => b.id === id)
  if (!batch) throw new Error(`no batch in ${request.head.method} ${request.head.path}`)
  return batch
}

function until(condition: () => boolean): Promise<void> {
  return untilAsync(async () => condition())
}

async function untilAsync(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    if (await condition()) return
    await sleep(2)
  }
  throw new Error('the condition never held')
}
