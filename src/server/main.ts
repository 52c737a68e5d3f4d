import { ConfigError, describeStore, loadServerConfig } from './config/server-config'
import { startServer } from './server'

/**
 * `npm run server`: starts the provincial server from environment variables and keeps it
 * running until SIGINT/SIGTERM. A bad configuration is explained and exits with code 1.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadServerConfig>
  try {
    config = loadServerConfig(process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error('Cấu hình máy chủ không hợp lệ / Invalid server configuration:')
    for (const problem of error.problems) console.error(`  - ${problem}`)
    process.exit(1)
  }

  const server = await startServer(config, { logger: { level: 'info' } })
  const store = describeStore(config)
  console.log(`Làng Số — máy chủ tỉnh đang chạy. Giao diện quản trị: ${server.url}/`)
  console.log(`  Kho dữ liệu: ${store}`)
  console.log(`Làng Số — provincial server is running. Console: ${server.url}/`)
  console.log(`  Store: ${store}`)

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

main().catch((error: unknown) => {
  console.error('Máy chủ không khởi động được / The server could not start:')
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
