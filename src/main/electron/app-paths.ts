import { join } from 'node:path'

/**
 * The data folder's name under the OS user-data folder (%APPDATA% on Windows,
 * ~/.config on Linux). Fixed and ASCII, so `npm start` and the installed app use the same
 * folder, whatever the product name ("Làng Số") on the window and in the start menu.
 */
export const DATA_FOLDER_NAME = 'lang-so'

/** The store's file name in the data folder. */
export const DB_FILE_NAME = 'langso.sqlite'

/** Where the app keeps its data: `<OS user-data folder>/lang-so`. */
export function dataDirIn(appDataDir: string): string {
  return join(appDataDir, DATA_FOLDER_NAME)
}

/** The built pieces, relative to the built main process (out/main). */
export function builtPaths(mainDir: string): { rendererDir: string; preload: string } {
  return {
    rendererDir: join(mainDir, '..', 'renderer'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
  }
}
