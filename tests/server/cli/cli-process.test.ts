import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, PROVINCE } from '../auth/auth-test-kit'

const TSX = path.resolve('node_modules/.bin/tsx')
const MAIN = path.resolve('src/server/main.ts')

interface Exit {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `tsx src/server/main.ts <args>` as `npm run server -- <args>` would, with stdin text. */
function runMain(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<Exit> {
  const child = spawn(TSX, [MAIN, ...args], { env: { PATH: process.env.PATH, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk)
  })
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk)
  })
  child.stdin.end(stdin)
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })))
}

describe('npm run server -- <command> in a real process', () => {
  let dir: string
  let env: NodeJS.ProcessEnv
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'langso-cli-'))
    env = { LANGSO_DATA_DIR: path.join(dir, 'data') }
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('creates the first admin with a piped password, then reports the status', async () => {
    const created = await runMain(
      ['user:create', '--username', 'admin', '--role', 'province_admin', '--province', PROVINCE],
      env,
      `${PASSWORD}\n`,
    )
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('User created: admin')
    expect(created.stdout).not.toContain(PASSWORD)

    const status = await runMain(['status', '--json'], env)
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout)).toMatchObject({
      province: { code: PROVINCE },
      users: { total: 1 },
      setupPending: false,
    })
  })

  it('exits 2 with the usage for an unknown command', async () => {
    const answer = await runMain(['frobnicate'], env)
    expect(answer.code).toBe(2)
    expect(answer.stderr).toContain('Unknown command: frobnicate')
    expect(answer.stderr).not.toMatch(/\n\s+at /)
  })
})
