#!/usr/bin/env node
/**
 * `npm start`: builds the desktop app, makes sure an Electron-ABI build of better-sqlite3
 * exists in .electron-native/ (node_modules/better-sqlite3 stays the Node build that tests
 * and the server use), then launches Electron with LANGSO_SQLITE_BINDING pointing at it.
 * When the Electron runtime or the native build cannot be obtained, it says what is
 * missing and how to fix it, and exits 1.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const electronVersion = readJson(join(modules, 'electron', 'package.json')).version
const target = `electron-${electronVersion}-${process.platform}-${process.arch}`
const nativeRoot = join(root, '.electron-native')
const nativeDir = join(nativeRoot, target, 'better-sqlite3')
const nativeBinding = join(nativeDir, 'build', 'Release', 'better_sqlite3.node')
const nativeLog = join(nativeRoot, `${target}.log`)

/** Something the app needs could not be obtained; `fix` says what the user can do. */
class Missing extends Error {
  constructor(what, fix) {
    super(what)
    this.fix = fix
  }
}

rmSync(nativeLog, { force: true })
try {
  build()
  const electron = ensureElectronRuntime()
  const binding = ensureNativeSqlite()
  launch(electron, binding)
} catch (error) {
  if (!(error instanceof Missing)) throw error
  console.error(
    `\nLàng Số cannot start: ${error.message}. ${error.fix} ` +
      'Everything else (npm test, npm run server) works without it.\n',
  )
  process.exit(1)
}

function build() {
  const bin = join(
    modules,
    'electron-vite',
    readJson(join(modules, 'electron-vite', 'package.json')).bin['electron-vite'],
  )
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('\nLàng Số: the desktop build failed (see the errors above).\n')
    process.exit(result.status ?? 1)
  }
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
  saveLog('electron install.js', result)
  const executable = installed()
  if (executable) return executable
  throw new Missing(
    `the Electron ${electronVersion} runtime is not installed and could not be downloaded`,
    'It is fetched from GitHub (github.com/electron/electron/releases) on first start, so this ' +
      'machine needs network access to GitHub once (or set ELECTRON_MIRROR to a reachable mirror, ' +
      'or ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron), then run npm start again. ' +
      `Details are in ${relative(root, nativeLog)}.`,
  )
}

/** Path of an Electron-ABI better_sqlite3.node, built once per Electron version. */
function ensureNativeSqlite() {
  const marker = join(nativeDir, '.built-for')
  if (existsSync(nativeBinding) && existsSync(marker) && readFileSync(marker, 'utf8') === target) {
    return nativeBinding
  }
  console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (first start only)…`)
  rmSync(dirname(nativeDir), { recursive: true, force: true })
  mkdirSync(dirname(nativeDir), { recursive: true })
  const source = join(modules, 'better-sqlite3')
  // A copy, never node_modules/better-sqlite3 itself: Node (tests, server) needs its own ABI.
  cpSync(source, nativeDir, {
    recursive: true,
    filter: (path) => !`${relative(source, path)}${sep}`.startsWith(`build${sep}`),
  })

  const prebuilt = run('prebuild-install', [
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ])
  if (!prebuilt || !existsSync(nativeBinding)) {
    run('node-gyp', [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ])
  }
  if (!existsSync(nativeBinding)) {
    throw new Missing(
      `no build of better-sqlite3 for Electron ${electronVersion} could be obtained`,
      'A prebuilt one is downloaded from GitHub; failing that it is compiled, which needs the ' +
        'Electron headers from electronjs.org plus Python 3 and a C++ compiler (build-essential ' +
        'on Debian/Ubuntu, Xcode tools on macOS, Visual Studio Build Tools on Windows). Give the ' +
        'machine network access to github.com and electronjs.org or install those tools, then run ' +
        `npm start again. Details are in ${relative(root, nativeLog)}.`,
    )
  }
  writeFileSync(marker, target)
  return nativeBinding
}

/** Runs a build tool in the copy: the project's own install if present, else through npx. */
function run(tool, args) {
  const local = {
    'prebuild-install': join(modules, 'prebuild-install', 'bin.js'),
    'node-gyp': join(modules, 'node-gyp', 'bin', 'node-gyp.js'),
  }[tool]
  const [command, commandArgs] = existsSync(local)
    ? [process.execPath, [local, ...args]]
    : [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', tool, ...args]]
  const result = spawnSync(command, commandArgs, {
    cwd: nativeDir,
    stdio: 'pipe',
    encoding: 'utf8',
    timeout: 15 * 60_000,
    shell: process.platform === 'win32' && !existsSync(local),
  })
  saveLog(tool, result)
  return result.status === 0
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

function saveLog(step, result) {
  mkdirSync(nativeRoot, { recursive: true })
  const text = [
    `== ${step} (exit ${result.status ?? result.signal ?? result.error?.message})`,
    result.stdout ?? '',
    result.stderr ?? '',
    '',
  ].join('\n')
  writeFileSync(nativeLog, text, { flag: 'a' })
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}
