import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { FastifyServerOptions } from 'fastify'
import { type Clock, systemClock } from '../shared/clock/clock'
import { DEFAULT_SESSION_POLICY, sessionPolicyFromHours } from './auth/session-policy'
import { issueSetupToken } from './auth/setup.service'
import {
  ConfigError,
  type ServerConfig,
  type TlsFiles,
  type TrustProxySetting,
} from './config/server-config'
import { createApp } from './http/create-app'
import { loadOrCreateProvinceKeys } from './keys/province-keys'
import type { ServerContext } from './server-context'
import { openServerDatabase, type StoreDialect } from './store/server-database'

/** A listening provincial server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:54321` (https when serving TLS). */
  url: string
  store: StoreDialect
  /**
   * The one-time first-run setup link (`<url>/setup?token=…`) while the store has no
   * users; null once someone has been created.
   */
  setupUrl: string | null
  /** Stops accepting requests, lets running ones finish, then closes the store. */
  close(): Promise<void>
}

export interface ServerDeps {
  clock?: Clock
  /** Fastify logger setting; off unless asked for (the CLI turns it on). */
  logger?: FastifyServerOptions['logger']
}

/**
 * Opens (and migrates) the store, builds the app and listens on config.host:config.port
 * (port 0 picks a free port), over HTTPS when the config names a certificate. While the
 * store has no users, a fresh one-time setup link is made. If starting fails, the store
 * is closed again.
 */
export async function startServer(
  config: ServerConfig,
  deps: ServerDeps = {},
): Promise<RunningServer> {
  const https = config.tls ? readTls(config.tls) : null
  const clock = deps.clock ?? systemClock
  const provinceKeys = await loadOrCreateProvinceKeys(config.dataDir, clock)
  const store = await openServerDatabase(config)
  const ctx: ServerContext = {
    db: store.db,
    reader: store.reader,
    dialect: store.dialect,
    clock,
    provinceKeys,
    dataDir: config.dataDir,
  }
  try {
    const app = await createApp(ctx, {
      consoleDir: config.consoleDir,
      logger: deps.logger ?? false,
      https,
      trustProxy: fastifyTrustProxy(config.trustProxy ?? false),
      sessionPolicy: sessionPolicyOf(config),
    })
    await app.listen({ host: config.host, port: config.port })
    const { address, port } = app.server.address() as AddressInfo
    const host = address.includes(':') ? `[${address}]` : address
    const url = `${https ? 'https' : 'http'}://${host}:${port}`
    const setupToken = await issueSetupToken(ctx.db, ctx.clock)
    return {
      url,
      store: store.dialect,
      setupUrl: setupToken ? setupLink(config.publicUrl ?? url, setupToken) : null,
      close: async () => {
        await app.close()
        await store.close()
      },
    }
  } catch (error) {
    await store.close()
    throw error
  }
}

/** The first-run setup page of the console, carrying the one-time token. */
export function setupLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/setup?token=${encodeURIComponent(token)}`
}

function sessionPolicyOf(config: ServerConfig) {
  if (config.sessionIdleHours === undefined && config.sessionHours === undefined) {
    return DEFAULT_SESSION_POLICY
  }
  return sessionPolicyFromHours(
    config.sessionIdleHours ?? DEFAULT_SESSION_POLICY.idleMs / 3600_000,
    config.sessionHours ?? DEFAULT_SESSION_POLICY.absoluteMs / 3600_000,
  )
}

/** Fastify's types lack the hop count that it accepts; a function says the same. */
function fastifyTrustProxy(setting: TrustProxySetting): FastifyServerOptions['trustProxy'] {
  if (typeof setting !== 'number') return setting
  return (_address: string, hop: number) => hop < setting
}

function readTls(files: TlsFiles): { cert: Buffer; key: Buffer } {
  const read = (name: string, file: string) => {
    try {
      return readFileSync(file)
    } catch {
      throw new ConfigError([`${name}: cannot read the file ${file}`])
    }
  }
  return { cert: read('TLS_CERT', files.certFile), key: read('TLS_KEY', files.keyFile) }
}
