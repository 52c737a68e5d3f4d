import type { AddressInfo } from 'node:net'
import type { FastifyServerOptions } from 'fastify'
import { type Clock, systemClock } from '../shared/clock/clock'
import type { ServerConfig } from './config/server-config'
import { createApp } from './http/create-app'
import type { ServerContext } from './server-context'
import { openServerDatabase, type StoreDialect } from './store/server-database'

/** A listening provincial server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  url: string
  store: StoreDialect
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
 * (port 0 picks a free port). If listening fails, the store is closed again.
 */
export async function startServer(
  config: ServerConfig,
  deps: ServerDeps = {},
): Promise<RunningServer> {
  const store = await openServerDatabase(config)
  const ctx: ServerContext = {
    db: store.db,
    dialect: store.dialect,
    clock: deps.clock ?? systemClock,
  }
  try {
    const app = await createApp(ctx, {
      consoleDir: config.consoleDir,
      logger: deps.logger ?? false,
    })
    await app.listen({ host: config.host, port: config.port })
    const { address, port } = app.server.address() as AddressInfo
    const host = address.includes(':') ? `[${address}]` : address
    return {
      url: `http://${host}:${port}`,
      store: store.dialect,
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
