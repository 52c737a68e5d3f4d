import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { takeNodeRestartRequests } from '../../src/main/app/app-shell'
import { silentLogger } from '../../src/main/app/logger'
import { applyStagedRestore } from '../../src/main/backup/restore.service'
import { startDraft } from '../../src/main/drafts/draft.service'
import { PILOT_COMMUNE } from '../../src/shared/places/pilot-places'
import { recordVisit } from '../main/visit-test-helpers'
import { makeHouseholdResponse } from '../support/household-fixtures'
import { type DesktopHarness, SHOTS, startDesktopHarness } from './support/desktop-harness'
import { screenshot } from './support/sync-flow.steps'

/**
 * "Dữ liệu và sao lưu" in real Chromium: the built renderer, `window.api` bridged to the
 * real main-process handlers on a real SQLite file. The data folder is shown; "Sao lưu
 * ngay" takes a backup; restoring it after more work lists exactly what would be lost
 * and needs the person's consent; the restart applies it; a damaged backup is refused;
 * the diagnostics bundle is saved.
 */

const VILLAGE = PILOT_COMMUNE.villages[0]!

describe('desktop settings: data folder, backups, restore, diagnostics', () => {
  let h: DesktopHarness
  let page: Page
  /** What the page's Content-Security-Policy refused (the same policy the app sends). */
  const refused: string[] = []

  const save = (headName: string) =>
    recordVisit(
      h.ctx(),
      makeHouseholdResponse({ answers: { head_name: headName, village: VILLAGE.code } }),
      {
        villageCode: VILLAGE.code,
      },
    )
  const openDataCare = async () => {
    await page.getByRole('button', { name: 'Cài đặt' }).click()
    await page.getByRole('menuitem', { name: 'Dữ liệu và sao lưu…' }).click()
    await page.getByTestId('data-care-screen').waitFor()
  }

  beforeAll(async () => {
    h = await startDesktopHarness({ startMs: Date.now() })
    page = h.page
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text())
    })
    takeNodeRestartRequests()
    await save('Lò Văn Pấu')
    await save('Hoàng Thị Mỷ')
    await page.goto(`${h.renderer.url}/`)
  }, 60_000)

  afterAll(async () => {
    await h?.close()
  })

  it('shows the data folder and takes a backup on "Sao lưu ngay"', async () => {
    await openDataCare()
    await expect.poll(() => page.getByTestId('data-folder').textContent()).toBe(h.tmp)
    await expect.poll(() => page.getByTestId('backups-table').count()).toBe(0)
    await page.getByTestId('backup-now').click()
    await page.getByTestId('backup-done').waitFor()
    await expect.poll(() => page.locator('[data-testid=backups-table] tbody tr').count()).toBe(1)
    await expect
      .poll(() => page.locator('[data-testid=backups-table] tbody tr td').nth(1).textContent())
      .toBe('Sao lưu ngay')
    expect(await noHorizontalScroll(page)).toBe(true)
    await screenshot(page, 'desktop-settings-data.png')
  })

  it('lists the unsent work a restore would drop and needs consent before restoring', async () => {
    // Work done after the backup: a saved household and a visit in progress.
    await save('Nông Văn Sình')
    const draft = await startDraft(h.ctx(), { villageCode: VILLAGE.code })
    await page.locator('[data-testid=backups-table] tbody tr button').first().click()
    await page.getByTestId('restore-preview').waitFor()
    const lost = page.getByTestId('lost-records')
    await expect.poll(() => lost.locator('tbody tr').count()).toBe(1)
    await expect.poll(() => lost.locator('tbody tr td').first().textContent()).toBe('Nông Văn Sình')
    await expect.poll(() => lost.locator('tbody tr td').nth(1).textContent()).toBe(VILLAGE.name)
    await expect.poll(() => page.locator('[data-testid=lost-drafts] tbody tr').count()).toBe(1)
    const confirm = page.getByTestId('restore-confirm')
    expect(await confirm.isDisabled()).toBe(true)
    await screenshot(page, 'desktop-settings-restore.png')

    await page.getByLabel('Tôi đã xem danh sách trên và đồng ý bỏ những việc đó').check()
    expect(await confirm.isDisabled()).toBe(false)
    await confirm.click()
    await page.getByTestId('restore-restarting').waitFor()
    expect(takeNodeRestartRequests()).toEqual(['restore'])
    expect(draft.id).toBeTruthy()
  })

  it('applies the restore at the restart and says so', async () => {
    let outcome: Awaited<ReturnType<typeof applyStagedRestore>> = null
    await h.restartMain(async () => {
      outcome = await applyStagedRestore({ dbFile: h.dbPath, nowMs: Date.now(), log: silentLogger })
    })
    expect(outcome).toMatchObject({ result: 'restored' })
    await page.goto(`${h.renderer.url}/`)
    await openDataCare()
    await page.getByTestId('last-restore').waitFor()
    // The restored backup and the safety copy taken before the restore.
    const kinds = page.locator('[data-testid=backups-table] tbody tr td:nth-child(2)')
    await expect
      .poll(async () => (await kinds.allTextContents()).sort())
      .toEqual(['Sao lưu ngay', 'Trước khi khôi phục'])
    const heads = await h.ctx().db.selectFrom('households').select('head_name').execute()
    expect(heads.map((row) => row.head_name).sort()).toEqual(['Hoàng Thị Mỷ', 'Lò Văn Pấu'])
    await screenshot(page, 'desktop-settings-restored.png')
  })

  it('refuses a damaged backup with a plain message', async () => {
    const rows = page.locator('[data-testid=backups-table] tbody tr')
    const fileName = await rows.last().getAttribute('data-backup')
    const file = path.join(h.tmp, 'backups', fileName ?? '')
    const bytes = readFileSync(file)
    for (let i = 8192; i < Math.min(bytes.length, 24_576); i += 5) bytes[i] = (bytes[i] ?? 0) ^ 0x5a
    writeFileSync(file, bytes)
    await rows.last().locator('button').click()
    await page.getByTestId('restore-refused').waitFor()
    await expect.poll(() => page.getByTestId('restore-refused').textContent()).toContain('bị hỏng')
    await screenshot(page, 'desktop-settings-damaged.png')
    await page.getByRole('button', { name: 'Đóng' }).last().click()
  })

  it('saves the diagnostics bundle', async () => {
    const download = page.waitForEvent('download')
    await page.getByTestId('export-diagnostics').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^langso-diagnostics-\d{8}T\d{6}Z\.zip$/)
    const saved = path.join(SHOTS, 'desktop-settings-diagnostics.zip')
    await file.saveAs(saved)
    const zip = readFileSync(saved)
    expect(zip.readUInt32LE(0)).toBe(0x04034b50)
    expect(zip.includes(Buffer.from('diagnostics.json'))).toBe(true)
    expect(zip.includes(Buffer.from('Hoàng'))).toBe(false)
    await page.getByTestId('diagnostics-done').waitFor()
    expect(h.pageErrors).toEqual([])
    expect(refused).toEqual([])
  })
})

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}
