/**
 * What the main-process handlers need from the program around them that the MainContext
 * does not carry: the app's version, the better-sqlite3 addon for extra connections (a
 * backup), and a way to ask for a restart (a restore is applied at start). The Electron
 * entry installs the real one; tests and the e2e bridge run with the plain Node default,
 * where a restart request is only recorded.
 */
export interface AppShell {
  /** The app's version (package.json). */
  readonly version: string
  /** Path of the better-sqlite3 addon the store was opened with; undefined under Node. */
  readonly nativeBinding: string | undefined
  /** Asks the program to restart soon (after the current call has answered). */
  requestRestart(reason: RestartReason): void
}

export type RestartReason = 'restore'

const restartRequests: RestartReason[] = []

/** The shell of plain Node (tests, the e2e bridge): restarts are only recorded. */
export const nodeShell: AppShell = {
  version: process.env.npm_package_version ?? '0.0.0-dev',
  nativeBinding: undefined,
  requestRestart: (reason) => {
    restartRequests.push(reason)
  },
}

let current: AppShell = nodeShell

/** The shell handlers run in. */
export function appShell(): AppShell {
  return current
}

/** Installs the program's shell (the Electron entry, once, before any call is handled). */
export function installAppShell(shell: AppShell): void {
  current = shell
}

/** Restarts asked of the plain Node shell so far (and forgets them): for tests. */
export function takeNodeRestartRequests(): RestartReason[] {
  return restartRequests.splice(0)
}
