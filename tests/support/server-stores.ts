import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import type { ServerConfig } from '../../src/server/config/server-config'
import { type RunningServer, startServer } from '../../src/server/server'
import {
  openServerDatabase,
  type ServerStore,
  type StoreDialect,
} from '../../src/server/store/server-database'
import type { Clock } from '../../src/shared/clock/clock'

/** A config for a fresh, empty store; `dispose` removes the store and its folder. */
export interface TestStoreConfig {
  config: ServerConfig
  dispose(): Promise<void>
}

/** One of the server's store variants, for `describe.each(serverStores())`. */
export interface ServerStoreVariant {
  name: StoreDialect
  createConfig(overrides?: Partial<ServerConfig>): Promise<TestStoreConfig>
}

/**
 * The two stores every server test runs against: SQLite in a new temp folder, and
 * PostgreSQL in a new database of the run's embedded server (see postgres.global-setup),
 * so suites never see each other's data.
 */
export function serverStores(): ServerStoreVariant[] {
  return [
    { name: 'sqlite', createConfig: (overrides) => sqliteConfig(overrides) },
    { name: 'postgres', createConfig: (overrides) => postgresConfig(overrides) },
  ]
}

async function sqliteConfig(overrides: Partial<ServerConfig> = {}): Promise<TestStoreConfig> {
  const dir = await mkdtemp(path.join(tmpdir(), 'langso-server-'))
  return {
    config: { ...baseConfig(dir), ...overrides },
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}

async function postgresConfig(overrides: Partial<ServerConfig> = {}): Promise<TestStoreConfig> {
  const dir = await mkdtemp(path.join(tmpdir(), 'langso-server-'))
  const adminUrl = inject('postgresUrl')
  const name = `langso_test_${randomBytes(6).toString('hex')}`
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    config: { ...baseConfig(dir), databaseUrl: url.toString(), ...overrides },
    dispose: async () => {
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      )
      await rm(dir, { recursive: true, force: true })
    },
  }
}

function baseConfig(dir: string): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: path.join(dir, 'data'),
    databaseUrl: null,
    // Absent on purpose: suites that test the console make their own folder.
    consoleDir: path.join(dir, 'console'),
  }
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** A running server on a fresh store, plus a second connection to inspect its rows. */
export interface TestServer {
  url: string
  server: RunningServer
  config: ServerConfig
  /** Independent connection to the same store, for counting rows in assertions. */
  store: ServerStore
  close(): Promise<void>
}

/** Starts a real server on 127.0.0.1, port 0, over a fresh store of the given variant. */
export async function startTestServer(
  variant: ServerStoreVariant,
  options: { clock?: Clock; config?: Partial<ServerConfig> } = {},
): Promise<TestServer> {
  const made = await variant.createConfig(options.config)
  const server = await startServer(made.config, options.clock ? { clock: options.clock } : {})
  const store = await openServerDatabase(made.config)
  return {
    url: server.url,
    server,
    config: made.config,
    store,
    close: async () => {
      await store.close()
      await server.close()
      await made.dispose()
    },
  }
}
