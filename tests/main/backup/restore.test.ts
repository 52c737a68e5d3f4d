import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { takeNodeRestartRequests } from '../../../src/main/app/app-shell'
import { createBackup } from '../../../src/main/backup/backup.service'
import { backupFileName, listBackups } from '../../../src/main/backup/backup-files'
import {
  applyStagedRestore,
  previewRestore,
  stageRestore,
} from '../../../src/main/backup/restore.service'
import { inspectBackup } from '../../../src/main/backup/restore-check'
import { readLastRestore, readRestoreMarker } from '../../../src/main/backup/restore-marker'
import { closeMainContext } from '../../../src/main/context'
import { startDraft } from '../../../src/main/drafts/draft.service'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { FIXTURE_VILLAGE } from '../../support/household-fixtures'
import { MemoryLogger, openTestMain, type TestMain } from '../main-test-context'
import { headNamesIn, readValue, recordHousehold, runOn } from './backup-test-kit'

describe('restoring a backup', () => {
  let main: TestMain
  const backupsDir = () => join(main.dir, 'backups')
  const backupPath = (fileName: string) => join(backupsDir(), fileName)

  beforeEach(async () => {
    main = await openTestMain()
    takeNodeRestartRequests()
  })
  afterEach(async () => {
    await main.dispose()
  })

  /** A backup holding one household, then unsynced work made after it. */
  async function backupThenMoreWork() {
    await recordHousehold(main.ctx, 'Lò Văn Pấu')
    main.clock.advance(60_000)
    const backup = await createBackup(main.ctx, 'manual')
    main.clock.advance(60_000)
    const later = await recordHousehold(main.ctx, 'Hoàng Thị Mỷ')
    const draft = await startDraft(main.ctx, { villageCode: FIXTURE_VILLAGE })
    return { backup, later, draft }
  }

  it('checks the backup and lists the unsent work a restore would drop', async () => {
    const { backup, later, draft } = await backupThenMoreWork()
    const preview = await previewRestore(main.ctx, backup.fileName)
    expect(preview.checks).toEqual({ integrity: 'ok', schema: 'ok', dataKey: 'ok', device: 'ok' })
    expect(preview.backupCounts).toEqual({ households: 1, pendingRecords: 1, drafts: 0 })
    expect(preview.loss.records).toEqual([
      {
        householdId: later.householdId,
        headName: 'Hoàng Thị Mỷ',
        villageCode: FIXTURE_VILLAGE,
        visitDate: '2025-11-24',
        revisions: 1,
        state: 'pending',
      },
    ])
    expect(preview.loss.drafts.map((d) => [d.draftId, d.change])).toEqual([[draft.id, 'missing']])
    expect(preview.loss.sentNotInBackup).toBe(0)
    expect(preview.loss.enrolmentDiffers).toBe(false)
  })

  it('counts records the province already has apart from the unsent ones', async () => {
    const { backup, later } = await backupThenMoreWork()
    await main.ctx.db
      .updateTable('revisions')
      .set({ status: 'sent' })
      .where('household_id', '=', later.householdId)
      .execute()
    const preview = await previewRestore(main.ctx, backup.fileName)
    expect(preview.loss.records).toEqual([])
    expect(preview.loss.sentNotInBackup).toBe(1)
  })

  it('refuses to stage a restore unless exactly the listed work is confirmed', async () => {
    const { backup, later, draft } = await backupThenMoreWork()
    const none = { householdIds: [], draftIds: [] }
    await expect(stageRestore(main.ctx, backup.fileName, none)).rejects.toMatchObject({
      code: 'restore_loss_not_confirmed',
    })
    const confirmed = { householdIds: [later.householdId], draftIds: [draft.id] }
    // Work saved after the person looked makes the confirmation stale.
    const newer = await recordHousehold(main.ctx, 'Nông Văn Sình')
    await expect(stageRestore(main.ctx, backup.fileName, confirmed)).rejects.toMatchObject({
      code: 'restore_loss_not_confirmed',
    })
    expect(readRestoreMarker(join(main.dir, 'restore-pending.json'))).toBeNull()
    expect(takeNodeRestartRequests()).toEqual([])

    const staged = await stageRestore(main.ctx, backup.fileName, {
      householdIds: [newer.householdId, later.householdId],
      draftIds: [draft.id],
    })
    expect(staged).toEqual({ restartRequired: true, fileName: backup.fileName })
    expect(readRestoreMarker(join(main.dir, 'restore-pending.json'))?.fileName).toBe(
      backup.fileName,
    )
    expect(takeNodeRestartRequests()).toEqual(['restore'])
  })

  it('applies a staged restore at start, keeping a safety copy and the clock', async () => {
    const { backup, later, draft } = await backupThenMoreWork()
    await stageRestore(main.ctx, backup.fileName, {
      householdIds: [later.householdId],
      draftIds: [draft.id],
    })
    const clockBefore = readValue<{ value: string }>(
      main.dbPath,
      "SELECT value FROM settings WHERE key = 'hlc_last'",
    )?.value
    await closeMainContext(main.ctx)

    const log = new MemoryLogger()
    const outcome = await applyStagedRestore({ dbFile: main.dbPath, nowMs: main.clock.now(), log })
    expect(outcome?.result).toBe('restored')
    expect(outcome?.safetyBackup).toMatch(/-pre-restore\.sqlite$/)
    expect(existsSync(`${main.dbPath}-wal`)).toBe(false)
    expect(readRestoreMarker(join(main.dir, 'restore-pending.json'))).toBeNull()
    expect(readLastRestore(join(main.dir, 'last-restore.json'))).toEqual(outcome)
    expect(log.entries.map((e) => e.event)).toEqual(['restore_applied'])

    // The store is the backup's; the work given up is in the safety copy.
    expect(await headNamesIn(main.dbPath)).toEqual(['Lò Văn Pấu'])
    const safety = backupPath(outcome?.safetyBackup ?? '')
    expect(await headNamesIn(safety)).toEqual(['Hoàng Thị Mỷ', 'Lò Văn Pấu'])
    expect(readValue<{ n: number }>(safety, 'SELECT count(*) AS n FROM drafts')?.n).toBe(1)
    // Stamps already given out are never given again.
    expect(
      readValue<{ value: string }>(main.dbPath, "SELECT value FROM settings WHERE key = 'hlc_last'")
        ?.value,
    ).toBe(clockBefore)

    // The app opens the restored store as usual and keeps working on it.
    const ctx = await main.reopen()
    expect(await ctx.db.selectFrom('households').select('head_name').execute()).toEqual([
      { head_name: 'Lò Văn Pấu' },
    ])
    await recordHousehold(ctx, 'Lý Thị Dua')
    // Nothing staged: a further start changes nothing.
    expect(await applyStagedRestore({ dbFile: main.dbPath, nowMs: 0, log })).toBeNull()
  })

  it('leaves the store as it was when the backup is damaged by the time of the restart', async () => {
    const { backup, later, draft } = await backupThenMoreWork()
    await stageRestore(main.ctx, backup.fileName, {
      householdIds: [later.householdId],
      draftIds: [draft.id],
    })
    await closeMainContext(main.ctx)
    damage(backupPath(backup.fileName))
    const outcome = await applyStagedRestore({
      dbFile: main.dbPath,
      nowMs: main.clock.now(),
      log: new MemoryLogger(),
    })
    expect(outcome).toMatchObject({ result: 'failed', errorCode: 'backup_damaged' })
    expect(await headNamesIn(main.dbPath)).toEqual(['Hoàng Thị Mỷ', 'Lò Văn Pấu'])
    expect(readRestoreMarker(join(main.dir, 'restore-pending.json'))).toBeNull()
    await main.reopen()
  })

  it('refuses a damaged backup, one that is not a database, and one it cannot migrate', async () => {
    const { backup } = await backupThenMoreWork()
    const copy = (kind: 'manual' | 'auto', n: number) => {
      const name = backupFileName(kind, Date.parse('2025-01-01T00:00:00Z'), n)
      copyFileSync(backupPath(backup.fileName), backupPath(name))
      return name
    }
    const damaged = copy('manual', 1)
    damage(backupPath(damaged))
    await expect(inspectBackup(main.ctx, damaged)).rejects.toMatchObject({ code: 'backup_damaged' })

    const garbage = copy('manual', 2)
    writeFileSync(backupPath(garbage), 'not a database at all '.repeat(500))
    await expect(inspectBackup(main.ctx, garbage)).rejects.toMatchObject({ code: 'backup_damaged' })

    const newer = copy('manual', 3)
    runOn(
      backupPath(newer),
      "INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01T00:00:00Z')",
    )
    await expect(inspectBackup(main.ctx, newer)).rejects.toMatchObject({
      code: 'backup_incompatible',
    })

    await expect(inspectBackup(main.ctx, backupFileName('auto', 0))).rejects.toMatchObject({
      code: 'backup_not_found',
    })
  })

  it("refuses another installation's backup and one sealed with another data key", async () => {
    const { backup } = await backupThenMoreWork()
    const otherDevice = backupFileName('manual', Date.parse('2025-01-01T00:00:00Z'), 1)
    copyFileSync(backupPath(backup.fileName), backupPath(otherDevice))
    runOn(
      backupPath(otherDevice),
      "UPDATE settings SET value = '019ab5e6-6c00-7000-8000-00000000dead' WHERE key = 'device_id'",
    )
    await expect(inspectBackup(main.ctx, otherDevice)).rejects.toMatchObject({
      code: 'backup_other_device',
    })

    const otherKey = backupFileName('manual', Date.parse('2025-01-01T00:00:00Z'), 2)
    copyFileSync(backupPath(backup.fileName), backupPath(otherKey))
    runOn(
      backupPath(otherKey),
      "UPDATE settings SET value = 'another' WHERE key = 'data_key_check'",
    )
    await expect(inspectBackup(main.ctx, otherKey)).rejects.toMatchObject({
      code: 'backup_other_key',
    })
  })

  it('takes backup names only from the backups folder over IPC', async () => {
    for (const fileName of ['../langso.sqlite', 'langso.sqlite', '/etc/passwd']) {
      const answer = await dispatch(main.ctx, 'backup.previewRestore', { fileName })
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    const answer = await dispatch(main.ctx, 'backup.restore', {
      fileName: backupFileName('auto', 0),
      confirmLoss: { householdIds: [], draftIds: [] },
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'backup_not_found' } })
    expect(listBackups(backupsDir())).toEqual([])
  })
})

/** Overwrites pages in the middle of a database file with noise (a failing disk). */
function damage(file: string): void {
  const db = readFileSync(file)
  for (let i = 4096 * 2; i < Math.min(db.length, 4096 * 6); i += 7) db[i] = (db[i] ?? 0) ^ 0x5a
  writeFileSync(file, db)
}
