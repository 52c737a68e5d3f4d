import { accessSync, constants } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/result'
import { CONFIG_KEYS, readConfigFile } from './config-file'

/** Certificate and private key files (PEM) for serving HTTPS directly. */
export interface TlsFiles {
  certFile: string
  keyFile: string
}

/** Fastify's `trustProxy`: off, on for any proxy, a hop count, or a list of proxy addresses. */
export type TrustProxySetting = boolean | number | string[]

/**
 * Everything the provincial server needs to start, from environment variables or a
 * config file. Fields after `consoleDir` are optional so that code building a config by
 * hand (tests) gets the defaults.
 */
export interface ServerConfig {
  port: number
  host: string
  /** Absolute folder for the SQLite store and other server files. */
  dataDir: string
  /** A postgres:// URL selects PostgreSQL; null keeps the default SQLite store. */
  databaseUrl: string | null
  /** Absolute folder of the built province console (index.html and assets). */
  consoleDir: string
  /** Serve HTTPS with these files; null serves plain HTTP (e.g. behind a proxy). */
  tls?: TlsFiles | null
  /** The address people use to reach the server (behind a proxy), for printed links. */
  publicUrl?: string | null
  trustProxy?: TrustProxySetting
  /** A console session unused this long ends (default 8). */
  sessionIdleHours?: number
  /** A console session ends this long after sign-in (default 168, a week). */
  sessionHours?: number
}

/** The configuration is unusable; `problems` holds one line per bad setting. */
export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super(
      'invalid_config',
      `Invalid server configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    this.name = 'ConfigError'
  }
}

const POSTGRES_PROTOCOLS = new Set(['postgres:', 'postgresql:'])

/** Unset and blank mean the same thing: shells and .env files often leave `VAR=`. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const optionalText = z.preprocess(blankToUndefined, z.string().optional())

const hours = (fallback: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `must be a number of hours from 0.25 to ${max}` })
      .min(0.25, `must be a number of hours from 0.25 to ${max}`)
      .max(max, `must be a number of hours from 0.25 to ${max}`)
      .default(fallback),
  )

const envSchema = z
  .object({
    PORT: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a whole number from 0 to 65535' })
        .int('must be a whole number from 0 to 65535')
        .min(0, 'must be a whole number from 0 to 65535')
        .max(65535, 'must be a whole number from 0 to 65535')
        .default(8080),
    ),
    HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
    LANGSO_DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(isPostgresUrl, 'must be a postgres:// or postgresql:// URL (or unset for SQLite)')
        .optional(),
    ),
    LANGSO_CONSOLE_DIR: z.preprocess(blankToUndefined, z.string().default('out/console')),
    TLS_CERT: optionalText,
    TLS_KEY: optionalText,
    LANGSO_PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(isHttpUrl, 'must be an http:// or https:// address without query or fragment')
        .optional(),
    ),
    LANGSO_TRUST_PROXY: z.preprocess(blankToUndefined, z.string().optional()),
    LANGSO_SESSION_IDLE_HOURS: hours(8, 24 * 7),
    LANGSO_SESSION_HOURS: hours(24 * 7, 24 * 90),
  })
  .superRefine((vars, issues) => {
    if (Boolean(vars.TLS_CERT) !== Boolean(vars.TLS_KEY)) {
      const missing = vars.TLS_CERT ? 'TLS_KEY' : 'TLS_CERT'
      issues.addIssue({
        code: 'custom',
        path: [missing],
        message: 'set both TLS_CERT and TLS_KEY (or neither)',
      })
    }
    if (vars.LANGSO_SESSION_IDLE_HOURS > vars.LANGSO_SESSION_HOURS) {
      issues.addIssue({
        code: 'custom',
        path: ['LANGSO_SESSION_IDLE_HOURS'],
        message: 'must not be longer than LANGSO_SESSION_HOURS',
      })
    }
  })

function isPostgresUrl(value: string): boolean {
  try {
    return POSTGRES_PROTOCOLS.has(new URL(value).protocol)
  } catch {
    return false
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash
  } catch {
    return false
  }
}

/**
 * Reads and checks the server's settings: environment variables, over the JSON file named
 * by LANGSO_CONFIG if any (the environment wins). Every problem is reported at once,
 * naming the setting but never echoing its value (DATABASE_URL carries a password).
 * Relative folders are resolved against the current working directory (or, in the file,
 * against the file's folder).
 */
export function loadServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const problems: string[] = []
  let merged: Record<string, string | undefined> = pickSettings(env)
  const file = blankToUndefined(env.LANGSO_CONFIG)
  if (typeof file === 'string') {
    const read = readConfigFile(file)
    if (read.ok) merged = { ...read.values, ...merged }
    else problems.push(...read.problems)
  }
  const parsed = envSchema.safeParse(merged)
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    )
  }
  const trustProxy = parseTrustProxy(merged.LANGSO_TRUST_PROXY)
  if (trustProxy === undefined) {
    problems.push(
      'LANGSO_TRUST_PROXY: must be true, false, a number of proxy hops, or proxy addresses (comma-separated)',
    )
  }
  if (!parsed.success || trustProxy === undefined || problems.length > 0) {
    throw new ConfigError(problems)
  }
  const vars = parsed.data
  const tls = vars.TLS_CERT && vars.TLS_KEY ? tlsFiles(vars.TLS_CERT, vars.TLS_KEY) : null
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: path.resolve(vars.LANGSO_DATA_DIR),
    databaseUrl: vars.DATABASE_URL ?? null,
    consoleDir: path.resolve(vars.LANGSO_CONSOLE_DIR),
    tls,
    publicUrl: vars.LANGSO_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    trustProxy,
    sessionIdleHours: vars.LANGSO_SESSION_IDLE_HOURS,
    sessionHours: vars.LANGSO_SESSION_HOURS,
  }
}

/** Only blank-free settings of the environment count, so a blank one never hides the file's. */
function pickSettings(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {}
  for (const key of CONFIG_KEYS) {
    const value = env[key]
    if (value !== undefined && value.trim() !== '') picked[key] = value
  }
  return picked
}

/** The proxy setting, or undefined when it cannot be understood. */
function parseTrustProxy(value: string | undefined): TrustProxySetting | undefined {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === '' || text === 'false' || text === 'no' || text === '0') return false
  if (text === 'true' || text === 'yes') return true
  if (/^\d+$/.test(text)) return Number(text)
  const list = text.split(',').map((part) => part.trim())
  const valid = list.every((entry) => {
    const [address, bits, extra] = entry.split('/')
    return (
      extra === undefined &&
      isIP(address ?? '') !== 0 &&
      (bits === undefined || /^\d{1,3}$/.test(bits))
    )
  })
  return valid ? list : undefined
}

function tlsFiles(certFile: string, keyFile: string): TlsFiles {
  const files = { certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) }
  const problems: string[] = []
  for (const [name, file] of [
    ['TLS_CERT', files.certFile],
    ['TLS_KEY', files.keyFile],
  ] as const) {
    try {
      accessSync(file, constants.R_OK)
    } catch {
      problems.push(`${name}: cannot read the file ${file}`)
    }
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return files
}

/** A printable description of the store: never includes credentials. */
export function describeStore(config: ServerConfig): string {
  if (!config.databaseUrl) return `SQLite (${sqliteFilePath(config)})`
  const url = new URL(config.databaseUrl)
  return `PostgreSQL (${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname})`
}

/** Where the default SQLite store lives. */
export function sqliteFilePath(config: Pick<ServerConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'langso-server.sqlite')
}
