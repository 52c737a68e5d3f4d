import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CallFailedError } from '../../../../src/renderer/common/errors/error.messages'
import {
  buildRequest,
  ConsoleCallError,
  ConsoleClient,
  parseRetryAfter,
} from '../../../../src/renderer/console/api/console.client'
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
    const request = buildRequest(httpContract['auth.signIn'], {
      username: 'quantri',
      password: 'mật khẩu',
    })
    expect(request).toEqual({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: '{"username":"quantri","password":"mật khẩu"}',
    })
  })

  it('sends PUT fields as a JSON body too', () => {
    const request = buildRequest(httpContract['places.updateVillage'], {
      code: '00700-03',
      name: 'Thôn Nà Thác',
    })
    expect(request).toEqual({
      method: 'PUT',
      url: '/api/v1/places/villages/00700-03',
      body: '{"name":"Thôn Nà Thác"}',
    })
  })

  it('refuses a call whose path parameter is missing', () => {
    expect(() => buildRequest(httpContract['households.get'], {})).toThrow(CallFailedError)
  })
})

describe('ConsoleClient against the real provincial server', () => {
  let tmp: string
  let server: RunningServer
  const ADMIN = { username: 'quantri', displayName: 'Quản trị tỉnh', password: 'mat-khau-du-dai' }

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'langso-console-client-'))
    server = await startServer(
      loadServerConfig({
        PORT: '0',
        LANGSO_DATA_DIR: tmp,
        LANGSO_CONSOLE_DIR: path.join(tmp, 'none'),
      }),
    )
    const token = new URL(server.setupUrl ?? '').searchParams.get('token') ?? ''
    await new ConsoleClient(server.url).call('setup.complete', {
      token,
      provinceCode: '08',
      ...ADMIN,
    })
  })

  afterAll(async () => {
    await server?.close()
    await rm(tmp, { recursive: true, force: true })
  })

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => {
        if (!(e instanceof ConsoleCallError)) throw e
        return e
      },
    )

  it('reads and checks the answer of a call', async () => {
    const client = new ConsoleClient(server.url)
    expect(await client.call('system.health', {})).toEqual({ status: 'ok', store: 'sqlite' })
  })

  it('keeps the CSRF token of sign-in and sends it on changes, as the server demands', async () => {
    const browser = cookieJarFetch()
    const client = new ConsoleClient(server.url, browser.fetch)
    expect(client.hasSession).toBe(false)
    await client.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect(client.hasSession).toBe(true)

    const village = await client.call('places.createVillage', {
      communeCode: '00700',
      name: 'Thôn Khuổi My',
    })
    expect(village).toMatchObject({ code: '00700-01', name: 'Thôn Khuổi My' })
    const renamed = await client.call('places.updateVillage', {
      code: village.code,
      name: 'Thôn Khuổi My Trên',
    })
    expect(renamed.name).toBe('Thôn Khuổi My Trên')
    // Sign-in itself has no token yet; every change after it carries the one it gave.
    const changes = [...browser.sent('POST').slice(1), ...browser.sent('PUT')]
    expect(changes).toHaveLength(2)
    expect(
      changes.every((h) => h['x-csrf-token'] && h['x-csrf-token'] === changes[0]?.['x-csrf-token']),
    ).toBe(true)
    expect(browser.sent('GET').every((h) => !h['x-csrf-token'])).toBe(true)

    // The same browser session without the token (another tab that never signed in) is refused.
    const tokenless = new ConsoleClient(server.url, browser.fetch)
    const refused = await failureOf(
      tokenless.call('places.createVillage', { communeCode: '00700', name: 'Thôn Tả Lủng' }),
    )
    expect([refused.code, refused.status]).toEqual(['csrf', 403])
  })

  it('learns the token from auth.me after a reload, and hears when the session ends', async () => {
    const browser = cookieJarFetch()
    const first = new ConsoleClient(server.url, browser.fetch)
    await first.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password })

    // A reload: a new client in the same browser asks who is signed in.
    const reloaded = new ConsoleClient(server.url, browser.fetch)
    const me = await reloaded.call('auth.me', {})
    expect(me.user.username).toBe(ADMIN.username)
    expect(me.province).toEqual({ code: '08', name: 'Tuyên Quang' })
    expect(reloaded.hasSession).toBe(true)

    let signedOut = 0
    reloaded.onSignedOut(() => {
      signedOut += 1
    })
    await reloaded.call('auth.signOut', {})
    expect(reloaded.hasSession).toBe(false)
    const gone = await failureOf(reloaded.call('places.communes', { limit: 5 }))
    expect([gone.code, gone.status]).toEqual(['unauthenticated', 401])
    expect(signedOut).toBe(1)
  })

  it('reports rate_limited with the wait the server asks for after repeated wrong passwords', async () => {
    const client = new ConsoleClient(server.url, cookieJarFetch().fetch)
    const wrong = { username: 'nobody.here', password: 'not-the-password' }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await failureOf(client.call('auth.signIn', wrong))).code).toBe('invalid_credentials')
    }
    const limited = await failureOf(client.call('auth.signIn', wrong))
    expect([limited.code, limited.status]).toEqual(['rate_limited', 429])
    expect(limited.retryAfterSeconds).toBeGreaterThan(0)
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(15 * 60)
  })

  it("turns the server's error envelope into its reason code", async () => {
    const client = new ConsoleClient(server.url)
    const failure = await failureOf(client.call('households.get', { id: ID }))
    expect(failure).toBeInstanceOf(CallFailedError)
    expect([failure.code, failure.status]).toEqual(['unauthenticated', 401])
  })
})

describe('parseRetryAfter', () => {
  it('reads whole seconds and ignores anything else', () => {
    expect(parseRetryAfter('120')).toBe(120)
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBeNull()
  })
})

/**
 * Node's fetch with what a browser adds on a same-origin call: the cookie jar (the
 * session cookie the server sets), and a record of each request's headers.
 */
function cookieJarFetch() {
  let cookie: string | null = null
  const requests: { method: string; headers: Record<string, string> }[] = []
  const jarFetch: typeof fetch = async (input, init = {}) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    const sent: Record<string, string> = {}
    headers.forEach((value, name) => {
      sent[name] = value
    })
    requests.push({ method: init.method ?? 'GET', headers: sent })
    const response = await fetch(input, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? ''
      cookie = /max-age=0/i.test(line) || pair.endsWith('=') ? null : pair
    }
    return response
  }
  return {
    fetch: jarFetch,
    sent: (method: string) => requests.filter((r) => r.method === method).map((r) => r.headers),
  }
}

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
