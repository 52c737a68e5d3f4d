#!/usr/bin/env node
/**
 * `npm run package [-- --win] [-- --linux]`: builds the desktop app and packages it with
 * electron-builder (electron-builder.yml) as a Windows NSIS installer (x64) and a Linux
 * AppImage (x64) in dist/. First it makes the Electron-ABI build of better-sqlite3 for each
 * target in .electron-native/ (the afterPack hook puts it in the package), never touching
 * node_modules. What cannot be downloaded is said in one paragraph, not a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  buildDesktop,
  ensureElectronNativeSqlite,
  explainMissing,
  Missing,
  readJson,
} from './electron-native.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const electronVersion = readJson(join(modules, 'electron', 'package.json')).version
const logFile = join(root, 'dist', 'package.log')

/** The targets: NSIS for Windows, AppImage for Linux, both x64. */
const TARGETS = {
  win: { platform: 'win32', arch: 'x64', flag: '--win', builder: 'nsis' },
  linux: { platform: 'linux', arch: 'x64', flag: '--linux', builder: 'AppImage' },
}
const asked = Object.keys(TARGETS).filter((name) => process.argv.includes(`--${name}`))
const targets = (asked.length > 0 ? asked : Object.keys(TARGETS)).map((name) => TARGETS[name])

try {
  buildDesktop(root)
  ensureIcons()
  for (const target of targets) {
    ensureElectronNativeSqlite({
      root,
      electronVersion,
      platform: target.platform,
      arch: target.arch,
    })
  }
  await runElectronBuilder()
  const artifacts = readdirSync(join(root, 'dist')).filter((f) => /\.(exe|AppImage)$/.test(f))
  console.log(`\nLàng Số packaged: ${artifacts.map((f) => `dist/${f}`).join(', ')}\n`)
} catch (error) {
  if (!(error instanceof Missing)) throw error
  console.error(explainMissing('be packaged', error))
  process.exit(1)
}

/** resources/icon.png and icon.ico are committed; made again if someone deleted them. */
function ensureIcons() {
  if (
    existsSync(join(root, 'resources', 'icon.png')) &&
    existsSync(join(root, 'resources', 'icon.ico'))
  ) {
    return
  }
  const made = spawnSync(process.execPath, [join(root, 'scripts', 'make-icons.mjs')], {
    cwd: root,
    stdio: 'inherit',
  })
  if (made.status !== 0) process.exit(made.status ?? 1)
}

/**
 * Runs electron-builder, its output going to dist/package.log and its progress lines
 * (the "•" ones) to the terminal. On failure, tells a download problem from anything else.
 */
async function runElectronBuilder() {
  mkdirSync(dirname(logFile), { recursive: true })
  rmSync(logFile, { force: true })
  const log = createWriteStream(logFile)
  const cli = join(modules, 'electron-builder', 'cli.js')
  const args = [cli, '--config', 'electron-builder.yml', '--publish', 'never']
  for (const target of targets) args.push(target.flag, target.builder)
  console.log(`Packaging with electron-builder (${targets.map((t) => t.builder).join(', ')})…`)
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const take = (chunk) => {
    const text = chunk.toString()
    output += text
    log.write(text)
    for (const line of text.split('\n')) if (line.trimStart().startsWith('•')) console.log(line)
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  const code = await new Promise((done) => child.on('close', done))
  await new Promise((done) => log.end(done))
  if (code === 0) return
  const where = relative(root, logFile)
  if (isDownloadFailure(output)) {
    throw new Missing(
      'electron-builder could not download what it packages with',
      `On first use it fetches the Electron ${electronVersion} runtime for each target ` +
        '(github.com/electron/electron/releases) and its tools — NSIS for the Windows installer, ' +
        'the AppImage kit for Linux (github.com/electron-userland/electron-builder-binaries) — and ' +
        'keeps them in its cache. Give this machine network access to github.com once (or set ' +
        'ELECTRON_MIRROR and ELECTRON_BUILDER_BINARIES_MIRROR to reachable mirrors), then run ' +
        `npm run package again. Details are in ${where}.`,
    )
  }
  throw new Missing(
    `electron-builder failed (exit ${code})`,
    `Its output is in ${where}; the last lines usually name the cause. Fix it and run npm run package again.`,
  )
}

function isDownloadFailure(text) {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|unable to download|cannot download|status code 40[34]|certificate/i.test(
    text,
  )
}
