import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { PROVINCE, setupTokenOf } from '../auth/auth-test-kit'

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** A self-signed certificate for 127.0.0.1, made now (never a committed key). */
function makeCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = path.join(dir, 'cert.pem')
  const keyFile = path.join(dir, 'key.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  )
  return { certFile, keyFile }
}

interface HttpsAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** An HTTPS request that trusts exactly the test certificate. */
function httpsCall(url: string, ca: Buffer, body?: unknown): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        ca,
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk) => {
          text += String(chunk)
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        )
      },
    )
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

describe.skipIf(!hasOpenssl()).each(serverStores())('HTTPS served directly on $name', (variant) => {
  let dir: string
  let ca: Buffer
  let t: TestServer
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'langso-tls-'))
    const tls = makeCertificate(dir)
    ca = await readFile(tls.certFile)
    t = await startTestServer(variant, { config: { tls } })
  })
  afterAll(async () => {
    await t?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('listens on https and answers the API', async () => {
    expect(t.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(t.server.setupUrl).toMatch(/^https:\/\//)
    const answer = await httpsCall(`${t.url}/api/v1/health`, ca)
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, data: { status: 'ok' } })
  })

  it('refuses plain HTTP on the same port', async () => {
    await expect(fetch(`${t.url.replace('https:', 'http:')}/api/v1/health`)).rejects.toThrow()
  })

  it('marks the session cookie Secure', async () => {
    const answer = await httpsCall(`${t.url}/api/v1/setup`, ca, {
      token: setupTokenOf(t),
      provinceCode: PROVINCE,
      username: 'admin',
      displayName: 'Quản trị',
      password: 'mat-khau-du-dai-2025',
    })
    expect(answer.status).toBe(200)
    const cookie = String(answer.headers['set-cookie'])
    expect(cookie).toMatch(/^langso_session=/)
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('HttpOnly')
  })
})
