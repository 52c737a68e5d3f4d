/** Types of scripts/electron-native.mjs, for the tests that import it. */
export declare class Missing extends Error {
  constructor(what: string, fix: string)
  readonly fix: string
}
export interface ElectronTarget {
  electronVersion: string
  platform: string
  arch: string
}
export interface ElectronNativePaths {
  nativeRoot: string
  packageDir: string
  binding: string
  marker: string
  log: string
}
export declare function electronNativeTarget(target: ElectronTarget): string
export declare function electronNativePaths(root: string, target: string): ElectronNativePaths
export declare function hasElectronNativeBuild(paths: ElectronNativePaths, target: string): boolean
export declare function ensureElectronNativeSqlite(
  options: ElectronTarget & { root: string; say?: (line: string) => void },
): string
export declare function appendLog(
  file: string,
  step: string,
  result: { status: number | null; signal?: string | null; stdout?: string; stderr?: string },
): void
export declare function explainMissing(action: string, error: Missing, tail?: string): string
export declare function readJson(path: string): unknown
export declare function buildDesktop(root: string): void
