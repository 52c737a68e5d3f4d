import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseWindowState, type WindowState } from './window-state'

/** The file the main window's size and position are kept in, in the data folder. */
export function windowStateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json')
}

/** The remembered state, or null when there is none or it cannot be read. */
export function readWindowState(file: string): WindowState | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  return parseWindowState(text)
}

/**
 * Remembers the state. Written to a temporary file then renamed, so a power cut while
 * saving leaves the previous state rather than half a file.
 */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.tmp`
  writeFileSync(temp, `${JSON.stringify(state)}\n`)
  renameSync(temp, file)
}
