import { processIo } from '../cli/cli-io'
import { runSeedProvince } from './seed-province.command'

/** `npm run seed:province -- [options]`: see seed-province.command.ts. */
runSeedProvince(process.argv.slice(2), process.env, processIo()).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error('Không tạo được dữ liệu / Seeding failed:')
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exitCode = 1
  },
)
