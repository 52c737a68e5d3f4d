/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after another (so
 * that they do not compete for the two cores), then prints the summary each wrote to
 * bench-results/. Benchmarks print figures; they never pass or fail on time.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const benchDir = join(process.cwd(), 'bench')
const only = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort()

let failed = 0
for (const file of files) {
  console.log(`\n=== ${file} ===`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (run.status !== 0) {
    failed += 1
    console.error(`${file} exited with ${run.status ?? run.signal}`)
  }
}

const resultsDir = join(process.cwd(), 'bench-results')
if (existsSync(resultsDir)) {
  console.log('\n=== Summary (bench-results/*.json) ===')
  for (const file of readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as { summary?: unknown }
    console.log(`${file}: ${JSON.stringify(data.summary ?? data)}`)
  }
}
process.exit(failed === 0 ? 0 : 1)
