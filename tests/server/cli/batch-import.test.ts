import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/server/cli/cli'
import type { CliIo } from '../../../src/server/cli/cli-io'
import { ManualClock } from '../../../src/shared/clock/clock'
import { serverStores, type TestServer } from '../../support/server-stores'
import { countRows, dataOf } from '../api-client'
import {
  type ConsoleSession,
  newTestDevice,
  setUpProvince,
  type TestDevice,
} from '../devices/device-test-kit'
import {
  enrolDevice,
  householdsOf,
  sealFor,
  startSealedServer,
  uploadSealed,
} from '../sync/sealed-batch-kit'

class RecordingIo implements CliIo {
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

describe.each(serverStores())('batch:import CLI on $name', (variant) => {
  const clock = new ManualClock(Date.parse('2025-11-24T09:00:00Z'))
  let t: TestServer
  let admin: ConsoleSession
  let device: TestDevice
  let dir: string
  let env: NodeJS.ProcessEnv

  beforeEach(async () => {
    t = await startSealedServer(variant, clock)
    admin = await setUpProvince(t, clock)
    device = newTestDevice()
    await enrolDevice(t, admin, device)
    dir = await mkdtemp(path.join(tmpdir(), 'langso-usb-'))
    env = { LANGSO_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' }
  })
  afterEach(async () => {
    await t?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const importWithCli = async (bytes: Uint8Array) => {
    const file = path.join(dir, 'lo.langso-batch')
    await writeFile(file, bytes)
    const io = new RecordingIo()
    const code = await runCli('batch:import', [file], env, io, clock)
    return { code, io }
  }

  it('imports a file once: a second import and an upload of the same bytes count nothing twice', async () => {
    const bytes = sealFor(device, householdsOf(device, 2))
    const first = await importWithCli(bytes)
    expect(first.code).toBe(0)
    expect(first.io.lines).toContain('  Nhận mới / Accepted: 2')

    const second = await importWithCli(bytes)
    expect(second.code).toBe(0)
    expect(second.io.lines).toContain('  Nhận mới / Accepted: 0')
    expect(second.io.lines).toContain('  Đã có / Duplicate: 2')
    const upload = dataOf('sync.uploadSealedBatch', await uploadSealed(t, device, bytes))
    expect(upload.purpose).toBe('langso-sync-receipt')
    expect(await countRows(t.store.db)).toMatchObject({ batches: 1, revisions: 2, households: 2 })
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind'])
      .where('action', '=', 'batch.imported')
      .execute()
    expect(audit).toEqual([
      { action: 'batch.imported', actor_kind: 'cli' },
      { action: 'batch.imported', actor_kind: 'cli' },
    ])
  })

  it('refuses a tampered file with its reason and exit code 1, storing nothing', async () => {
    const bytes = Uint8Array.from(sealFor(device, householdsOf(device, 1)))
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01
    const { code, io } = await importWithCli(bytes)
    expect(code).toBe(1)
    expect(io.errors.join('\n')).toContain('signature_invalid')
    expect(await countRows(t.store.db)).toMatchObject({ revisions: 0, households: 0 })
  })

  it('says so when the file cannot be read', async () => {
    const io = new RecordingIo()
    const code = await runCli('batch:import', [path.join(dir, 'missing')], env, io, clock)
    expect(code).toBe(2)
    expect(io.errors.join('\n')).toContain('Cannot read the file')
  })
})
