/**
 * Province console at scale (npm run bench → npx tsx bench/province.bench.ts), issue 6's
 * figures with issue 8's baselines, on a generated province (src/server/seed) of
 * BENCH_PROVINCE_HOUSEHOLDS households (default 1,000,000), on SQLite and on PostgreSQL:
 * - the dashboard of the province and of its largest commune, and record searches (a common
 *   surname prefix, a full name, a phone number, a citizen id, real values of the store):
 *   median and p95 over HTTP, beside the naive way (a full scan of the stored responses
 *   through the shared indicator function; a `like` scan of households.search_text);
 * - a full XLSX export (create → poll → download): time, and the server's peak RSS in a
 *   server process of its own;
 * - ingest: sealed 1,000-household batches imported as console files, alone and while
 *   another client reads the province dashboard in a loop;
 * - the store's size on disk per household.
 * The server is a real child process (`node --import tsx src/server/main.ts`, as `npm run
 * server` runs it) on 127.0.0.1, port 0, signed in as the seeded province admin.
 *
 * Seeded stores are cached (see province-bench.data.ts): a million households take the
 * better part of an hour to seed per store, once. What the bench ingests is taken out again.
 * Prints tables and writes bench-results/province.json. Figures only: no pass/fail.
 * Options: BENCH_PROVINCE_HOUSEHOLDS=1000000, BENCH_PROVINCE_SCALES=10000,100000,1000000
 * (a scale curve; overrides the former), BENCH_PROVINCE_RUNS=20, BENCH_PROVINCE_NAIVE_RUNS
 * (3 up to 100,000 households, else 1), BENCH_PROVINCE_INGEST_BATCHES=5, BENCH_PROVINCE_SEED,
 * BENCH_PG=0 (skip PostgreSQL).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Kysely } from 'kysely'
import type { ServerDatabase } from '../src/server/store/server-database.types'
import {
  type ExportJob,
  HOUSEHOLD_SEARCH_WINDOW,
  type IndicatorScope,
} from '../src/shared/api/http.contract'
import { newId } from '../src/shared/ids/uuid'
import { generateDeviceKeyPair } from '../src/shared/sync/device-signature.node.js'
import { type ApiAnswer, dataOf } from '../tests/server/api-client'
import { ConsoleClient } from '../tests/server/auth/auth-test-kit'
import { HouseholdSeeder } from '../tests/support/seed-households'
import {
  BENCH_ADMIN,
  type CachedStore,
  openStore,
  postgresStore,
  sqliteStore,
  storeBytes,
  storeKey,
} from './province-bench.data'
import {
  ingestBatches,
  recordPendingIngest,
  type StoreCounts,
  storeCounts,
  undoPendingIngest,
} from './province-bench.ingest'
import {
  differingIndicators,
  largestCommune,
  naiveDashboard,
  naiveSearch,
  type SearchQuery,
  searchQueries,
  villageCodesOf,
} from './province-bench.queries'

const ROOT = process.cwd()
const SCALES = (
  process.env.BENCH_PROVINCE_SCALES ??
  process.env.BENCH_PROVINCE_HOUSEHOLDS ??
  '1000000'
)
  .split(',')
  .map((n) => Number(n.trim().replaceAll('_', '')))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b)
const RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 20)
const WARM_UP = 3
const INGEST_BATCHES = Number(process.env.BENCH_PROVINCE_INGEST_BATCHES ?? 5)
const BATCH_HOUSEHOLDS = 1000
const SEED = process.env.BENCH_PROVINCE_SEED ?? 'lang-so'
const WITH_PG = process.env.BENCH_PG !== '0'
const naiveRuns = (households: number) =>
  Number(process.env.BENCH_PROVINCE_NAIVE_RUNS ?? (households <= 100_000 ? 3 : 1))

const log = (line: string) => process.stderr.write(`${line}\n`)

// ---------------------------------------------------------------- clean-up

const children = new Set<ChildProcess>()
const cleanups: (() => Promise<unknown>)[] = []
let interrupted: NodeJS.Signals | null = null

async function cleanUp(): Promise<void> {
  for (const child of children) child.kill('SIGKILL')
  for (const step of cleanups.splice(0).reverse()) {
    await step().catch((error: unknown) => console.error('clean-up:', error))
  }
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

// ---------------------------------------------------------------- server child

interface ServerChild {
  pid: number
  url: string
  stop(): Promise<void>
}

const CONSOLE_LINE = /Console: (https?:\/\/[^\s/]+)\/?\s/

/** The server on `store`, as `npm run server` starts it, in a process of its own. */
function spawnServer(store: CachedStore, scratch: string): Promise<ServerChild> {
  if (interrupted) return Promise.reject(new Error(`interrupted (${interrupted})`))
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(LANGSO_|TLS_|DATABASE_URL$|PORT$|HOST$)/.test(key),
    ),
  )
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LANGSO_DATA_DIR: store.config.dataDir,
    // The console is not loaded by the bench: an absent folder is served as none.
    LANGSO_CONSOLE_DIR: join(scratch, 'no-console'),
    ...(store.config.databaseUrl ? { DATABASE_URL: store.config.databaseUrl } : {}),
  }
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(proc)
  proc.once('exit', () => children.delete(proc))
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    const exited = once(proc, 'exit')
    proc.kill('SIGTERM')
    const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(timer)
  }
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    let settled = false
    const fail = (why: string) => {
      if (settled) return
      settled = true
      void stop()
      reject(new Error(`server child: ${why}\n${err.slice(-2000)}`))
    }
    const timer = setTimeout(() => fail('not ready within 120 s'), 120_000)
    // Drained for as long as it lives: the server logs every request.
    proc.stdout?.on('data', (chunk: Buffer) => {
      if (settled) return
      out += chunk.toString('utf8')
      const match = CONSOLE_LINE.exec(out)
      if (!match?.[1] || !proc.pid) return
      settled = true
      clearTimeout(timer)
      resolve({ pid: proc.pid, url: match[1], stop })
    })
    proc.stderr?.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-4000)
    })
    proc.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`))
  })
}

/** VmRSS and its peak since start (VmHWM) of a process, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1])
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

/** Resets the process's peak RSS to its current RSS; false where the kernel does not allow it. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

// ---------------------------------------------------------------- statistics

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
}
const median = (samples: readonly number[]) => quantile(samples, 0.5)
const r1 = (n: number) => Math.round(n * 10) / 10
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0)
/** A ratio to two digits below 10, whole above. */
const shortRatio = (a: number, b: number) =>
  b > 0 && a / b >= 10 ? Math.round(a / b) : ratio(a, b)

interface Latency {
  runs: number
  medianMs: number
  p95Ms: number
}

const latencyOf = (samples: readonly number[]): Latency => ({
  runs: samples.length,
  medianMs: r1(median(samples)),
  p95Ms: r1(quantile(samples, 0.95)),
})

// ---------------------------------------------------------------- HTTP

/** A signed-in province admin (cookie and CSRF token) on one server. */
async function signIn(url: string): Promise<ConsoleClient> {
  const client = new ConsoleClient(url)
  dataOf('auth.signIn', await client.signIn(BENCH_ADMIN.username, BENCH_ADMIN.password))
  return client
}

/** One GET, timed from the request to the last byte of the answer; the body as JSON. */
async function timedGet(
  client: ConsoleClient,
  path: string,
): Promise<{ ms: number; answer: ApiAnswer }> {
  const started = performance.now()
  const res = await fetch(`${client.baseUrl}${path}`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
    signal: AbortSignal.timeout(600_000),
  })
  const text = await res.text()
  const ms = performance.now() - started
  return { ms, answer: { status: res.status, body: JSON.parse(text) } }
}

/** WARM_UP untimed calls, then RUNS timed ones; the last answer checked by `check`. */
async function measureGet<T>(
  client: ConsoleClient,
  path: string,
  check: (answer: ApiAnswer) => T,
): Promise<Latency & { data: T }> {
  const samples: number[] = []
  let last: ApiAnswer | null = null
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const { ms, answer } = await timedGet(client, path)
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`)
    if (run >= WARM_UP) samples.push(ms)
    last = answer
  }
  if (!last) throw new Error('no run')
  return { ...latencyOf(samples), data: check(last) }
}

// ---------------------------------------------------------------- export

interface ExportFigure {
  households: number
  members: number
  files: number
  megabytes: number
  generateMs: number
  downloadMs: number
  totalMs: number
  householdsPerSecond: number
  rssBeforeMb: number
  peakRssMb: number
}

/** A whole-province XLSX export on a fresh server child: create → poll → download → delete. */
async function measureExport(store: CachedStore, scratch: string): Promise<ExportFigure> {
  const child = await spawnServer(store, scratch)
  try {
    const client = await signIn(child.url)
    // Resets VmHWM to the current RSS (Linux), so that the peak read after is the export's.
    const hwmReset = resetPeak(child.pid)
    const rssBeforeMb = memoryOf(child.pid).rssMb
    let sampled = rssBeforeMb
    const sampler = setInterval(() => {
      try {
        sampled = Math.max(sampled, memoryOf(child.pid).rssMb)
      } catch {
        // The child died: the poll below reports it.
      }
    }, 100)
    try {
      const started = performance.now()
      let job = dataOf(
        'exports.create',
        await client.post('/api/v1/exports', { format: 'xlsx', filter: {} }),
      )
      let reported = performance.now()
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((go) => setTimeout(go, 250))
        job = dataOf('exports.get', await client.get(`/api/v1/exports/${job.id}`))
        if (performance.now() - reported > 30_000) {
          reported = performance.now()
          log(`    export ${job.phase ?? job.status}: ${Math.round(job.progress * 100)}%`)
        }
      }
      if (job.status !== 'done') throw new Error(`the export ended ${job.status}: ${job.error}`)
      const generated = performance.now()
      const bytes = await downloadAll(client, job)
      const done = performance.now()
      const peakRssMb = hwmReset ? memoryOf(child.pid).peakMb : sampled
      dataOf('exports.delete', await client.call('DELETE', `/api/v1/exports/${job.id}`))
      const totalMs = done - started
      return {
        households: job.householdsWritten,
        members: job.membersWritten,
        files: job.files.length,
        megabytes: r1(bytes / 1024 / 1024),
        generateMs: Math.round(generated - started),
        downloadMs: Math.round(done - generated),
        totalMs: Math.round(totalMs),
        householdsPerSecond: Math.round(job.householdsWritten / (totalMs / 1000)),
        rssBeforeMb: r1(rssBeforeMb),
        peakRssMb: r1(peakRssMb),
      }
    } finally {
      clearInterval(sampler)
    }
  } finally {
    await child.stop()
  }
}

/** Downloads every file of the job as a browser saves it; answers the bytes received. */
async function downloadAll(client: ConsoleClient, job: ExportJob): Promise<number> {
  let bytes = 0
  for (const file of job.files) {
    const res = await fetch(`${client.baseUrl}${file.url}`, {
      headers: client.cookie ? { cookie: client.cookie } : {},
    })
    if (res.status !== 200 || !res.body) throw new Error(`download of ${file.kind}: ${res.status}`)
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
    }
  }
  return bytes
}

// ---------------------------------------------------------------- ingest

interface IngestFigure {
  batches: number
  householdsPerBatch: number
  aloneHouseholdsPerSecond: number
  aloneBatchMs: number
  loadedHouseholdsPerSecond: number
  loadedBatchMs: number
  /** Throughput while the dashboard is read ÷ alone. */
  ratio: number
  /** The province dashboard as the other client saw it during the ingest. */
  readsDuring: Latency
}

/** Imports `bytes` as a console file (batches.importFile); answers the milliseconds. */
async function importFile(client: ConsoleClient, bytes: Uint8Array, name: string): Promise<number> {
  const body = { fileName: name, contentBase64: Buffer.from(bytes).toString('base64') }
  const started = performance.now()
  const answer = await client.post('/api/v1/batches/import', body)
  const ms = performance.now() - started
  const result = dataOf('batches.importFile', answer)
  if (result.receipt.accepted !== BATCH_HOUSEHOLDS) {
    throw new Error(`${result.receipt.accepted} of ${BATCH_HOUSEHOLDS} households were accepted`)
  }
  return ms
}

/**
 * Sealed batches of a laptop enrolled in `communeCode`, imported one after another: one to
 * warm up, INGEST_BATCHES alone, INGEST_BATCHES while a second client reads the province
 * dashboard back to back. Everything imported is recorded first, for the clean-up.
 */
async function measureIngest(
  store: CachedStore,
  db: Kysely<ServerDatabase>,
  client: ConsoleClient,
  communeCode: string,
): Promise<IngestFigure> {
  const laptop = { id: newId(), keys: generateDeviceKeyPair() }
  const seeder = await HouseholdSeeder.enrol({ url: client.baseUrl }, client, [laptop], communeCode)
  const batches = ingestBatches({
    count: 1 + 2 * INGEST_BATCHES,
    households: BATCH_HOUSEHOLDS,
    communeCode,
    villageCodes: await villageCodesOf(db, communeCode),
    deviceId: laptop.id,
    firstSeed: 70_000,
  })
  await recordPendingIngest(store, db, communeCode, batches)
  const sealed = batches.map((batch) => seeder.seal(batch))
  const [warmUp, ...rest] = sealed
  if (!warmUp) throw new Error('no batch')
  await importFile(client, warmUp, 'bench-warm-up.lsb')
  const reader = await signIn(client.baseUrl)
  const reads: number[] = []
  /** Runs `work` while the reader reads the province dashboard back to back. */
  const whileReading = async <T>(work: () => Promise<T>): Promise<T> => {
    let reading = true
    const readLoop = (async () => {
      while (reading) {
        const { ms, answer } = await timedGet(reader, '/api/v1/indicators/province')
        if (answer.status !== 200) throw new Error(`dashboard during ingest: ${answer.status}`)
        reads.push(ms)
      }
    })()
    try {
      return await work()
    } finally {
      reading = false
      await readLoop
    }
  }
  // Alone and with the reader in turn, so that other work on the machine weighs on both.
  const alone: number[] = []
  const loaded: number[] = []
  for (let i = 0; i < INGEST_BATCHES; i++) {
    const [a, b] = [rest[2 * i], rest[2 * i + 1]]
    if (!a || !b) throw new Error('missing batch')
    alone.push(await importFile(client, a, `bench-alone-${i}.lsb`))
    loaded.push(await whileReading(() => importFile(client, b, `bench-loaded-${i}.lsb`)))
  }
  const perSecond = (samples: number[]) =>
    Math.round((samples.length * BATCH_HOUSEHOLDS) / (samples.reduce((a, b) => a + b, 0) / 1000))
  return {
    batches: INGEST_BATCHES,
    householdsPerBatch: BATCH_HOUSEHOLDS,
    aloneHouseholdsPerSecond: perSecond(alone),
    aloneBatchMs: Math.round(median(alone)),
    loadedHouseholdsPerSecond: perSecond(loaded),
    loadedBatchMs: Math.round(median(loaded)),
    ratio: ratio(perSecond(loaded), perSecond(alone)),
    readsDuring: latencyOf(reads),
  }
}

// ---------------------------------------------------------------- one store

interface Compared extends Latency {
  name: string
  /** The search's short name (searches only). */
  key?: SearchQuery['key']
  naiveMs: number
  /** Naive ÷ server median. */
  naiveRatio: number
  /** Matches (search) as the server counted them, and as the naive scan did. */
  matches?: string
  naiveMatches?: string
  /** Dashboard: indicators whose numerator or denominator differ from the naive scan's. */
  differing?: string[]
}

interface StoreResult {
  store: CachedStore['label']
  households: number
  seededNow: boolean
  seedSeconds: number
  counts: StoreCounts
  communes: number
  villages: number
  /** On disk right after seeding: the size per household is taken from it. */
  seededBytes: number
  /** On disk now (a store the bench ingested into and cleaned keeps the freed space). */
  bytes: number
  usedBytes: number
  kbPerHousehold: number
  commune: { code: string; households: number }
  dashboards: Compared[]
  searches: Compared[]
  export: ExportFigure
  ingest: IngestFigure
  rssAfterStartMb: number
  peakRssMb: number
  undoneEarlierIngest: boolean
}

async function measureStore(store: CachedStore): Promise<StoreResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'langso-province-bench-'))
  cleanups.push(() => rm(scratch, { recursive: true, force: true }))
  const db = openStore(store)
  const began = performance.now()
  const step = (what: string) =>
    log(
      `  ${store.label} ${store.manifest.households}: ${what} (at ${Math.round((performance.now() - began) / 1000)} s)`,
    )
  try {
    const undoneEarlierIngest = await undoPendingIngest(store, db)
    if (undoneEarlierIngest) step('took out the households an earlier run had imported')
    const counts = await storeCounts(db)
    const size = await storeBytes(store, db)
    const commune = await largestCommune(db)
    const queries = await searchQueries(db)
    const households = store.manifest.households

    step('XLSX export…')
    const exported = await measureExport(store, scratch)

    const child = await spawnServer(store, scratch)
    let ingest: IngestFigure
    let dashboards: Compared[]
    let searches: Compared[]
    let rssAfterStartMb: number
    let peakRssMb: number
    try {
      const client = await signIn(child.url)
      rssAfterStartMb = memoryOf(child.pid).rssMb
      step('dashboards and searches…')
      dashboards = await compareDashboards(db, client, commune, households)
      searches = await compareSearches(db, client, queries, households)
      step('ingest…')
      ingest = await measureIngest(store, db, client, commune.code)
      peakRssMb = memoryOf(child.pid).peakMb
    } finally {
      await child.stop()
      step('taking the ingested households out…')
      // With no server on the store; should this fail, the next run tries again first.
      await undoPendingIngest(store, db).catch((error: unknown) =>
        log(
          `  the bench's households are still in the store (taken out next run): ${String(error)}`,
        ),
      )
    }
    return {
      store: store.label,
      households,
      seededNow: store.seededNow,
      seedSeconds: store.manifest.seedSeconds,
      counts,
      communes: store.manifest.report.communes,
      villages: store.manifest.report.villages,
      seededBytes: store.manifest.bytesAfterSeed,
      bytes: size.bytes,
      usedBytes: size.usedBytes,
      kbPerHousehold: r1(store.manifest.bytesAfterSeed / 1024 / store.manifest.report.households),
      commune,
      dashboards,
      searches,
      export: exported,
      ingest,
      rssAfterStartMb: r1(rssAfterStartMb),
      peakRssMb: r1(peakRssMb),
      undoneEarlierIngest,
    }
  } finally {
    await db.destroy()
  }
}

async function compareDashboards(
  db: Kysely<ServerDatabase>,
  client: ConsoleClient,
  commune: { code: string; households: number },
  households: number,
): Promise<Compared[]> {
  const scopes = [
    { name: 'dashboard: province', path: '/api/v1/indicators/province', communeCode: null },
    {
      name: `dashboard: commune ${commune.code} (${commune.households} households)`,
      path: `/api/v1/indicators/communes/${commune.code}`,
      communeCode: commune.code,
    },
  ]
  const out: Compared[] = []
  for (const scope of scopes) {
    const call = scope.communeCode ? 'indicators.commune' : 'indicators.province'
    const server = await measureGet(client, scope.path, (a): IndicatorScope => dataOf(call, a))
    const naive = []
    for (let run = 0; run < naiveRuns(households); run++) {
      naive.push(await naiveDashboard(db, scope.communeCode))
    }
    const naiveMs = median(naive.map((n) => n.ms))
    const { data, ...latency } = server
    out.push({
      name: scope.name,
      ...latency,
      naiveMs: Math.round(naiveMs),
      naiveRatio: shortRatio(naiveMs, latency.medianMs),
      differing: differingIndicators(data.totals.indicators, naive[0]?.totals ?? []),
    })
  }
  return out
}

async function compareSearches(
  db: Kysely<ServerDatabase>,
  client: ConsoleClient,
  queries: readonly SearchQuery[],
  households: number,
): Promise<Compared[]> {
  const out: Compared[] = []
  const limit = 50
  for (const query of queries) {
    const path = `/api/v1/households?q=${encodeURIComponent(query.q)}&limit=${limit}`
    const { data, ...latency } = await measureGet(client, path, (a) => dataOf('households.list', a))
    const naive = []
    for (let run = 0; run < naiveRuns(households); run++) {
      naive.push(await naiveSearch(db, query.q, HOUSEHOLD_SEARCH_WINDOW, limit))
    }
    const naiveMs = median(naive.map((n) => n.ms))
    const window = (total: number, capped: boolean) => `${total}${capped ? '+' : ''}`
    const naiveTotal = naive[0]?.total ?? 0
    out.push({
      name: `search: ${query.kind}`,
      key: query.key,
      ...latency,
      naiveMs: r1(naiveMs),
      naiveRatio: shortRatio(naiveMs, latency.medianMs),
      matches: window(data.total, data.totalCapped),
      naiveMatches: window(naiveTotal, naiveTotal >= HOUSEHOLD_SEARCH_WINDOW),
    })
  }
  return out
}

// ---------------------------------------------------------------- report

/** Rows as aligned columns: the first left-aligned, the others right-aligned. */
function table(rows: (string | number)[][], indent = '  '): string[] {
  const cells = rows.map((row) => row.map(String))
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)))
  return cells.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
  )
}

const n = (value: number) => value.toLocaleString('en-US')
const mb = (bytes: number) => r1(bytes / 1024 / 1024)

function storeLines(r: StoreResult): string[] {
  const e = r.export
  const i = r.ingest
  const seeded = r.seededNow
    ? `seeded now in ${r.seedSeconds} s`
    : `cached (seeded in ${r.seedSeconds} s)`
  return [
    `${r.store}, ${n(r.counts.households)} households, ${n(r.counts.members)} members, ${n(r.counts.visits)} visits, ${r.communes} communes, ${r.villages} villages (${seeded})`,
    `  store on disk after seeding: ${n(mb(r.seededBytes))} MB = ${r.kbPerHousehold} KB per household (${r.store === 'SQLite' ? 'the file, checkpointed' : 'pg_database_size, after vacuum analyze'}); now ${n(mb(r.bytes))} MB${r.bytes !== r.usedBytes ? `, ${n(mb(r.usedBytes))} MB of it in use` : ''}`,
    ...table([
      [
        'HTTP, province admin',
        'median ms',
        'p95 ms',
        'naive ms',
        'naive ÷ server',
        'matches',
        'naive matches',
      ],
      ...[...r.dashboards, ...r.searches].map((c) => [
        c.name,
        c.medianMs.toFixed(1),
        c.p95Ms.toFixed(1),
        n(c.naiveMs),
        `${c.naiveRatio}×`,
        c.matches ??
          (c.differing && c.differing.length > 0 ? `differs: ${c.differing.join(',')}` : 'same'),
        c.naiveMatches ?? '',
      ]),
    ]),
    `  (goals: dashboard < 100 ms, search < 50 ms; ${RUNS} runs after ${WARM_UP} warm-up; naive: ${naiveRuns(r.households)} run(s) in the bench process on its own connection — dashboard: every stored response through the shared householdContribution/indicatorValues, per place and month, "same" = its totals equal the server's; search: search_text like '%token%', counted to ${HOUSEHOLD_SEARCH_WINDOW} and paged as the console does; its matches differ where the console also finds a word among the village names)`,
    `  XLSX export of the whole province (goal: peak RSS < 300 MB): ${n(e.households)} households, ${n(e.members)} members, ${e.files} file(s) of ${n(e.megabytes)} MB in ${r1(e.totalMs / 1000)} s (generate ${r1(e.generateMs / 1000)} s, download ${r1(e.downloadMs / 1000)} s) = ${n(e.householdsPerSecond)} households/s; server RSS ${e.rssBeforeMb} MB before, peak ${e.peakRssMb} MB`,
    `  ingest, console file import of sealed ${n(i.householdsPerBatch)}-household batches ×${i.batches}: alone ${n(i.aloneHouseholdsPerSecond)} households/s (median batch ${n(i.aloneBatchMs)} ms); while another client reads the province dashboard in a loop ${n(i.loadedHouseholdsPerSecond)} households/s (median batch ${n(i.loadedBatchMs)} ms) = ${i.ratio}× alone`,
    `  the province dashboard during that ingest: median ${i.readsDuring.medianMs} ms, p95 ${i.readsDuring.p95Ms} ms over ${i.readsDuring.runs} reads (alone: ${r.dashboards[0]?.medianMs ?? '–'} ms)`,
    `  server RSS: ${r.rssAfterStartMb} MB after start and sign-in, peak ${r.peakRssMb} MB over the reads and the ingest`,
  ]
}

/** The figures that must grow no faster than the store, per scale. */
function curveLines(results: StoreResult[]): string[] {
  const lines: string[] = []
  for (const label of ['SQLite', 'PostgreSQL'] as const) {
    const rows = results
      .filter((r) => r.store === label)
      .sort((a, b) => a.households - b.households)
    if (rows.length < 2) continue
    const first = rows[0]
    const last = rows.at(-1)
    if (!first || !last) continue
    const figures: [string, (r: StoreResult) => number][] = [
      ['dashboard: province, median ms', (r) => r.dashboards[0]?.medianMs ?? 0],
      ['dashboard: commune, median ms', (r) => r.dashboards[1]?.medianMs ?? 0],
      ['search: slowest median ms', (r) => Math.max(...r.searches.map((s) => s.medianMs))],
      ['naive dashboard: province, ms', (r) => r.dashboards[0]?.naiveMs ?? 0],
      ['XLSX export, s', (r) => r1(r.export.totalMs / 1000)],
      [
        'XLSX export, µs per household',
        (r) => Math.round((r.export.totalMs * 1000) / r.export.households),
      ],
      ['XLSX export, peak RSS MB', (r) => r.export.peakRssMb],
      ['ingest alone, households/s', (r) => r.ingest.aloneHouseholdsPerSecond],
      ['ingest while reading, households/s', (r) => r.ingest.loadedHouseholdsPerSecond],
      ['store, KB per household', (r) => r.kbPerHousehold],
      ['server RSS after start, MB', (r) => r.rssAfterStartMb],
    ]
    lines.push(
      `${label}: scale curve (last column: the figure's growth for ×${r1(last.households / first.households)} households)`,
    )
    lines.push(
      ...table([
        ['figure', ...rows.map((r) => `${n(r.households)} hh`), 'growth'],
        ...figures.map(([name, of]) => [
          name,
          ...rows.map((r) => n(of(r))),
          `${ratio(of(last), of(first))}×`,
        ]),
      ]),
    )
  }
  return lines
}

function summaryOf(results: StoreResult[]): Record<string, unknown> {
  const summary: Record<string, unknown> = {}
  for (const r of results) {
    summary[`${r.store} ${r.households}`] = {
      dashboardProvinceMs: r.dashboards[0]?.medianMs,
      dashboardCommuneMs: r.dashboards[1]?.medianMs,
      dashboardNaiveRatio: r.dashboards[0]?.naiveRatio,
      searchMs: Object.fromEntries(r.searches.map((s) => [s.key, s.medianMs])),
      searchNaiveRatio: Object.fromEntries(r.searches.map((s) => [s.key, s.naiveRatio])),
      exportSeconds: r1(r.export.totalMs / 1000),
      exportPeakRssMb: r.export.peakRssMb,
      ingestPerSecond: r.ingest.aloneHouseholdsPerSecond,
      ingestReadingPerSecond: r.ingest.loadedHouseholdsPerSecond,
      ingestRatio: r.ingest.ratio,
      kbPerHousehold: r.kbPerHousehold,
    }
  }
  return summary
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = performance.now()
  const loadBefore = loadavg()[0] ?? 0
  if (SCALES.length === 0) throw new Error('BENCH_PROVINCE_SCALES / _HOUSEHOLDS name no scale')
  const results: StoreResult[] = []
  const skipped: Record<string, string> = {}
  const machine = () => ({
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    node: process.version,
    loadAverage: [r1(loadBefore), r1(loadavg()[0] ?? 0)],
  })
  const save = async () => {
    const json = { at: new Date().toISOString(), machine: machine(), seed: SEED, runs: RUNS }
    await mkdir(join(ROOT, 'bench-results'), { recursive: true })
    await writeFile(
      join(ROOT, 'bench-results', 'province.json'),
      `${JSON.stringify({ ...json, summary: summaryOf(results), skipped, results }, null, 2)}\n`,
    )
  }
  // Each store's figures are printed and saved as they come: a million-household run is long.
  const measured = async (result: StoreResult) => {
    results.push(result)
    console.log([...storeLines(result), ''].join('\n'))
    await save()
  }
  console.log(
    `Làng Số province bench — generated province (seed "${SEED}"), through the real server over HTTP`,
  )
  for (const households of SCALES) {
    const key = await storeKey(ROOT, households, SEED)
    log(`${households} households (store key ${key.key})`)
    const sqlite = await sqliteStore(ROOT, key, log)
    await measured(await measureStore(sqlite))
    if (!WITH_PG) continue
    let postgres: CachedStore | null = null
    try {
      postgres = await postgresStore(key, log, (stop) => cleanups.push(stop))
      await measured(await measureStore(postgres))
    } catch (error) {
      if (interrupted) throw error
      skipped[`PostgreSQL ${households}`] =
        error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
      log(`PostgreSQL ${households} skipped: ${skipped[`PostgreSQL ${households}`]}`)
    } finally {
      await postgres?.close()
    }
  }
  const seconds = Math.round((performance.now() - started) / 1000)
  const loadAfter = loadavg()[0] ?? 0
  const lines = [
    ...curveLines(results),
    ...Object.entries(skipped).map(([what, why]) => `${what}: skipped (${why})`),
    `bench took ${seconds} s; 1-minute load average ${r1(loadBefore)} before, ${r1(loadAfter)} after on ${cpus().length} cores${loadBefore > cpus().length / 2 ? ' — other work was running on this machine: the figures are noisy' : ''}`,
  ]
  console.log(lines.join('\n'))
  await save()
}

// Ctrl+C: end the server children so that the run fails fast and cleans up on its usual
// path (the store's clean-up runs there, or at the next start); a second Ctrl+C forces it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      void cleanUp().finally(() => process.exit(130))
      return
    }
    interrupted = signal
    log(`${signal}: stopping…`)
    for (const child of children) child.kill('SIGKILL')
  })
}

main()
  .then(
    () => 0,
    (error: unknown) => {
      console.error(error)
      return 1
    },
  )
  .then(async (code) => {
    await cleanUp()
    process.exit(interrupted ? 130 : code)
  })
