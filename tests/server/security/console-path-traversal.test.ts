import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'

const SECRET = 'SECRET-NEXT-TO-THE-CONSOLE'
const INDEX_HTML = '<!doctype html><title>Làng Số</title>'

/** GET with the path sent exactly as written (fetch would normalise the dots away). */
function rawGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (chunk) => {
        body += String(chunk)
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe.each(serverStores())('console files on $name', (variant) => {
  let root: string
  let t: TestServer
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'langso-traversal-'))
    const consoleDir = path.join(root, 'console')
    await mkdir(path.join(consoleDir, 'assets'), { recursive: true })
    await writeFile(path.join(consoleDir, 'index.html'), INDEX_HTML)
    await writeFile(path.join(root, 'secret.txt'), SECRET)
    await writeFile(path.join(root, 'secret'), SECRET)
    t = await startTestServer(variant, { config: { consoleDir } })
  })
  afterAll(async () => {
    await t?.close()
    await rm(root, { recursive: true, force: true })
  })

  it.each([
    '/../secret.txt',
    '/../secret',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e/secret',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/../../../../../../etc/passwd',
  ])('never serves a file outside the console folder: %s', async (rawPath) => {
    const answer = await rawGet(t.url, rawPath)
    expect(answer.body).not.toContain(SECRET)
    expect(answer.body).not.toMatch(/root:.*:0:0:/)
    // Either refused, or the console's own page (a client-side route), never the file.
    if (answer.status === 200) expect(answer.body).toBe(INDEX_HTML)
  })
})
