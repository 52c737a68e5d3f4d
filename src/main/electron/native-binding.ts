import { join } from 'node:path'

/** Where the better-sqlite3 addon lives inside a packaged app: unpacked beside app.asar. */
export const PACKAGED_ADDON = [
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
] as const

export interface NativeBindingInputs {
  /** LANGSO_SQLITE_BINDING: the Electron-ABI build `npm start` made in .electron-native/. */
  envBinding: string | undefined
  /** app.isPackaged */
  isPackaged: boolean
  /** process.resourcesPath of the packaged app */
  resourcesPath: string
}

/**
 * Which better-sqlite3 addon the Electron main process loads (better-sqlite3's
 * `nativeBinding` option). A packaged app loads the Electron build unpacked from the asar
 * (an addon cannot be loaded from inside an archive); `npm start` names its Electron-ABI
 * copy in LANGSO_SQLITE_BINDING, so node_modules keeps the Node build that tests and the
 * server use; undefined means better-sqlite3's own lookup (plain Node).
 */
export function selectNativeBinding(inputs: NativeBindingInputs): string | undefined {
  // A packaged app never takes an addon path from the environment: that would let anyone
  // who can set a variable load native code into the process holding the data key.
  if (inputs.isPackaged) return join(inputs.resourcesPath, ...PACKAGED_ADDON)
  const fromEnv = inputs.envBinding?.trim()
  return fromEnv ? fromEnv : undefined
}
