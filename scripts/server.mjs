// `npm run server [-- command]`: serving needs the built console, so `serve` (the default)
// builds it first; one-off commands (status, user:create, …) go straight to the CLI.
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const command = args[0] ?? 'serve'
const run = (cmd, cmdArgs) =>
  spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32' })

if (command === 'serve') {
  const build = run('npx', ['vite', 'build', '-c', 'vite.console.config.ts', '--logLevel', 'warn'])
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const server = run('npx', ['tsx', 'src/server/main.ts', ...args])
process.exit(server.status ?? 1)
