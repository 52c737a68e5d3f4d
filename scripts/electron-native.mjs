/**
 * The Electron-ABI build of better-sqlite3, shared by `npm start` (scripts/start.mjs) and
 * `npm run package` (scripts/package.mjs). Electron has its own native ABI, so the app
 * cannot load the Node build in node_modules/better-sqlite3 — which tests and the server
 * need and which is never touched. The Electron build lives in a copy of the package under
 * .electron-native/electron-<version>-<platform>-<arch>/better-sqlite3/, fetched as a
 * prebuilt binary (prebuild-install) or, for the machine's own platform, compiled
 * (node-gyp against the Electron headers). The app is pointed at it through
 * better-sqlite3's `nativeBinding` option (LANGSO_SQLITE_BINDING), or it is copied into
 * the packaged app by scripts/after-pack.mjs.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

/** Something the app needs could not be obtained; `fix` says what the user can do. */
export class Missing extends Error {
  constructor(what, fix) {
    super(what)
    this.name = 'Missing'
    this.fix = fix
  }
}

/** `electron-45.4.1-linux-x64`: one folder per Electron version, platform and CPU. */
export function electronNativeTarget({ electronVersion, platform, arch }) {
  return `electron-${electronVersion}-${platform}-${arch}`
}

/** Where the Electron build for `target` lives under the project `root`. */
export function electronNativePaths(root, target) {
  const nativeRoot = join(root, '.electron-native')
  const packageDir = join(nativeRoot, target, 'better-sqlite3')
  return {
    nativeRoot,
    packageDir,
    binding: join(packageDir, 'build', 'Release', 'better_sqlite3.node'),
    marker: join(packageDir, '.built-for'),
    log: join(nativeRoot, `${target}.log`),
  }
}

/** Whether a finished build for `target` is there (the marker is written last). */
export function hasElectronNativeBuild(paths, target) {
  return (
    existsSync(paths.binding) &&
    existsSync(paths.marker) &&
    readFileSync(paths.marker, 'utf8') === target
  )
}

/**
 * Path of an Electron-ABI better_sqlite3.node for the given Electron version, platform
 * and CPU, made once and kept. A prebuilt binary is downloaded from GitHub; failing that,
 * and only for this machine's own platform, it is compiled. Throws Missing when neither
 * works, with the fix in one sentence.
 */
export function ensureElectronNativeSqlite({
  root,
  electronVersion,
  platform,
  arch,
  say = console.log,
}) {
  const target = electronNativeTarget({ electronVersion, platform, arch })
  const paths = electronNativePaths(root, target)
  if (hasElectronNativeBuild(paths, target)) return paths.binding
  say(
    `Preparing better-sqlite3 for Electron ${electronVersion} on ${platform}-${arch} (first time only)…`,
  )
  rmSync(dirname(paths.packageDir), { recursive: true, force: true })
  mkdirSync(dirname(paths.packageDir), { recursive: true })
  rmSync(paths.log, { force: true })
  const modules = join(root, 'node_modules')
  const source = join(modules, 'better-sqlite3')
  // A copy, never node_modules/better-sqlite3 itself: Node (tests, server) needs its own ABI.
  cpSync(source, paths.packageDir, {
    recursive: true,
    filter: (path) => !`${relative(source, path)}${sep}`.startsWith(`build${sep}`),
  })
  const tool = (name, args) => runTool(modules, paths, name, args)
  const prebuilt = tool('prebuild-install', [
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--platform',
    platform,
    '--arch',
    arch,
  ])
  const native = platform === process.platform && arch === process.arch
  if ((!prebuilt || !existsSync(paths.binding)) && native) {
    tool('node-gyp', [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ])
  }
  if (!existsSync(paths.binding)) {
    throw new Missing(
      `no build of better-sqlite3 for Electron ${electronVersion} on ${platform}-${arch} could be obtained`,
      'A prebuilt one is downloaded from GitHub (github.com/WiseLibs/better-sqlite3/releases); ' +
        (native
          ? 'failing that it is compiled, which needs the Electron headers from electronjs.org plus ' +
            'Python 3 and a C++ compiler (build-essential on Debian/Ubuntu, Visual Studio Build Tools ' +
            'on Windows). Give the machine network access to github.com and electronjs.org or install ' +
            'those tools, then run the command again.'
          : `for another platform it cannot be compiled here, so give the machine network access to ` +
            'github.com once (or build on that platform), then run the command again.') +
        ` Details are in ${relative(root, paths.log)}.`,
    )
  }
  writeFileSync(paths.marker, target)
  return paths.binding
}

/** Runs a build tool in the copy: the project's own install if present, else through npx. */
function runTool(modules, paths, tool, args) {
  const local = {
    'prebuild-install': join(modules, 'prebuild-install', 'bin.js'),
    'node-gyp': join(modules, 'node-gyp', 'bin', 'node-gyp.js'),
  }[tool]
  const [command, commandArgs] = existsSync(local)
    ? [process.execPath, [local, ...args]]
    : [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', tool, ...args]]
  const result = spawnSync(command, commandArgs, {
    cwd: paths.packageDir,
    stdio: 'pipe',
    encoding: 'utf8',
    timeout: 15 * 60_000,
    shell: process.platform === 'win32' && !existsSync(local),
  })
  appendLog(paths.log, tool, result)
  return result.status === 0
}

/** Appends a tool's output to a log file, so the one-paragraph failure can point at it. */
export function appendLog(file, step, result) {
  mkdirSync(dirname(file), { recursive: true })
  const text = [
    `== ${step} (exit ${result.status ?? result.signal ?? result.error?.message})`,
    result.stdout ?? '',
    result.stderr ?? '',
    '',
  ].join('\n')
  writeFileSync(file, text, { flag: 'a' })
}

/** The one paragraph printed instead of a stack trace. */
export function explainMissing(action, error, tail) {
  return `\nLàng Số cannot ${action}: ${error.message}. ${error.fix}${tail ? ` ${tail}` : ''}\n`
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** `electron-vite build` of the desktop app; a failed build ends the script with its status. */
export function buildDesktop(root) {
  const modules = join(root, 'node_modules')
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
