/**
 * Desktop export of a batch file (npm run bench → npx tsx bench/desktop-export.bench.ts):
 * the time the laptop takes to seal every pending revision into one file for a USB stick,
 * through the main process's own path (sync.service exportBatchFile: read the outbox,
 * decrypt the sealed fields, seal, store the batch and its revision list), on a desktop
 * store of BENCH_HOUSEHOLDS (5,000) finalized households of 6 members, enrolled locally.
 * Exports keep the revisions pending, so each run exports the same 5,000 again.
 *
 * Prints ms (median of BENCH_RUNS, 3) and file bytes per household, with the split
 * (outbox read); writes bench-results/desktop-export.json. Figures only. BENCH_DB=path keeps
 * the built store there and reuses it on the next run.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { silentLogger } from '../src/main/app/logger'
import { closeMainContext, type MainContext, openMainContext } from '../src/main/context'
import { fixedTestKeyProvider } from '../src/main/crypto/test-key-provider'
import { startDraft, updateDraftAnswers } from '../src/main/drafts/draft.service'
import { finalizeDraft } from '../src/main/drafts/draft-finalize.service'
import { takePendingRevisions } from '../src/main/sync/outbox.repository'
import { exportBatchFile } from '../src/main/sync/sync.service'
import { newId } from '../src/shared/ids/uuid'
import { DEFAULT_BATCH_LIMITS } from '../src/shared/sync/batch-codec.node.js'
import { enrolLocally, makeTestProvince } from '../tests/main/device/device-test-kit'
import { BENCH_VILLAGES, makeBenchHousehold, seededRandom } from './desktop-bench.data'

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 5_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const MEMBERS = 6
/** Keep the built store at this path and reuse it on the next run (for tuning). */
const KEEP_DB = process.env.BENCH_DB

const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN
}
const r1 = (n: number) => Math.round(n * 10) / 10

async function build(ctx: MainContext): Promise<number> {
  const random = seededRandom(20251124)
  const started = performance.now()
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const villageCode = BENCH_VILLAGES[i % BENCH_VILLAGES.length] ?? ''
    const response = makeBenchHousehold(random, newId, villageCode, MEMBERS)
    const draft = await startDraft(ctx, { villageCode })
    await updateDraftAnswers(ctx, { id: draft.id, response, cursor: null })
    const saved = await finalizeDraft(ctx, { id: draft.id, confirmWarnings: true })
    if (saved.status !== 'saved') throw new Error(`build: ${JSON.stringify(saved)}`)
    if ((i + 1) % 1000 === 0) process.stderr.write(`  built ${i + 1} households\n`)
  }
  return (performance.now() - started) / 1000
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'langso-export-bench-'))
  const reuse = KEEP_DB !== undefined && existsSync(KEEP_DB)
  const load = loadavg()
  const ctx = await openMainContext({
    dbPath: KEEP_DB ?? join(dir, 'langso.sqlite'),
    keyProvider: fixedTestKeyProvider('bench'),
    log: silentLogger,
  })
  try {
    let buildSeconds = 0
    if (!reuse) {
      await enrolLocally(ctx, makeTestProvince(), 'http://127.0.0.1:9')
      process.stderr.write(`building ${HOUSEHOLDS} households…\n`)
      buildSeconds = await build(ctx)
    }
    const totals: number[] = []
    const reads: number[] = []
    let bytes = 0
    let revisions = 0
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now()
      await takePendingRevisions(ctx.db, DEFAULT_BATCH_LIMITS.maxRevisions)
      reads.push(performance.now() - t0)
      const t1 = performance.now()
      const exported = await exportBatchFile(ctx)
      totals.push(performance.now() - t1)
      bytes = Buffer.from(exported.bytesBase64, 'base64').length
      revisions = exported.revisions
      process.stderr.write(`  export ${run + 1}: ${Math.round(totals.at(-1) ?? 0)} ms\n`)
    }
    if (revisions !== HOUSEHOLDS) throw new Error(`exported ${revisions} of ${HOUSEHOLDS}`)
    const figures = {
      households: HOUSEHOLDS,
      members: MEMBERS,
      exportMs: r1(median(totals)),
      outboxReadMs: r1(median(reads)),
      fileBytes: bytes,
      bytesPerHousehold: Math.round(bytes / HOUSEHOLDS),
      householdsPerSecond: Math.round((HOUSEHOLDS / median(totals)) * 1000),
    }
    console.log(
      `Desktop export of ${HOUSEHOLDS} households (${MEMBERS} members each) to one sealed file, median of ${RUNS}:`,
    )
    console.log(
      `  exportBatchFile ${figures.exportMs} ms (${figures.householdsPerSecond} households/s), of which reading the outbox ${figures.outboxReadMs} ms; file ${bytes} bytes = ${figures.bytesPerHousehold} bytes/household`,
    )
    console.log(
      `  store built in ${r1(buildSeconds)} s through drafts and finalize; 1-minute load average before: ${r1(load[0] ?? 0)}`,
    )
    await mkdir(join(process.cwd(), 'bench-results'), { recursive: true })
    await writeFile(
      join(process.cwd(), 'bench-results', 'desktop-export.json'),
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          machine: { cpus: cpus().length, node: process.version, loadAverage: load },
          summary: {
            exportMs: figures.exportMs,
            bytesPerHousehold: figures.bytesPerHousehold,
            householdsPerSecond: figures.householdsPerSecond,
          },
          figures,
        },
        null,
        2,
      )}\n`,
    )
  } finally {
    await closeMainContext(ctx)
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
