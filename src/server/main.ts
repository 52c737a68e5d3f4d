import { runCli } from './cli/cli'
import { processIo } from './cli/cli-io'
import { ConfigError, describeStore, loadServerConfig } from './config/server-config'
import { serverLogger } from './http/request-log'
import { startServer } from './server'

/**
 * `npm run server -- [command]`: with no command (or `serve`) starts the provincial
 * server and keeps it running until SIGINT/SIGTERM; other commands (status, user:create,
 * …) run once against the store and exit. A bad configuration is explained, exit code 1.
 */
async function main(): Promise<void> {
  const [command = 'serve', ...args] = process.argv.slice(2)
  if (command !== 'serve') {
    process.exitCode = await runCli(command, args, process.env, processIo())
    return
  }
  await serve()
}

async function serve(): Promise<void> {
  let config: ReturnType<typeof loadServerConfig>
  try {
    config = loadServerConfig(process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    printConfigProblems(error)
    process.exit(1)
  }

  const server = await startServer(config, { logger: serverLogger('info') })
  const store = describeStore(config)
  console.log(`Làng Số — máy chủ tỉnh đang chạy. Giao diện quản trị: ${server.url}/`)
  console.log(`  Kho dữ liệu: ${store}`)
  console.log(`Làng Số — provincial server is running. Console: ${server.url}/`)
  console.log(`  Store: ${store}`)
  if (server.setupUrl) {
    console.log(`Thiết lập lần đầu / First-run setup: ${server.setupUrl}`)
    console.log('  (liên kết dùng một lần, hết hạn sau 24 giờ / one-time link, valid for 24 hours)')
  }

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`Đang dừng máy chủ… / Stopping the server (${signal})…`)
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Lỗi khi dừng máy chủ / Error while stopping the server:', error)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function printConfigProblems(error: ConfigError): void {
  console.error('Cấu hình máy chủ không hợp lệ / Invalid server configuration:')
  for (const problem of error.problems) console.error(`  - ${problem}`)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    printConfigProblems(error)
  } else {
    console.error('Máy chủ không khởi động được / The server could not start:')
    console.error(error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
