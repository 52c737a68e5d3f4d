import { parseArgs } from 'node:util'
import { type Clock, systemClock } from '../../shared/clock/clock'
import { AppError } from '../../shared/result'
import type { CliIo } from '../cli/cli-io'
import { ConfigError, describeStore, loadServerConfig } from '../config/server-config'
import { loadOrCreateProvinceKeys } from '../keys/province-keys'
import { openServerDatabase } from '../store/server-database'
import { SeedError } from './seed-errors'
import {
  SEED_DEFAULTS,
  type SeedProgress,
  type SeedReport,
  seedProvince,
} from './seed-province.service'

/**
 * `npm run seed:province -- [options]`: fills the configured store (LANGSO_DATA_DIR or
 * --data-dir, DATABASE_URL for PostgreSQL, as `npm run server`) with a generated province.
 * Returns the exit code: 0 done, 1 failed, 2 wrong usage.
 */

const USAGE = [
  'Cách dùng / Usage: npm run seed:province -- [options]',
  `  --households N        households to generate (default ${SEED_DEFAULTS.households})`,
  '  --communes N          communes taking part (default: one per 2,500 households, at most 100)',
  `  --seed S              same seed and options, same data (default ${SEED_DEFAULTS.seed})`,
  '  --province CODE       province to set up when the store has none (default 08)',
  `  --start YYYY-MM-DD    first day of the campaign (default ${SEED_DEFAULTS.startDate})`,
  `  --months N            length of the campaign (default ${SEED_DEFAULTS.months})`,
  '  --sync-days N         days between laptop syncs (default 1–10 by place; 30 seeds faster)',
  '  --data-dir DIR        the SQLite store folder (else LANGSO_DATA_DIR, ./data)',
  `  --admin-username U    first-run setup's admin (default ${SEED_DEFAULTS.adminUsername})`,
  '  --admin-password P    its password (default: generated and printed)',
  `  --server-url URL      address named by enrolment codes (default ${SEED_DEFAULTS.serverUrl})`,
]

const OPTIONS = {
  households: { type: 'string' },
  communes: { type: 'string' },
  seed: { type: 'string' },
  province: { type: 'string' },
  start: { type: 'string' },
  months: { type: 'string' },
  'sync-days': { type: 'string' },
  'data-dir': { type: 'string' },
  'admin-username': { type: 'string' },
  'admin-password': { type: 'string' },
  'server-url': { type: 'string' },
  help: { type: 'boolean' },
} as const

export async function runSeedProvince(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: Pick<CliIo, 'out' | 'err'>,
  clock: Clock = systemClock,
): Promise<number> {
  let values: ReturnType<typeof parse>
  try {
    values = parse(args)
  } catch (error) {
    io.err(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}`)
    for (const line of USAGE) io.err(line)
    return 2
  }
  if (values.help) {
    for (const line of USAGE) io.out(line)
    return 0
  }
  const dataDir = values['data-dir']
  let config: ReturnType<typeof loadServerConfig>
  try {
    config = loadServerConfig(dataDir ? { ...env, LANGSO_DATA_DIR: dataDir } : env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    io.err('Cấu hình máy chủ không hợp lệ / Invalid server configuration:')
    for (const problem of error.problems) io.err(`  - ${problem}`)
    return 1
  }
  const store = await openServerDatabase(config)
  try {
    io.out(`Làng Số — tạo dữ liệu tỉnh / seeding a province: ${describeStore(config)}`)
    const provinceKeys = await loadOrCreateProvinceKeys(config.dataDir, clock)
    const progress = progressPrinter(io)
    const report = await seedProvince(
      { db: store.db, dialect: store.dialect, clock, provinceKeys },
      {
        ...(values.households === undefined
          ? {}
          : { households: whole('households', values.households) }),
        ...(values.communes === undefined ? {} : { communes: whole('communes', values.communes) }),
        ...(values.seed === undefined ? {} : { seed: values.seed }),
        ...(values.province === undefined ? {} : { provinceCode: values.province }),
        ...(values.start === undefined ? {} : { startDate: values.start }),
        ...(values.months === undefined ? {} : { months: whole('months', values.months) }),
        ...(values['sync-days'] === undefined
          ? {}
          : { syncDays: whole('sync-days', values['sync-days']) }),
        ...(values['admin-username'] === undefined
          ? {}
          : { adminUsername: values['admin-username'] }),
        ...(values['admin-password'] === undefined
          ? {}
          : { adminPassword: values['admin-password'] }),
        ...(values['server-url'] === undefined ? {} : { serverUrl: values['server-url'] }),
        onProgress: progress,
      },
    )
    for (const line of summary(report)) io.out(line)
    return 0
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    io.err(`Lỗi / Error (${error.code}): ${error.message}`)
    return error instanceof SeedError && error.code === 'seed_invalid_option' ? 2 : 1
  } finally {
    await store.close()
  }
}

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values
}

function whole(option: string, text: string): number {
  const value = Number(text.replaceAll('_', ''))
  if (!Number.isInteger(value) || value < 1) {
    throw new SeedError('seed_invalid_option', `--${option} must be a whole number of at least 1`)
  }
  return value
}

const number = (n: number) => n.toLocaleString('vi-VN')

/** Prints progress at most every two seconds, and the last area. */
function progressPrinter(io: Pick<CliIo, 'out'>): (progress: SeedProgress) => void {
  let printedAt = -Infinity
  return (p) => {
    const last = p.households >= p.totalHouseholds
    if (!last && p.elapsedMs - printedAt < 2000) return
    printedAt = p.elapsedMs
    const rate = Math.round(p.households / Math.max(0.001, p.elapsedMs / 1000))
    io.out(
      `  ${number(p.households)} / ${number(p.totalHouseholds)} hộ / households · ${number(p.revisions)} bản ghi / revisions · ${number(rate)} hộ/giây / households/s`,
    )
  }
}

function summary(report: SeedReport): string[] {
  const seconds = report.householdsMs / 1000
  const lines = [
    `Xong / Done: ${report.province.code} ${report.province.name}`,
    `  Xã / Communes: ${number(report.communes)}   Thôn / Villages: ${number(report.villages)}`,
    `  Máy / Laptops: ${number(report.laptops)} (mới đăng ký / newly enrolled: ${number(report.laptopsEnrolled)})   Tổ viên / Team members: ${number(report.teamMembers)}`,
    `  Hộ / Households: ${number(report.households)}   Nhân khẩu / Members: ${number(report.members)}`,
    `  Lượt khảo sát / Visits: ${number(report.visits)}   Bản ghi / Revisions: ${number(report.revisions)} (nhận mới / accepted: ${number(report.accepted)}, đã có / duplicate: ${number(report.duplicate)})   Lô / Batches: ${number(report.batches)}`,
    `  Thời gian / Time: ${seconds.toFixed(1)} s — ${number(Math.round(report.households / Math.max(seconds, 0.001)))} hộ/giây / households/s`,
  ]
  if (report.setup) {
    lines.push(
      `Đã thiết lập tỉnh / Province set up. Quản trị / Admin: ${report.setup.username}`,
      ...(report.setup.generated
        ? [
            `  Mật khẩu / Password: ${report.setup.password}  (hãy đổi sau khi đăng nhập / change it after signing in)`,
          ]
        : []),
    )
  }
  return lines
}
