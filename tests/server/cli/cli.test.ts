import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../../src/server/auth/password-hash'
import { setupStatus } from '../../../src/server/auth/setup.service'
import { runCli } from '../../../src/server/cli/cli'
import type { CliIo } from '../../../src/server/cli/cli-io'
import type { ServerStatus } from '../../../src/server/cli/status.command'
import { openServerDatabase, type ServerStore } from '../../../src/server/store/server-database'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, type TestStoreConfig } from '../../support/server-stores'
import { COMMUNE, FOREIGN_COMMUNE, PASSWORD, PROVINCE } from '../auth/auth-test-kit'

/** A terminal that records what is printed and answers password prompts. */
class FakeIo implements CliIo {
  readonly lines: string[] = []
  readonly errors: string[] = []
  constructor(private password = PASSWORD) {}
  out(line: string) {
    this.lines.push(line)
  }
  err(line: string) {
    this.errors.push(line)
  }
  async readNewPassword() {
    return this.password
  }
}

describe.each(serverStores())('server CLI on $name', (variant) => {
  const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
  let made: TestStoreConfig
  let env: NodeJS.ProcessEnv
  let store: ServerStore

  beforeEach(async () => {
    made = await variant.createConfig()
    env = {
      LANGSO_DATA_DIR: made.config.dataDir,
      DATABASE_URL: made.config.databaseUrl ?? '',
    }
    store = await openServerDatabase(made.config)
  })
  afterEach(async () => {
    await store.close()
    await made.dispose()
  })

  async function run(command: string, args: string[] = [], io = new FakeIo()) {
    const code = await runCli(command, args, env, io, clock)
    return { code, io }
  }

  async function status(): Promise<ServerStatus> {
    const { code, io } = await run('status', ['--json'])
    expect(code).toBe(0)
    return JSON.parse(io.lines.join('')) as ServerStatus
  }

  const createAdmin = () =>
    run('user:create', [
      '--username',
      'admin',
      '--role',
      'province_admin',
      '--province',
      PROVINCE,
      '--display-name',
      'Quản trị tỉnh',
    ])

  it('reports an empty store: no province, nobody, setup pending', async () => {
    expect(await status()).toEqual({
      store: expect.stringContaining(variant.name === 'sqlite' ? 'SQLite' : 'PostgreSQL'),
      province: null,
      users: { total: 0, disabled: 0 },
      devices: { total: 0, revoked: 0 },
      households: 0,
      setupPending: true,
    })
    const { io } = await run('status')
    expect(io.lines.join('\n')).toContain('First-run setup: chưa xong / pending')
  })

  it('sets the server up from user:create on an empty store', async () => {
    const noProvince = await run('user:create', ['--username', 'admin', '--role', 'province_admin'])
    expect(noProvince.code).toBe(2)
    expect(noProvince.io.errors.join('\n')).toContain('--province is required')
    const notAdmin = await run('user:create', [
      '--username',
      'staff',
      '--role',
      'province_staff',
      '--province',
      PROVINCE,
    ])
    expect(notAdmin.code).toBe(2)
    expect(notAdmin.io.errors.join('\n')).toContain('must be a province_admin')

    const { code, io } = await createAdmin()
    expect(code).toBe(0)
    expect(io.lines[0]).toMatch(/^Đã tạo người dùng \/ User created: admin \(/)
    expect(await status()).toMatchObject({
      province: { code: PROVINCE, name: 'Tuyên Quang' },
      users: { total: 1, disabled: 0 },
      setupPending: false,
    })
    const user = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
    expect(user).toMatchObject({ role: 'province_admin', display_name: 'Quản trị tỉnh' })
    expect(await verifyPassword(PASSWORD, user.password_hash)).toBe(true)
    const audit = await store.db.selectFrom('audit_log').selectAll().orderBy('action').execute()
    expect(audit.map((a) => [a.action, a.actor_kind])).toEqual([
      ['setup.completed', 'cli'],
      ['user.created', 'cli'],
    ])
  })

  it('creates further users with the province rules and refuses bad ones', async () => {
    await createAdmin()
    const viewer = await run('user:create', [
      '--username',
      'xa.ngocduong',
      '--role',
      'commune_viewer',
      '--commune',
      COMMUNE,
    ])
    expect(viewer.code).toBe(0)

    const refusals: [string[], number, string][] = [
      [['--username', 'Xa.NgocDuong', '--role', 'province_staff'], 1, 'username_taken'],
      [
        ['--username', 'v2', '--role', 'commune_viewer', '--commune', FOREIGN_COMMUNE],
        1,
        'invalid_input',
      ],
      [
        ['--username', 'viewer2', '--role', 'commune_viewer', '--commune', FOREIGN_COMMUNE],
        1,
        'invalid_commune',
      ],
      [['--username', 'viewer3', '--role', 'mayor'], 1, 'invalid_input'],
      [['--username', 'viewer4', '--role', 'province_staff', '--province', '01'], 2, 'cli_usage'],
      [['--username', 'viewer5', '--role', 'province_staff', '--colour', 'red'], 2, 'cli_usage'],
    ]
    for (const [args, exit, code] of refusals) {
      const answer = await run('user:create', args)
      expect(answer.code, args.join(' ')).toBe(exit)
      expect(answer.io.errors.join('\n')).toContain(`(${code})`)
    }
    const short = await run(
      'user:create',
      ['--username', 'viewer6', '--role', 'province_staff'],
      new FakeIo('short'),
    )
    expect(short.code).toBe(1)
    expect(short.io.errors.join('\n')).toContain('password')
    expect((await status()).users.total).toBe(2)
  })

  it('resets a password from stdin and ends the user’s sessions', async () => {
    await createAdmin()
    const user = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
    await store.db
      .insertInto('sessions')
      .values({
        id: 's1',
        token_hash: 'h1',
        user_id: user.id,
        csrf_token: 'c1',
        created_at: '2025-09-01T02:00:00.000Z',
        last_seen_at: '2025-09-01T02:00:00.000Z',
        expires_at: '2025-09-08T02:00:00.000Z',
        ip: null,
      })
      .execute()
    const { code, io } = await run(
      'user:reset-password',
      ['--username', 'ADMIN'],
      new FakeIo('mat-khau-moi-2025'),
    )
    expect(code).toBe(0)
    expect(io.lines.join('\n')).toContain('Sessions ended: 1')
    const after = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
    expect(await verifyPassword('mat-khau-moi-2025', after.password_hash)).toBe(true)
    expect(await store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0)

    const unknown = await run('user:reset-password', ['--username', 'nobody'])
    expect(unknown.code).toBe(2)
  })

  it('prints a fresh setup link only while nobody exists', async () => {
    const { code, io } = await run('setup:link')
    expect(code).toBe(0)
    const link = /First-run setup: (\S+)/.exec(io.lines.join('\n'))?.[1] ?? ''
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8080\/setup\?token=/)
    const token = new URL(link).searchParams.get('token') ?? ''
    expect((await setupStatus(store.db, clock, token)).tokenValid).toBe(true)

    await createAdmin()
    expect((await setupStatus(store.db, clock, token)).tokenValid).toBe(false)
    expect((await run('setup:link')).code).toBe(2)
  })

  it('explains unknown commands and bad configuration without a stack', async () => {
    const help = await run('help')
    expect(help.code).toBe(0)
    expect(help.io.lines.join('\n')).toContain('user:reset-password')
    const unknown = await run('users:delete')
    expect(unknown.code).toBe(2)
    expect(unknown.io.errors[0]).toContain('Unknown command: users:delete')

    env = { ...env, PORT: 'eighty' }
    const bad = await run('status')
    expect(bad.code).toBe(1)
    expect(bad.io.errors.join('\n')).toContain('PORT: must be a whole number')
  })
})
