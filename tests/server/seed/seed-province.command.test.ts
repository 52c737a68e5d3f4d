import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../../src/server/auth/password-hash'
import { runCli } from '../../../src/server/cli/cli'
import type { ServerStatus } from '../../../src/server/cli/status.command'
import { runSeedProvince } from '../../../src/server/seed/seed-province.command'
import { openServerDatabase } from '../../../src/server/store/server-database'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, type TestStoreConfig } from '../../support/server-stores'

/** A terminal that records what is printed. */
class RecordingIo {
  readonly lines: string[] = []
  readonly errors: string[] = []
  out(line: string) {
    this.lines.push(line)
  }
  err(line: string) {
    this.errors.push(line)
  }
  async readNewPassword(): Promise<string> {
    throw new Error('not asked')
  }
}

describe.each(serverStores())('npm run seed:province on $name', (variant) => {
  const clock = new ManualClock(Date.parse('2026-01-05T02:00:00Z'))
  let made: TestStoreConfig
  let env: NodeJS.ProcessEnv
  /** The store's folder given as --data-dir (SQLite), the rest from the environment. */
  let storeArgs: string[]
  beforeAll(async () => {
    made = await variant.createConfig()
    env = { DATABASE_URL: made.config.databaseUrl ?? '' }
    storeArgs = ['--data-dir', made.config.dataDir]
  })
  afterAll(async () => {
    await made?.dispose()
  })

  const seed = async (...args: string[]) => {
    const io = new RecordingIo()
    const code = await runSeedProvince([...args, ...storeArgs], env, io, clock)
    return { code, io }
  }

  it('sets the province up with a generated password, seeds and reports its progress', async () => {
    const { code, io } = await seed('--households', '150', '--communes', '1', '--seed', 'cli')
    expect(io.errors).toEqual([])
    expect(code).toBe(0)
    expect(io.lines.some((l) => l.includes('150 / 150 hộ / households'))).toBe(true)
    expect(io.lines).toContain('Xong / Done: 08 Tuyên Quang')
    expect(io.lines.some((l) => l.startsWith('  Hộ / Households: 150'))).toBe(true)
    const passwordLine = io.lines.find((l) => l.includes('Mật khẩu / Password:')) ?? ''
    const password = /Password: (\S+)/.exec(passwordLine)?.[1] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(12)
    const store = await openServerDatabase(made.config)
    try {
      const admin = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
      expect(admin.username).toBe('quantri')
      expect(await verifyPassword(password, admin.password_hash)).toBe(true)
    } finally {
      await store.close()
    }
    const status = new RecordingIo()
    const statusEnv = { ...env, LANGSO_DATA_DIR: made.config.dataDir }
    expect(await runCli('status', ['--json'], statusEnv, status, clock)).toBe(0)
    const parsed = JSON.parse(status.lines.join('')) as ServerStatus
    expect(parsed).toMatchObject({ province: { code: '08' }, households: 150, setupPending: false })
  })

  it('explains wrong usage (exit 2) and a province other than the store’s (exit 1)', async () => {
    const help = await seed('--help')
    expect(help.code).toBe(0)
    expect(help.io.lines[0]).toContain('npm run seed:province')
    expect((await seed('--households', 'nhieu')).code).toBe(2)
    expect((await seed('--colour', 'blue')).code).toBe(2)
    expect((await seed('--start', '2025-02-30')).code).toBe(2)
    const other = await seed('--households', '10', '--province', '01')
    expect(other.code).toBe(1)
    expect(other.io.errors.join('\n')).toContain('seed_province_mismatch')
  })
})
