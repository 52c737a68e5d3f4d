import { parseArgs } from 'node:util'
import { type Clock, systemClock } from '../../shared/clock/clock'
import { AppError } from '../../shared/result'
import { issueSetupToken } from '../auth/setup.service'
import { ConfigError, loadServerConfig, type ServerConfig } from '../config/server-config'
import { setupLink } from '../server'
import { openServerDatabase } from '../store/server-database'
import { batchImportCommand } from './batch-import.command'
import { CliUsageError } from './cli-errors'
import type { CliIo } from './cli-io'
import { collectStatus, formatStatus } from './status.command'
import { type CliStore, userCreateCommand, userResetPasswordCommand } from './user.commands'

/** The commands besides `serve`, with their one-line help. */
export const CLI_COMMANDS = {
  status: 'status [--json]                     store, province, counts, setup pending?',
  'user:create':
    'user:create --username U --role R [--commune C] [--display-name N] [--province P]',
  'user:reset-password': 'user:reset-password --username U   (new password from stdin)',
  'setup:link': 'setup:link                          print a new one-time first-run setup link',
  'batch:import': 'batch:import <file>                 import a sealed batch file (USB stick)',
  help: 'help                                this list',
} as const

const USAGE = [
  'Cách dùng / Usage: npm run server -- <command>',
  '  serve                               start the server (default)',
  ...Object.values(CLI_COMMANDS).map((line) => `  ${line}`),
  'Roles: province_admin, province_staff, commune_viewer (needs --commune).',
  'Passwords are read from stdin (first line) or typed twice on a terminal.',
]

/**
 * Runs one administrative command against the configured store and returns the exit
 * code: 0 done, 1 failed (bad configuration, store or rule), 2 wrong usage. Errors are
 * printed as one line each, never as a stack.
 */
export async function runCli(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  clock: Clock = systemClock,
): Promise<number> {
  if (command === 'help' || command === '--help' || command === '-h') {
    for (const line of USAGE) io.out(line)
    return 0
  }
  if (!(command in CLI_COMMANDS)) {
    io.err(`Lệnh không rõ / Unknown command: ${command}`)
    for (const line of USAGE) io.err(line)
    return 2
  }
  let config: ServerConfig
  try {
    config = loadServerConfig(env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    io.err('Cấu hình máy chủ không hợp lệ / Invalid server configuration:')
    for (const problem of error.problems) io.err(`  - ${problem}`)
    return 1
  }
  const store = await openServerDatabase(config)
  try {
    await dispatch(command, args, config, { db: store.db, clock }, io)
    return 0
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    io.err(`Lỗi / Error (${error.code}): ${error.message}`)
    return error instanceof CliUsageError ? 2 : 1
  } finally {
    await store.close()
  }
}

async function dispatch(
  command: string,
  args: string[],
  config: ServerConfig,
  store: CliStore,
  io: CliIo,
): Promise<void> {
  switch (command) {
    case 'status': {
      const { values } = parse(args, { json: { type: 'boolean' } })
      const status = await collectStatus(store.db, config)
      if (values.json) io.out(JSON.stringify(status))
      else for (const line of formatStatus(status)) io.out(line)
      return
    }
    case 'user:create': {
      const { values } = parse(args, {
        username: { type: 'string' },
        role: { type: 'string' },
        commune: { type: 'string' },
        'display-name': { type: 'string' },
        province: { type: 'string' },
      })
      const id = await userCreateCommand(
        store,
        { ...values, displayName: values['display-name'] },
        io,
      )
      io.out(`Đã tạo người dùng / User created: ${values.username} (${id})`)
      return
    }
    case 'user:reset-password': {
      const { values } = parse(args, { username: { type: 'string' } })
      const { sessionsEnded } = await userResetPasswordCommand(store, values, io)
      io.out(`Đã đặt lại mật khẩu / Password reset: ${values.username}`)
      io.out(`  Phiên đăng nhập đã kết thúc / Sessions ended: ${sessionsEnded}`)
      return
    }
    case 'batch:import': {
      const [file, ...extra] = args
      if (!file || extra.length > 0) throw new CliUsageError('Usage: batch:import <file>')
      await batchImportCommand(store, config, file, io)
      return
    }
    case 'setup:link': {
      parse(args, {})
      const token = await issueSetupToken(store.db, store.clock)
      if (!token) throw new CliUsageError('This server is already set up: there are users')
      io.out(`Thiết lập lần đầu / First-run setup: ${setupLink(baseUrl(config), token)}`)
      return
    }
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>

function parse<O extends OptionSpec>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false })
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error))
  }
}

/** Where people reach the server: LANGSO_PUBLIC_URL, else the configured host and port. */
function baseUrl(config: ServerConfig): string {
  if (config.publicUrl) return config.publicUrl
  const anyHost = config.host === '0.0.0.0' || config.host === '::'
  const host = anyHost ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host
  return `${config.tls ? 'https' : 'http'}://${host}:${config.port}`
}
