/**
 * Ingest throughput (npm run bench → npx tsx bench/ingest.bench.ts): households per second
 * for a sealed batch of 1,000 households (6 members each, realistic answers) imported
 * through the server's one import path (importSealedBatch: verify, decrypt, decompress,
 * decode, then ingestBatch in one transaction), on SQLite (a file store opened and migrated
 * as the server does) and on PostgreSQL (embedded, under /tmp). Beside them, the baselines:
 * the same rows (batch, revisions, households, members, visits) written raw — better-sqlite3
 * prepared statements in one transaction, and pg multi-row `insert … values`.
 *
 * Every run is a fresh batch id and fresh households (a new seed); the median of RUNS runs
 * is printed, after one warm-up. The split: open (crypto + decompress + decode), validate
 * (judgeRevision of every revision) and store (ingestBatch on the opened batch).
 *
 * Prints a table and writes bench-results/ingest.json. Figures only: no pass/fail.
 * Options: BENCH_RUNS=5, BENCH_HOUSEHOLDS=1000, BENCH_PG=0 (skip PostgreSQL).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import pg from 'pg'
import { sqliteFilePath } from '../src/server/config/server-config'
import { loadOrCreateProvinceKeys, PROVINCE_KEYS_FILE } from '../src/server/keys/province-keys'
import { findCommune } from '../src/server/places/official-units'
import type { ServerContext } from '../src/server/server-context'
import { setProvinceCode } from '../src/server/settings/server-settings'
import { openServerDatabase, type ServerStore } from '../src/server/store/server-database'
import { ingestBatch } from '../src/server/sync/ingest.service'
import { judgeRevision } from '../src/server/sync/revision-verdict'
import { importSealedBatch } from '../src/server/sync/sealed-import.service'
import { systemClock } from '../src/shared/clock/clock'
import type { HouseholdRevision } from '../src/shared/household/household-revision.schema'
import { newId } from '../src/shared/ids/uuid'
import { openBatch, sealBatch } from '../src/shared/sync/batch-codec.node.js'
import { exportPrivateKey } from '../src/shared/sync/device-signature.node.js'
import {
  DEVICE_KEY,
  knownDevice,
  openKeys,
  PROVINCE_ENCRYPTION_KEY,
  PROVINCE_SIGNING_KEY,
  sealKeys,
  type TestKeyPair,
} from '../tests/fixtures/batches/batch-keys'
import { builtinFormLookup, COMMUNE, CREATED_AT } from '../tests/fixtures/batches/hostile-corpus'
import { DEVICE_ID, realisticRevisions } from '../tests/fixtures/batches/realistic-households'
import {
  asDevicesSave,
  type RawRows,
  type RawSplit,
  rawPostgresInsert,
  rawRowsOf,
  rawSqliteInsert,
  rowBytes,
} from './ingest-bench.data'
import { startBenchPostgres } from './server-bench.data'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1000)
const WITH_PG = process.env.BENCH_PG !== '0'
const ROOT = process.cwd()

const cleanups: (() => Promise<unknown>)[] = []

const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN
}
const r1 = (n: number) => Math.round(n * 10) / 10

let seed = 1000
/** A fresh sealed batch: new batch id, new households, responses as devices save them. */
function freshBatch(): { bytes: Uint8Array; revisions: HouseholdRevision[]; batchId: string } {
  seed += 1
  const revisions = asDevicesSave(realisticRevisions({ count: HOUSEHOLDS, seed, members: 6 }))
  const batchId = newId()
  const bytes = sealBatch({
    batchId,
    deviceId: DEVICE_ID,
    communeCode: COMMUNE,
    createdAt: CREATED_AT,
    revisions,
    ...sealKeys(),
    forms: builtinFormLookup,
  })
  return { bytes, revisions, batchId }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await work()
  return performance.now() - t0
}

/** Writes the fixture province keys, so that batches sealed to them open here. */
async function writeKeyFile(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const pair = (key: TestKeyPair) => ({
    publicKey: key.publicBase64,
    privateKeyPkcs8: exportPrivateKey(key.privateKey),
  })
  const file = {
    format: 'langso-province-keys',
    version: 1,
    createdAt: '2025-11-01T00:00:00.000Z',
    signing: pair(PROVINCE_SIGNING_KEY),
    encryption: pair(PROVINCE_ENCRYPTION_KEY),
  }
  await writeFile(join(dataDir, PROVINCE_KEYS_FILE), JSON.stringify(file), { mode: 0o600 })
}

/** A migrated store set up as a province whose commune has the corpus device enrolled. */
async function provinceContext(store: ServerStore, dataDir: string): Promise<ServerContext> {
  const provinceCode = findCommune(COMMUNE)?.provinceCode
  if (!provinceCode) throw new Error(`commune ${COMMUNE} is not in the official list`)
  await setProvinceCode(store.db, provinceCode)
  await store.db
    .insertInto('devices')
    .values({
      id: DEVICE_ID,
      commune_code: COMMUNE,
      name: 'Bench laptop',
      public_key: DEVICE_KEY.publicBase64,
      enrolled_at: '2025-11-01T00:00:00.000Z',
      enrolment_id: null,
      last_contact_at: null,
      last_sync_at: null,
      pending_reported: null,
      app_version: null,
      status: 'active',
      revoked_at: null,
      revoked_by: null,
    })
    .execute()
  const provinceKeys = await loadOrCreateProvinceKeys(dataDir, systemClock)
  return { db: store.db, dialect: store.dialect, clock: systemClock, provinceKeys }
}

interface StoreFigures {
  store: string
  importMs: number
  openMs: number
  validateMs: number
  storeMs: number
  rawMs: number
  householdsPerSecond: number
  storeHouseholdsPerSecond: number
  rawHouseholdsPerSecond: number
  /** Full import ÷ raw insert. */
  importRatio: number
  /** ingestBatch alone ÷ raw insert. */
  storeRatio: number
  rows: number
  /** SQLite: median ms per table of the raw insert, and of its commit. */
  rawSplit: RawSplit | null
  /** UTF-8 bytes of the values written per household, per table. */
  bytesPerHousehold: Record<string, number>
}

/** Measures import, open, validate, store and the raw baseline on one store. */
async function measureStore(
  name: string,
  ctx: ServerContext,
  raw: (rows: RawRows) => Promise<RawSplit | null>,
): Promise<StoreFigures> {
  const importMs: number[] = []
  const openMs: number[] = []
  const validateMs: number[] = []
  const storeMs: number[] = []
  const rawMs: number[] = []
  const splits: RawSplit[] = []
  let bytes: Record<string, number> = {}
  const reader = {
    ...openKeys(),
    devicePublicKey: knownDevice(DEVICE_ID),
    forms: builtinFormLookup,
  }
  for (let run = 0; run <= RUNS; run++) {
    const keep = run > 0 // run 0 warms up
    const a = freshBatch()
    const full = await timed(() =>
      importSealedBatch(ctx, a.bytes, 'file', { caller: { kind: 'anonymous' } }),
    )
    const b = freshBatch()
    let opened: Awaited<ReturnType<typeof openBatch>> | undefined
    const open = await timed(async () => {
      opened = await openBatch(b.bytes, reader)
    })
    if (!opened) throw new Error('the batch did not open')
    const batch = {
      batchId: b.batchId,
      deviceId: DEVICE_ID,
      communeCode: COMMUNE,
      sentAt: CREATED_AT,
      revisions: opened.revisions,
    }
    const validate = await timed(async () => {
      for (const revision of batch.revisions) judgeRevision(batch, revision, builtinFormLookup)
    })
    let accepted = 0
    const store = await timed(async () => {
      const receipt = await ingestBatch(ctx, batch, { source: 'file', deviceCreatedAt: CREATED_AT })
      accepted = receipt.accepted
    })
    if (accepted !== HOUSEHOLDS) throw new Error(`${accepted} of ${HOUSEHOLDS} were accepted`)
    const rows = rawRowsOf(freshBatch().revisions, newId())
    bytes = rowBytes(rows)
    let split: RawSplit | null = null
    const rawTime = await timed(async () => {
      split = await raw(rows)
    })
    process.stderr.write(
      `  ${name} run ${run}${keep ? '' : ' (warm-up)'}: import ${Math.round(full)} ms, open ${Math.round(open)}, validate ${Math.round(validate)}, store ${Math.round(store)}, raw ${Math.round(rawTime)}\n`,
    )
    if (!keep) continue
    importMs.push(full)
    openMs.push(open)
    validateMs.push(validate)
    storeMs.push(store)
    rawMs.push(rawTime)
    if (split) splits.push(split)
  }
  const perSecond = (ms: number) => Math.round((HOUSEHOLDS / ms) * 1000)
  const households = await ctx.db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return {
    store: name,
    importMs: r1(median(importMs)),
    openMs: r1(median(openMs)),
    validateMs: r1(median(validateMs)),
    storeMs: r1(median(storeMs)),
    rawMs: r1(median(rawMs)),
    householdsPerSecond: perSecond(median(importMs)),
    storeHouseholdsPerSecond: perSecond(median(storeMs)),
    rawHouseholdsPerSecond: perSecond(median(rawMs)),
    importRatio: r1(median(importMs) / median(rawMs)),
    storeRatio: r1(median(storeMs) / median(rawMs)),
    rows: Number(households.n),
    rawSplit: splits[0] ? medianSplit(splits) : null,
    bytesPerHousehold: Object.fromEntries(
      Object.entries(bytes).map(([table, n]) => [table, Math.round(n / HOUSEHOLDS)]),
    ),
  }
}

function medianSplit(splits: readonly RawSplit[]): RawSplit {
  const keys = Object.keys(splits[0] ?? {}) as (keyof RawSplit)[]
  return Object.fromEntries(keys.map((k) => [k, r1(median(splits.map((s) => s[k])))])) as RawSplit
}

async function sqliteFigures(): Promise<StoreFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'langso-ingest-bench-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  const dataDir = join(dir, 'data')
  await writeKeyFile(dataDir)
  const store = await openServerDatabase({ dataDir, databaseUrl: null })
  cleanups.push(() => store.close())
  const ctx = await provinceContext(store, dataDir)
  // The baseline writes to its own migrated file, with the server's pragmas.
  const rawDir = join(dir, 'raw')
  const rawStore = await openServerDatabase({ dataDir: rawDir, databaseUrl: null })
  await rawStore.close()
  const db = new Database(sqliteFilePath({ dataDir: rawDir }))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  cleanups.push(async () => db.close())
  return measureStore('SQLite', ctx, async (rows) => rawSqliteInsert(db, rows))
}

async function postgresFigures(): Promise<StoreFigures> {
  const pgServer = await startBenchPostgres((stop) => cleanups.push(stop))
  const dir = await mkdtemp(join(tmpdir(), 'langso-ingest-bench-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  const dataDir = join(dir, 'data')
  await writeKeyFile(dataDir)
  const url = await pgServer.newDatabase('langso_ingest')
  const store = await openServerDatabase({ dataDir, databaseUrl: url })
  cleanups.push(() => store.close())
  const ctx = await provinceContext(store, dataDir)
  const rawUrl = await pgServer.newDatabase('langso_raw')
  const rawStore = await openServerDatabase({ dataDir, databaseUrl: rawUrl })
  await rawStore.close()
  const client = new pg.Client({ connectionString: rawUrl })
  await client.connect()
  cleanups.push(() => client.end())
  return measureStore('PostgreSQL', ctx, async (rows) => {
    await rawPostgresInsert(client, rows)
    return null
  })
}

function printTable(figures: StoreFigures[]): void {
  const head = [
    'store',
    'import ms',
    'hh/s',
    'open ms',
    'validate ms',
    'store ms',
    'store hh/s',
    'raw ms',
    'raw hh/s',
    'import÷raw',
    'store÷raw',
  ]
  const rows = figures.map((f) => [
    f.store,
    f.importMs,
    f.householdsPerSecond,
    f.openMs,
    f.validateMs,
    f.storeMs,
    f.storeHouseholdsPerSecond,
    f.rawMs,
    f.rawHouseholdsPerSecond,
    `${f.importRatio}×`,
    `${f.storeRatio}×`,
  ])
  const all = [head, ...rows].map((row) => row.map(String))
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)))
  for (const row of all) console.log(row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '))
}

/** What a household costs to write: its bytes per table, and the raw insert's time per table. */
function printVolume(f: StoreFigures): void {
  const total = Object.values(f.bytesPerHousehold).reduce((a, b) => a + b, 0)
  const tables = Object.entries(f.bytesPerHousehold)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ')
  console.log(`  ${f.store}: ${total} bytes of values per household (${tables})`)
  if (!f.rawSplit) return
  const sum = Object.values(f.rawSplit).reduce((a, b) => a + b, 0)
  const shares = Object.entries(f.rawSplit)
    .map(([part, ms]) => `${part} ${ms} ms (${Math.round((ms / sum) * 100)}%)`)
    .join(', ')
  console.log(`  ${f.store} raw insert by table: ${shares}`)
}

async function main(): Promise<void> {
  const started = performance.now()
  const load = loadavg()
  const figures = [await sqliteFigures()]
  if (WITH_PG) figures.push(await postgresFigures())
  console.log(
    `Ingest of a sealed batch of ${HOUSEHOLDS} households (6 members each), median of ${RUNS} runs (fresh batch and households each run):`,
  )
  printTable(figures)
  console.log(
    '  import = importSealedBatch (open + ingest); open = verify + decrypt + decompress + decode; validate = judgeRevision of every revision;',
  )
  console.log(
    '  store = ingestBatch on the opened batch (validation included); raw = the same rows by prepared statements (SQLite) or multi-row inserts (pg) in one transaction',
  )
  for (const f of figures) printVolume(f)
  const seconds = Math.round((performance.now() - started) / 1000)
  console.log(`bench took ${seconds} s; 1-minute load average before: ${r1(load[0] ?? 0)}`)
  const summary: Record<string, unknown> = {}
  for (const f of figures) {
    summary[f.store] = {
      householdsPerSecond: f.householdsPerSecond,
      importMs: f.importMs,
      rawHouseholdsPerSecond: f.rawHouseholdsPerSecond,
      importRatio: f.importRatio,
      storeRatio: f.storeRatio,
    }
  }
  await mkdir(join(ROOT, 'bench-results'), { recursive: true })
  await writeFile(
    join(ROOT, 'bench-results', 'ingest.json'),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: cpus().length, node: process.version, loadAverage: load },
        households: HOUSEHOLDS,
        runs: RUNS,
        summary,
        figures,
      },
      null,
      2,
    )}\n`,
  )
}

async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    await step().catch((error: unknown) => console.error('clean-up:', error))
  }
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
    process.exit(code)
  })
