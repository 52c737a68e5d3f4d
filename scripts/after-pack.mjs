/**
 * electron-builder afterPack hook (electron-builder.yml): puts the Electron-ABI build of
 * better-sqlite3 for the platform being packaged into the unpacked copy of the package,
 * replacing the Node build that was copied from node_modules. scripts/package.mjs has
 * made the Electron builds in .electron-native/ before electron-builder runs.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  electronNativePaths,
  electronNativeTarget,
  hasElectronNativeBuild,
  readJson,
} from './electron-native.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** builder-util's Arch enum, by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

/** Where the packaged app keeps the unpacked addon, relative to its resources folder. */
export const UNPACKED_ADDON = [
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
]

export async function afterPack(context) {
  const platform = context.electronPlatformName
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch)
  const electronVersion = readJson(join(root, 'node_modules', 'electron', 'package.json')).version
  const target = electronNativeTarget({ electronVersion, platform, arch })
  const paths = electronNativePaths(root, target)
  if (!hasElectronNativeBuild(paths, target)) {
    throw new Error(
      `no Electron build of better-sqlite3 for ${target} in .electron-native/: package with npm run package, which prepares it`,
    )
  }
  const resources =
    platform === 'darwin'
      ? join(
          context.appOutDir,
          `${context.packager.appInfo.productFilename}.app`,
          'Contents',
          'Resources',
        )
      : join(context.appOutDir, 'resources')
  if (!existsSync(join(resources, 'app.asar'))) {
    throw new Error(`${resources}/app.asar is missing: electron-builder.yml must keep asar: true`)
  }
  const addon = join(resources, ...UNPACKED_ADDON)
  mkdirSync(dirname(addon), { recursive: true })
  copyFileSync(paths.binding, addon)
  // Build leftovers of the Node build have no use in the app.
  rmSync(join(dirname(addon), 'obj.target'), { recursive: true, force: true })
  rmSync(join(dirname(addon), 'test_extension.node'), { force: true })
  console.log(`  • better-sqlite3 for ${target} → ${addon}`)
}

export default afterPack
