#!/usr/bin/env node
/**
 * `npm start`: builds the desktop app, makes sure an Electron-ABI build of better-sqlite3
 * exists in .electron-native/ (node_modules/better-sqlite3 stays the Node build that tests
 * and the server use), then launches Electron with LANGSO_SQLITE_BINDING pointing at it.
 * When the Electron runtime or the native build cannot be obtained, it says what is
 * missing and how to fix it in one paragraph, and exits 1.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  appendLog,
  buildDesktop,
  electronNativePaths,
  electronNativeTarget,
  ensureElectronNativeSqlite,
  explainMissing,
  Missing,
  readJson,
} from './electron-native.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const electronVersion = readJson(join(modules, 'electron', 'package.json')).version
const here = { electronVersion, platform: process.platform, arch: process.arch }
const runtimeLog = electronNativePaths(root, electronNativeTarget(here)).log
rmSync(runtimeLog, { force: true })

try {
  buildDesktop(root)
  const electron = ensureElectronRuntime()
  const binding = ensureElectronNativeSqlite({ root, ...here })
  launch(electron, binding)
} catch (error) {
  if (!(error instanceof Missing)) throw error
  console.error(
    explainMissing('start', error, 'Everything else (npm test, npm run server) works without it.'),
  )
  process.exit(1)
}

/** Path of the Electron executable, downloading the runtime on first use. */
function ensureElectronRuntime() {
  const electronDir = join(modules, 'electron')
  const installed = () => {
    const pathFile = join(electronDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const name = readFileSync(pathFile, 'utf8')
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
    const executable = join(distDir, name)
    return existsSync(executable) ? executable : null
  }
  const found = installed()
  if (found) return found
  console.log(`Downloading the Electron ${electronVersion} runtime (first start only)…`)
  // The installer prints a stack trace when offline; keep it out of the user's way.
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'pipe',
    encoding: 'utf8',
    timeout: 10 * 60_000,
  })
  appendLog(runtimeLog, 'electron install.js', result)
  const executable = installed()
  if (executable) return executable
  throw new Missing(
    `the Electron ${electronVersion} runtime is not installed and could not be downloaded`,
    'It is fetched from GitHub (github.com/electron/electron/releases) on first start, so this ' +
      'machine needs network access to GitHub once (or set ELECTRON_MIRROR to a reachable mirror, ' +
      'or ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron), then run npm start again. ' +
      `Details are in ${relative(root, runtimeLog)}.`,
  )
}

function launch(electron, binding) {
  const env = { ...process.env, LANGSO_SQLITE_BINDING: binding }
  // Set by some tools; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal))
  }
  child.on('error', (error) => {
    console.error(`\nLàng Số: Electron could not be started (${error.message}).\n`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
