import { readFileSync } from 'node:fs'
import path from 'node:path'

/** Settings a config file may hold: the same names as the environment variables. */
export const CONFIG_KEYS = [
  'PORT',
  'HOST',
  'LANGSO_DATA_DIR',
  'DATABASE_URL',
  'LANGSO_CONSOLE_DIR',
  'TLS_CERT',
  'TLS_KEY',
  'LANGSO_PUBLIC_URL',
  'LANGSO_TRUST_PROXY',
  'LANGSO_SESSION_IDLE_HOURS',
  'LANGSO_SESSION_HOURS',
] as const

/** Settings that name files or folders: relative ones in a file are relative to the file. */
const PATH_KEYS = new Set(['LANGSO_DATA_DIR', 'LANGSO_CONSOLE_DIR', 'TLS_CERT', 'TLS_KEY'])

export type ConfigFileResult =
  | { ok: true; values: Record<string, string> }
  | { ok: false; problems: string[] }

/**
 * Reads the JSON config file named by LANGSO_CONFIG, e.g.
 * `{ "PORT": 8443, "TLS_CERT": "tls/cert.pem", "TLS_KEY": "tls/key.pem" }`, as strings
 * keyed like the environment. Unknown keys are refused, since a misspelt setting that is
 * silently ignored is worse than an error.
 */
export function readConfigFile(file: string): ConfigFileResult {
  const absolute = path.resolve(file)
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch {
    return { ok: false, problems: [`LANGSO_CONFIG: cannot read the file ${absolute}`] }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, problems: [`LANGSO_CONFIG: ${absolute} is not valid JSON`] }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, problems: [`LANGSO_CONFIG: ${absolute} must hold a JSON object`] }
  }
  const problems: string[] = []
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(parsed)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      problems.push(`LANGSO_CONFIG: unknown setting "${key}" in ${absolute}`)
    } else if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      values[key] = relativeToFile(key, String(value), absolute)
    } else if (value !== null) {
      problems.push(`LANGSO_CONFIG: ${key} must be a string, number or true/false`)
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values }
}

function relativeToFile(key: string, value: string, file: string): string {
  if (!PATH_KEYS.has(key) || value.trim() === '' || path.isAbsolute(value)) return value
  return path.resolve(path.dirname(file), value)
}
