import { type KnownPath, redactEvent, redactFields } from './log-redaction'

/**
 * The main process's log. Entries carry an event name and a few safe fields, never answers,
 * names or error messages, because those may hold personal data; every logger redacts what
 * it is given (log-redaction.ts) before writing it anywhere.
 */
export interface Logger {
  info(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

export type LogFields = Record<string, string | number | boolean | null>

export type LogLevel = 'info' | 'error'

/** One log line: JSON with the time, the level, the event and its redacted fields. */
export function formatLogLine(
  at: string,
  level: LogLevel,
  event: string,
  fields: LogFields | undefined,
  paths: readonly KnownPath[] = [],
): string {
  return JSON.stringify({ at, level, event: redactEvent(event), ...redactFields(fields, paths) })
}

/** Writes one redacted JSON line per entry to stderr. */
export const consoleLogger: Logger = {
  info: (event, fields) =>
    console.error(formatLogLine(new Date().toISOString(), 'info', event, fields)),
  error: (event, fields) =>
    console.error(formatLogLine(new Date().toISOString(), 'error', event, fields)),
}

/** Discards everything; for tests that provoke errors on purpose. */
export const silentLogger: Logger = { info: () => {}, error: () => {} }

/**
 * Safe fields describing an unexpected error: its class, a code when it has one, and the
 * stack frames without the message line (which may quote data).
 */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { errorType: typeof error }
  const code = (error as { code?: unknown }).code
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ')
  return { errorType: error.name, code: typeof code === 'string' ? code : null, frames }
}
