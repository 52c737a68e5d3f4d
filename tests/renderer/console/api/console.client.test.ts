import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CallFailedError } from '../../../../src/renderer/common/errors/error.messages'
import { buildRequest, ConsoleClient } from '../../../../src/renderer/console/api/console.client'
import { loadServerConfig } from '../../../../src/server/config/server-config'
import { type RunningServer, startServer } from '../../../../src/server/server'
import { httpContract } from '../../../../src/shared/api/http.contract'

const ID = '019ab5e6-6c00-7000-8000-000000000001'

describe('buildRequest', () => {
  it('fills path parameters and leaves them out of the query', () => {
    expect(buildRequest(httpContract['households.get'], { id: ID })).toEqual({
      method: 'GET',
      url: `/api/v1/households/${ID}`,
    })
  })

  it('puts the other GET fields in the query string, skipping empty ones', () => {
    const request = buildRequest(httpContract['households.list'], {
      q: 'nguyễn văn',
      villageCode: undefined,
      limit: 50,
      offset: 0,
    })
    expect(request.url).toBe('/api/v1/households?q=nguy%E1%BB%85n+v%C4%83n&limit=50&offset=0')
  })

  it('sends POST fields as a JSON body', () => {
    const request = buildRequest(httpContract['sync.uploadBatch'], { batchId: ID })
    expect(request).toEqual({
      method: 'POST',
      url: '/api/v1/sync/batches',
      body: `{"batchId":"${ID}"}`,
    })
  })

  it('refuses a call whose path parameter is missing', () => {
    expect(() => buildRequest(httpContract['households.get'], {})).toThrow(CallFailedError)
  })
})

describe('ConsoleClient against the real provincial server', () => {
  let tmp: string
  let server: RunningServer

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'langso-console-client-'))
    server = await startServer(
      loadServerConfig({
        PORT: '0',
        LANGSO_DATA_DIR: tmp,
        LANGSO_CONSOLE_DIR: path.join(tmp, 'none'),
      }),
    )
  })

  afterAll(async () => {
    await server?.close()
    await rm(tmp, { recursive: true, force: true })
  })

  it('reads and checks the answer of a call', async () => {
    const client = new ConsoleClient(server.url)
    expect(await client.call('system.health', {})).toEqual({ status: 'ok', store: 'sqlite' })
    expect(await client.call('households.list', { limit: 10 })).toEqual({ total: 0, items: [] })
  })

  it("turns the server's error envelope into its reason code", async () => {
    const client = new ConsoleClient(server.url)
    const failure = await client.call('households.get', { id: ID }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(CallFailedError)
    expect((failure as CallFailedError).code).toBe('not_found')
  })
})

describe('ConsoleClient against a misbehaving server', () => {
  let server: Server
  let url: string

  beforeAll(async () => {
    // Answers what a broken proxy or an older server might: HTML, a wrong envelope, wrong data.
    server = createServer((req, res) => {
      const body =
        req.url === '/api/v1/health'
          ? '<html>502 Bad Gateway</html>'
          : req.url?.startsWith('/api/v1/households?')
            ? JSON.stringify({ ok: true, data: { total: 'many', items: [] } })
            : JSON.stringify({ status: 'ok' })
      res.writeHead(200, { 'content-type': 'application/json' }).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (e: unknown) => (e instanceof CallFailedError ? e.code : 'other'),
    )

  it('reports bad_response for a body that is not JSON', async () => {
    expect(await codeOf(new ConsoleClient(url).call('system.health', {}))).toBe('bad_response')
  })

  it('reports bad_response for data that does not match the contract', async () => {
    expect(await codeOf(new ConsoleClient(url).call('households.list', { limit: 5 }))).toBe(
      'bad_response',
    )
  })

  it('reports bad_response for an answer without the envelope', async () => {
    expect(await codeOf(new ConsoleClient(url).call('households.get', { id: ID }))).toBe(
      'bad_response',
    )
  })

  it('reports network when nothing listens', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    expect(
      await codeOf(new ConsoleClient(`http://127.0.0.1:${port}`).call('system.health', {})),
    ).toBe('network')
  })
})
