import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const TSX = path.resolve('node_modules/.bin/tsx')
const MAIN = path.resolve('src/server/main.ts')

interface Run {
  output: () => string
  exited: Promise<number | null>
  kill: (signal: NodeJS.Signals) => void
}

function runMain(env: NodeJS.ProcessEnv): Run {
  const child = spawn(TSX, [MAIN], { env: { PATH: process.env.PATH, ...env } })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += String(chunk)
  })
  child.stderr.on('data', (chunk) => {
    output += String(chunk)
  })
  return {
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
  }
}

/** Resolves when the output contains the text, or fails if the process exits first. */
async function waitForOutput(run: Run, text: string): Promise<string> {
  while (!run.output().includes(text)) {
    const exited = await Promise.race([
      run.exited,
      new Promise((r) => setTimeout(r, 50, 'running')),
    ])
    if (exited !== 'running')
      throw new Error(`exited (${exited}) before printing "${text}":\n${run.output()}`)
  }
  return run.output()
}

describe('npm run server (src/server/main.ts)', () => {
  let dir: string | undefined
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('explains a bad configuration and exits 1 without a stack trace', async () => {
    const run = runMain({ PORT: 'abc', DATABASE_URL: 'mysql://root:hunter2@localhost/x' })
    expect(await run.exited).toBe(1)
    const output = run.output()
    expect(output).toContain('Cấu hình máy chủ không hợp lệ / Invalid server configuration')
    expect(output).toContain('PORT: must be a whole number')
    expect(output).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL')
    expect(output).not.toContain('hunter2')
    expect(output).not.toMatch(/\n\s+at /)
  })

  it('explains a half-given TLS setting and exits 1', async () => {
    const run = runMain({ TLS_CERT: '/etc/langso/cert.pem' })
    expect(await run.exited).toBe(1)
    expect(run.output()).toContain('TLS_KEY: set both TLS_CERT and TLS_KEY (or neither)')
    expect(run.output()).not.toMatch(/\n\s+at /)
  })

  it('prints the console address and the store, then stops cleanly on SIGTERM', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'langso-main-'))
    const run = runMain({
      PORT: '0',
      HOST: '127.0.0.1',
      LANGSO_DATA_DIR: path.join(dir, 'data'),
      LANGSO_CONSOLE_DIR: path.join(dir, 'console'),
    })
    const output = await waitForOutput(run, 'Store:')
    expect(output).toMatch(/Giao diện quản trị: http:\/\/127\.0\.0\.1:\d+\//)
    expect(output).toContain(
      `Kho dữ liệu: SQLite (${path.join(dir, 'data', 'langso-server.sqlite')})`,
    )
    const url = /Console: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1]
    const health = await fetch(`${url}/api/v1/health`)
    expect(await health.json()).toEqual({ ok: true, data: { status: 'ok', store: 'sqlite' } })

    const link = /First-run setup: (\S+)/.exec(await waitForOutput(run, 'First-run setup:'))?.[1]
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/setup\?token=[\w-]{43}$/)
    const token = new URL(link ?? '').searchParams.get('token')
    const status = await fetch(`${url}/api/v1/setup?token=${token}`)
    expect(await status.json()).toMatchObject({
      ok: true,
      data: { needed: true, tokenValid: true },
    })
    // The request log keeps the path, never the query with the one-time token.
    await waitForOutput(run, '"url":"/api/v1/setup"')
    expect(run.output().split(token ?? '').length).toBe(2)

    run.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })
})
