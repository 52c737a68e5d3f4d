import path from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/result'

/** Everything the provincial server needs to start, read from the environment. */
export interface ServerConfig {
  port: number
  host: string
  /** Absolute folder for the SQLite store and other server files. */
  dataDir: string
  /** A postgres:// URL selects PostgreSQL; null keeps the default SQLite store. */
  databaseUrl: string | null
  /** Absolute folder of the built province console (index.html and assets). */
  consoleDir: string
}

/** The environment is unusable; `problems` holds one line per bad variable. */
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

const envSchema = z.object({
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
})

function isPostgresUrl(value: string): boolean {
  try {
    return POSTGRES_PROTOCOLS.has(new URL(value).protocol)
  } catch {
    return false
  }
}

/**
 * Reads and checks the server's environment variables. Every problem is reported at once,
 * naming the variable but never echoing its value (DATABASE_URL carries a password).
 * Relative folders are resolved against the current working directory.
 */
export function loadServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    )
  }
  const vars = parsed.data
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: path.resolve(vars.LANGSO_DATA_DIR),
    databaseUrl: vars.DATABASE_URL ?? null,
    consoleDir: path.resolve(vars.LANGSO_CONSOLE_DIR),
  }
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
