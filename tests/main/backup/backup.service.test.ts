import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createBackup,
  isDailyBackupDue,
  runDailyBackupIfDue,
} from '../../../src/main/backup/backup.service'
import {
  backupFileName,
  backupsBeyondRetention,
  KEEP_BACKUPS,
  listBackups,
  parseBackupFileName,
} from '../../../src/main/backup/backup-files'
import { checkDatabaseFile } from '../../../src/main/backup/sqlite-snapshot'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import type { BackupEntry } from '../../../src/shared/api/ipc/backup.contract'
import { openTestMain, type TestMain } from '../main-test-context'
import { hasWalFiles, headNamesIn, readValue, recordHousehold } from './backup-test-kit'

const DAY = 86_400_000

describe('backups of the local store', () => {
  let main: TestMain
  const backupsDir = () => join(main.dir, 'backups')

  beforeEach(async () => {
    main = await openTestMain()
  })
  afterEach(async () => {
    await main.dispose()
  })

  it('"back up now" writes a checked, self-contained copy of the store', async () => {
    await recordHousehold(main.ctx, 'Lò Văn Pấu')
    await recordHousehold(main.ctx, 'Hoàng Thị Mỷ')
    const entry = await createBackup(main.ctx, 'manual')

    expect(parseBackupFileName(entry.fileName)?.kind).toBe('manual')
    const file = join(backupsDir(), entry.fileName)
    expect(readdirSync(backupsDir())).toEqual([entry.fileName]) // no partial file left
    expect(hasWalFiles(file)).toBe(false) // one file: a rollback journal, not WAL
    expect(readValue<{ journal_mode: string }>(file, 'PRAGMA journal_mode')?.journal_mode).toBe(
      'delete',
    )
    expect(checkDatabaseFile(file)).toEqual([])
    expect(await headNamesIn(file)).toEqual(['Hoàng Thị Mỷ', 'Lò Văn Pấu'])
    expect(listBackups(backupsDir())).toEqual([entry])
    // The live store is untouched and keeps working.
    await recordHousehold(main.ctx, 'Nông Văn Sình')
    expect(await headNamesIn(file)).toHaveLength(2)
  })

  it('is reachable over IPC: backup.create, then backup.overview lists it with the data folder', async () => {
    const created = await dispatch(main.ctx, 'backup.create', {})
    expect(created.ok).toBe(true)
    const overview = await dispatch(main.ctx, 'backup.overview', {})
    if (!overview.ok || !created.ok) throw new Error('call failed')
    const data = overview.data as {
      dataDir: string
      backups: BackupEntry[]
      databaseBytes: number
      keep: Record<string, number>
    }
    expect(data.dataDir).toBe(main.dir)
    expect(data.backups).toEqual([created.data])
    expect(data.databaseBytes).toBeGreaterThan(0)
    expect(data.keep).toEqual(KEEP_BACKUPS)
  })

  it('takes the daily snapshot once per Vietnam day and keeps the last 7', async () => {
    // 2025-11-24T16:30Z is 23:30 in Vietnam; 17:00Z is already the next day there.
    main.clock.set(Date.parse('2025-11-24T16:30:00Z'))
    expect(await runDailyBackupIfDue(main.ctx)).not.toBeNull()
    main.clock.set(Date.parse('2025-11-24T16:59:00Z'))
    expect(await runDailyBackupIfDue(main.ctx)).toBeNull()
    main.clock.set(Date.parse('2025-11-24T17:00:00Z'))
    expect(await runDailyBackupIfDue(main.ctx)).not.toBeNull()

    const manual = await createBackup(main.ctx, 'manual')
    for (let day = 1; day <= 8; day++) {
      main.clock.set(Date.parse('2025-11-24T17:00:00Z') + day * DAY)
      await runDailyBackupIfDue(main.ctx)
    }
    const kept = listBackups(backupsDir())
    const auto = kept.filter((entry) => entry.kind === 'auto')
    expect(auto).toHaveLength(KEEP_BACKUPS.auto)
    // The newest seven days, newest first; the manual backup is kept apart from them.
    expect(auto[0]?.createdAt).toBe('2025-12-02T17:00:00Z')
    expect(auto.at(-1)?.createdAt).toBe('2025-11-26T17:00:00Z')
    expect(kept.map((entry) => entry.fileName)).toContain(manual.fileName)
  })

  it('names backups so they sort by time, and a second one in the same second gets its own name', async () => {
    main.clock.set(Date.parse('2025-11-24T02:30:12.345Z'))
    const first = await createBackup(main.ctx, 'manual')
    const second = await createBackup(main.ctx, 'manual')
    expect(first.fileName).toBe('langso-20251124T023012Z-manual.sqlite')
    expect(second.fileName).toBe('langso-20251124T023012Z-1-manual.sqlite')
    expect(listBackups(backupsDir()).map((entry) => entry.fileName)).toEqual([
      second.fileName,
      first.fileName,
    ])
  })
})

describe('backup names and retention', () => {
  it('reads back what a name says and refuses other files', () => {
    const name = backupFileName('pre-restore', Date.parse('2026-01-02T03:04:05Z'))
    expect(parseBackupFileName(name)).toEqual({
      kind: 'pre-restore',
      createdAt: '2026-01-02T03:04:05Z',
      n: 0,
    })
    for (const other of ['langso.sqlite', '../langso-20260102T030405Z-auto.sqlite', 'x.sqlite']) {
      expect(parseBackupFileName(other)).toBeNull()
    }
  })

  it('keeps the newest of each kind', () => {
    const entry = (kind: BackupEntry['kind'], day: number): BackupEntry => ({
      fileName: backupFileName(kind, Date.UTC(2025, 0, day)),
      kind,
      createdAt: new Date(Date.UTC(2025, 0, day)).toISOString(),
      bytes: 1,
    })
    const newestFirst = [5, 4, 3, 2, 1].flatMap((day) => [entry('auto', day), entry('manual', day)])
    const dropped = backupsBeyondRetention(newestFirst, { auto: 2, manual: 3, 'pre-restore': 1 })
    expect(dropped.map((e) => `${e.kind}:${e.createdAt.slice(8, 10)}`)).toEqual([
      'auto:03',
      'auto:02',
      'manual:02',
      'auto:01',
      'manual:01',
    ])
  })

  it("is due when no automatic backup was taken on today's Vietnam date", () => {
    const at = (iso: string): BackupEntry => ({
      fileName: backupFileName('auto', Date.parse(iso)),
      kind: 'auto',
      createdAt: iso,
      bytes: 1,
    })
    expect(isDailyBackupDue([], Date.parse('2025-11-24T02:00:00Z'))).toBe(true)
    expect(isDailyBackupDue([at('2025-11-23T17:30:00Z')], Date.parse('2025-11-24T16:00:00Z'))).toBe(
      false,
    )
    expect(isDailyBackupDue([at('2025-11-23T16:30:00Z')], Date.parse('2025-11-24T02:00:00Z'))).toBe(
      true,
    )
  })
})
