import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { type Clock, systemClock } from '../../shared/clock/clock'
import type { KnownPath } from './log-redaction'
import { formatLogLine, type LogFields, type Logger, type LogLevel } from './logger'

/** The current log file's name in the logs folder; rotated ones are langso.1.log, langso.2.log… */
export const LOG_FILE = 'langso.log'
const ROTATED = /^langso\.(\d+)\.log$/

export interface FileLoggerOptions {
  /** The logs folder, in the data folder. */
  dir: string
  /** Size at which the file is rotated. */
  maxBytes?: number
  /** Rotated files kept besides the current one. */
  keep?: number
  clock?: Clock
  /** Paths written as labels (the app folder, the data folder, the home folder). */
  knownPaths?: readonly KnownPath[]
  /** Also write each line to stderr (development). */
  echo?: boolean
}

export interface FileLogger extends Logger {
  /** The current log file. */
  readonly file: string
}

const DEFAULT_MAX_BYTES = 1024 * 1024
const DEFAULT_KEEP = 4

/**
 * A logger appending redacted JSON lines to `<dir>/langso.log`, rotating it when it would
 * pass `maxBytes` (langso.log → langso.1.log → … → langso.<keep>.log, the oldest deleted),
 * so the logs never take more than about (keep + 1) × maxBytes. Writes are synchronous:
 * a line logged just before a crash or a power cut is on disk. A failure to write is
 * reported once on stderr and never stops the app.
 */
export function openFileLogger(options: FileLoggerOptions): FileLogger {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const keep = options.keep ?? DEFAULT_KEEP
  const clock = options.clock ?? systemClock
  const file = join(options.dir, LOG_FILE)
  let size = -1
  let broken = false

  const write = (level: LogLevel, event: string, fields: LogFields | undefined) => {
    const line = `${formatLogLine(new Date(clock.now()).toISOString(), level, event, fields, options.knownPaths)}\n`
    if (options.echo) process.stderr.write(line)
    try {
      if (size < 0) {
        mkdirSync(options.dir, { recursive: true })
        size = existsSync(file) ? statSync(file).size : 0
      }
      const bytes = Buffer.byteLength(line)
      if (size > 0 && size + bytes > maxBytes) {
        rotate(options.dir, keep)
        size = 0
      }
      appendFileSync(file, line)
      size += bytes
      broken = false
    } catch (error) {
      size = -1
      if (!broken) process.stderr.write(`log file not writable: ${(error as Error).name}\n`)
      broken = true
    }
  }
  return {
    file,
    info: (event, fields) => write('info', event, fields),
    error: (event, fields) => write('error', event, fields),
  }
}

/** The log files in `dir`, newest first (langso.log, langso.1.log, …). */
export function logFiles(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const rotated = names
    .map((name) => ({ name, n: Number(ROTATED.exec(name)?.[1] ?? Number.NaN) }))
    .filter((entry) => Number.isInteger(entry.n))
    .sort((a, b) => a.n - b.n)
    .map((entry) => join(dir, entry.name))
  return [...(names.includes(LOG_FILE) ? [join(dir, LOG_FILE)] : []), ...rotated]
}

function rotate(dir: string, keep: number): void {
  rmSync(join(dir, `langso.${keep}.log`), { force: true })
  for (let n = keep - 1; n >= 1; n--) {
    const from = join(dir, `langso.${n}.log`)
    if (existsSync(from)) renameSync(from, join(dir, `langso.${n + 1}.log`))
  }
  if (keep >= 1) renameSync(join(dir, LOG_FILE), join(dir, 'langso.1.log'))
  else rmSync(join(dir, LOG_FILE), { force: true })
}
