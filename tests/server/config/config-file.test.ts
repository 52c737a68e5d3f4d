import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadServerConfig } from '../../../src/server/config/server-config'

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadServerConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('server settings beyond the basics', () => {
  let dir: string
  let cert: string
  let key: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'langso-config-'))
    cert = path.join(dir, 'cert.pem')
    key = path.join(dir, 'key.pem')
    await writeFile(cert, 'not checked here')
    await writeFile(key, 'not checked here')
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('serves HTTPS only with both TLS_CERT and TLS_KEY, and readable files', () => {
    expect(loadServerConfig({ TLS_CERT: cert, TLS_KEY: key }).tls).toEqual({
      certFile: cert,
      keyFile: key,
    })
    expect(problemsOf({ TLS_CERT: cert })).toEqual([
      'TLS_KEY: set both TLS_CERT and TLS_KEY (or neither)',
    ])
    expect(problemsOf({ TLS_KEY: key })).toEqual([
      'TLS_CERT: set both TLS_CERT and TLS_KEY (or neither)',
    ])
    const missing = path.join(dir, 'missing.pem')
    expect(problemsOf({ TLS_CERT: missing, TLS_KEY: key })).toEqual([
      `TLS_CERT: cannot read the file ${missing}`,
    ])
  })

  it('reads the reverse-proxy trust setting', () => {
    expect(loadServerConfig({ LANGSO_TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadServerConfig({ LANGSO_TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(loadServerConfig({ LANGSO_TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(
      loadServerConfig({ LANGSO_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, ::1' }).trustProxy,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1'])
    expect(problemsOf({ LANGSO_TRUST_PROXY: 'the nginx box' })[0]).toMatch(/^LANGSO_TRUST_PROXY: /)
  })

  it('reads session lifetimes and the public address, refusing nonsense', () => {
    const config = loadServerConfig({
      LANGSO_SESSION_IDLE_HOURS: '2',
      LANGSO_SESSION_HOURS: '12',
      LANGSO_PUBLIC_URL: 'https://langso.tuyenquang.gov.vn/',
    })
    expect(config).toMatchObject({
      sessionIdleHours: 2,
      sessionHours: 12,
      publicUrl: 'https://langso.tuyenquang.gov.vn',
    })
    expect(problemsOf({ LANGSO_SESSION_IDLE_HOURS: '0' })[0]).toMatch(
      /^LANGSO_SESSION_IDLE_HOURS: must be a number of hours/,
    )
    expect(problemsOf({ LANGSO_SESSION_IDLE_HOURS: '48', LANGSO_SESSION_HOURS: '24' })).toEqual([
      'LANGSO_SESSION_IDLE_HOURS: must not be longer than LANGSO_SESSION_HOURS',
    ])
    expect(problemsOf({ LANGSO_PUBLIC_URL: 'ftp://x' })[0]).toMatch(/^LANGSO_PUBLIC_URL: /)
  })

  it('reads a JSON config file, with paths relative to the file and the environment winning', async () => {
    const file = path.join(dir, 'langso.json')
    await writeFile(
      file,
      JSON.stringify({
        PORT: 8443,
        HOST: '0.0.0.0',
        LANGSO_DATA_DIR: 'data',
        TLS_CERT: 'cert.pem',
        TLS_KEY: key,
        LANGSO_TRUST_PROXY: false,
      }),
    )
    const config = loadServerConfig({ LANGSO_CONFIG: file, HOST: '127.0.0.1', PORT: ' ' })
    expect(config).toMatchObject({
      port: 8443,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      tls: { certFile: cert, keyFile: key },
      trustProxy: false,
    })
  })

  it('explains a config file that is missing, not JSON, or holds unknown settings', async () => {
    const missing = path.join(dir, 'nope.json')
    expect(problemsOf({ LANGSO_CONFIG: missing })).toEqual([
      `LANGSO_CONFIG: cannot read the file ${missing}`,
    ])
    const broken = path.join(dir, 'broken.json')
    await writeFile(broken, '{ "PORT": 80,')
    expect(problemsOf({ LANGSO_CONFIG: broken })).toEqual([
      `LANGSO_CONFIG: ${broken} is not valid JSON`,
    ])
    const typo = path.join(dir, 'typo.json')
    await writeFile(typo, JSON.stringify({ PROT: 80, PORT: 'eighty', HOST: ['a'] }))
    expect(problemsOf({ LANGSO_CONFIG: typo })).toEqual([
      `LANGSO_CONFIG: unknown setting "PROT" in ${typo}`,
      'LANGSO_CONFIG: HOST must be a string, number or true/false',
    ])
  })
})
