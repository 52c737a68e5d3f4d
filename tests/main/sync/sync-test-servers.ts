import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { loadServerConfig } from '../../../src/server/config/server-config'
import { type RunningServer, startServer } from '../../../src/server/server'

/** The real provincial server on 127.0.0.1, port 0, with a SQLite store in a temp folder. */
export interface TestServer {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string
  server: RunningServer
  /**
   * Ids of the households the server stored, read from its SQLite store (the console's
   * API needs a signed-in user, which is not what these tests are about).
   */
  householdIds(): Promise<string[]>
  /** Revisions the server stored (each must be stored once). */
  revisionCount(): Promise<number>
  stop(): Promise<void>
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'langso-server-'))
  const server = await startServer(
    loadServerConfig({ LANGSO_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }),
  )
  let stopped = false
  return {
    url: server.url,
    server,
    async householdIds() {
      const store = new Database(join(dataDir, 'langso-server.sqlite'), { readonly: true })
      try {
        const rows = store.prepare('select id from households').all() as { id: string }[]
        return rows.map((r) => r.id)
      } finally {
        store.close()
      }
    },
    async revisionCount() {
      const store = new Database(join(dataDir, 'langso-server.sqlite'), { readonly: true })
      try {
        return (store.prepare('select count(*) as n from revisions').get() as { n: number }).n
      } finally {
        store.close()
      }
    },
    async stop() {
      if (!stopped) await server.close()
      stopped = true
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** A URL on 127.0.0.1 where nothing listens (a server that was started and stopped). */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve, reject) => probe.close((e) => (e ? reject(e) : resolve())))
  return `http://127.0.0.1:${port}`
}

/** A tiny HTTP server on 127.0.0.1 answering every request with `answer(body)`. */
export interface FakeServer {
  url: string
  /** Bodies of the requests received, as bytes. */
  requests: Buffer[]
  /** Resolves once the first request has fully arrived. */
  firstRequest: Promise<void>
  close(): Promise<void>
}

/** What the fake server answers; null leaves the request hanging (a stalled link). */
export type FakeAnswer = (body: Buffer) => { status: number; body: string } | null

export async function startFakeServer(answer: FakeAnswer): Promise<FakeServer> {
  const requests: Buffer[] = []
  let arrived: () => void = () => {}
  const firstRequest = new Promise<void>((resolve) => {
    arrived = resolve
  })
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      requests.push(body)
      arrived()
      const reply = answer(body)
      if (!reply) return
      res.writeHead(reply.status, { 'content-type': 'application/json' })
      res.end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    firstRequest,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()))
        // Requests left hanging on purpose would otherwise keep the server open.
        server.closeAllConnections()
      }),
  }
}

/** Wraps the real fetch, counting the calls made through it. */
export function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = []
  const wrapped: typeof fetch = (input, init) => {
    calls.push(String(input))
    return fetch(input, init)
  }
  return { fetch: wrapped, calls }
}
