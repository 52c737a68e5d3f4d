import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HouseholdRevision } from '../../src/shared/household/household-revision.schema'
import {
  type ApiSession,
  createCommuneViewer,
  enrolBatchLaptop,
  laptopHouseholds,
  sealLaptopBatch,
  signInApi,
  tampered,
  writeBatchFile,
} from './support/console-batches'
import { type ConsoleHarness, startConsoleHarness } from './support/console-browser'
import { openSignedInConsole, signInPage } from './support/console-session'

/**
 * The console's batch inbox, batch-file import and quarantine, in real Chromium at
 * 1366×768 against a real server on a fresh SQLite store: a laptop enrolled through the
 * API seals batches to the server's province key as the desktop does; the console imports
 * a file (accepted), the same file again (all duplicate), a tampered copy (refused, with
 * the reason), and a file with an invalid household (rejected into the quarantine).
 */

const COMMUNE = '00700'

/** A household whose head's name was left empty: the form refuses it. */
function withoutHeadName(revision: HouseholdRevision): HouseholdRevision {
  const answers = { ...revision.response.answers }
  delete answers.head_name
  return { ...revision, response: { ...revision.response, answers } }
}

describe('batch inbox, import and quarantine in Chromium', () => {
  let h: ConsoleHarness
  let page: Page
  let admin: ApiSession
  const files: Record<'good' | 'tampered' | 'invalid', string> = {
    good: '',
    tampered: '',
    invalid: '',
  }

  beforeAll(async () => {
    h = await startConsoleHarness()
    page = h.page
    await openSignedInConsole(page, h.server, '/batches')
    admin = await signInApi(h.server.url)
    const laptop = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop xã Ngọc Đường')
    const good = sealLaptopBatch(laptop, laptopHouseholds(laptop, 3, 1), '2025-11-24T10:00:00.000Z')
    const [valid, invalid] = laptopHouseholds(laptop, 2, 2)
    if (!valid || !invalid) throw new Error('two households were asked for')
    // Sealed "earlier" than the first file: the laptop's clock was set back in between.
    const withInvalid = sealLaptopBatch(
      laptop,
      [valid, withoutHeadName(invalid)],
      '2025-11-20T09:00:00.000Z',
    )
    files.good = await writeBatchFile(h.tmp, 'lo-ngoc-duong-1.langso-batch', good)
    files.tampered = await writeBatchFile(h.tmp, 'lo-ngoc-duong-sua.langso-batch', tampered(good))
    files.invalid = await writeBatchFile(h.tmp, 'lo-ngoc-duong-2.langso-batch', withInvalid)
  }, 60_000)
  afterAll(async () => {
    await h?.close()
  })

  const heading = (name: string) => page.getByRole('heading', { name }).first()
  const nav = (name: string) =>
    page.getByRole('navigation').getByRole('link', { name, exact: true })
  const drop = () => page.locator('input[type=file]')
  const result = () => page.getByTestId('batch-import-result')

  it('shows an empty inbox, then imports a batch file with its manifest', async () => {
    await heading('Hộp thư lô').waitFor()
    await page.getByText('Chưa có lô nào').waitFor()
    await page.getByRole('button', { name: 'Nhập tệp lô' }).click()
    await heading('Nhập tệp lô').waitFor()
    expect(new URL(page.url()).pathname).toBe('/batches/import')

    await drop().setInputFiles(files.good)
    await page.getByText('Đã nhập tệp lo-ngoc-duong-1.langso-batch.').waitFor()
    const text = (await result().textContent()) ?? ''
    expect(text).toContain('Nhận mới3')
    expect(text).toContain('Đã nhận trước đó0')
    const manifest = (await page.getByTestId('batch-manifest').textContent()) ?? ''
    expect(manifest).toContain('Xã Ngọc Đường')
    expect(manifest).toContain('24/11/2025 17:00')
    expect(manifest).toContain('3 bản ghi · 3 hộ · 9 thành viên')
    await h.shot('console-batch-import.png')
  }, 60_000)

  it('says a file imported twice was received before, changing nothing', async () => {
    await drop().setInputFiles(files.good)
    await page.getByText('Tệp này đã nhận trước đó').waitFor()
    const text = (await result().textContent()) ?? ''
    expect(text).toContain('Nhận mới0')
    expect(text).toContain('Đã nhận trước đó3')
  }, 30_000)

  it('refuses a tampered copy with the reason in Vietnamese', async () => {
    await drop().setInputFiles(files.tampered)
    const alert = page.getByRole('alert')
    await alert.getByText('Tệp lo-ngoc-duong-sua.langso-batch bị từ chối').waitFor()
    expect(await alert.textContent()).toContain('tệp đã bị thay đổi sau khi xuất')
    await h.shot('console-batch-refused.png')
  }, 30_000)

  it('keeps an invalid household in the quarantine, with the form’s words', async () => {
    await drop().setInputFiles(files.invalid)
    await page.getByText(/1 hồ sơ bị từ chối/).waitFor()
    const text = (await result().textContent()) ?? ''
    expect(text).toContain('Nhận mới1')
    expect(text).toContain('Bị từ chối1')

    await page.getByRole('button', { name: 'Xem hồ sơ bị từ chối' }).click()
    await heading('Hồ sơ bị từ chối').waitFor()
    const table = page.getByTestId('quarantine')
    await table.waitFor()
    expect(await table.locator('tbody tr').count()).toBe(1)
    const row = (await table.textContent()) ?? ''
    expect(row).toContain('Không qua kiểm tra của mẫu phiếu')
    expect(row).toContain('Xã Ngọc Đường')
    expect(row).toContain('Họ')
    await h.shot('console-quarantine.png')
  }, 30_000)

  it('lists all the batches in the inbox, with the refusal and the clock warning', async () => {
    await nav('Hộp thư lô').click()
    const table = page.getByTestId('batch-inbox')
    await table.waitFor()
    // The file imported twice is one batch: its second import stored nothing new.
    await page.getByText('3 lô', { exact: true }).waitFor()
    const rows = table.locator('tbody tr')
    expect(await rows.count()).toBe(3)
    expect(await table.locator('tr[data-status=refused]').count()).toBe(1)
    const refused = (await table.locator('tr[data-status=refused]').textContent()) ?? ''
    expect(refused).toContain('Bị từ chối')
    expect(refused).toContain('tệp đã bị thay đổi')
    expect(await table.getByText('Tệp USB').count()).toBe(3)
    await table.getByText('Đồng hồ máy bị lùi').waitFor()
    await h.shot('console-inbox.png')

    // Filtering by status keeps only the refused file.
    await page.getByLabel('Trạng thái').and(page.locator('input')).first().click()
    await page.getByRole('option', { name: 'Bị từ chối', exact: true }).click()
    await page.getByText('1 lô', { exact: true }).waitFor()
    expect(await rows.count()).toBe(1)
    expect(h.pageErrors).toEqual([])
  }, 30_000)

  it('opens a batch from the inbox with the result of each record it brought', async () => {
    await page.goto(`${h.server.url}/batches`)
    const table = page.getByTestId('batch-inbox')
    await table.waitFor()
    const late = table.locator('tbody tr').filter({ hasText: 'Đồng hồ máy bị lùi' })
    await late.getByRole('link').first().click()
    const detail = page.getByTestId('batch-detail')
    await detail.waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/batches\/[0-9a-f-]{36}$/)
    const facts = (await page.getByTestId('batch-facts').textContent()) ?? ''
    expect(facts).toContain('Xã Ngọc Đường')
    expect(facts).toContain('Đồng hồ máy bị lùi')
    const records = page.getByTestId('batch-import-records')
    await records.waitFor()
    // Rejected records come first: they are the ones staff act on.
    expect(await records.locator('tbody tr').count()).toBe(1)
    expect(await records.textContent()).toContain('Không qua kiểm tra của mẫu phiếu')
    await h.shot('console-batch-detail.png')
    await page.getByRole('link', { name: '← Hộp thư lô' }).click()
    await table.waitFor()
  }, 30_000)

  it('checks a quarantined record again, then sets it aside with a reason', async () => {
    await nav('Hồ sơ bị từ chối').click()
    const table = page.getByTestId('quarantine')
    await table.waitFor()
    await table.getByRole('checkbox', { name: 'Chọn phiếu này' }).check()
    const actions = page.getByTestId('quarantine-actions')
    await actions.getByText('Đã chọn 1 phiếu').waitFor()
    await h.shot('console-quarantine-selected.png')

    await actions.getByRole('button', { name: 'Kiểm tra lại' }).click()
    const notice = page.getByTestId('quarantine-notice')
    await notice.getByText('1 vẫn bị từ chối').waitFor()
    expect(await table.locator('tbody tr').count()).toBe(1)

    await table.getByRole('checkbox', { name: 'Chọn phiếu này' }).check()
    await actions.getByRole('button', { name: 'Để riêng…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Để riêng', exact: true }).click()
    await dialog.getByText('Cần ghi lý do').waitFor()
    await dialog.getByLabel('Lý do').fill('Hộ đã được khảo sát lại bằng phiếu khác')
    await h.shot('console-quarantine-dismiss.png')
    await dialog.getByRole('button', { name: 'Để riêng', exact: true }).click()
    await notice.getByText('Đã để riêng 1 phiếu.').waitFor()
    await page.getByText('Không có hồ sơ bị từ chối').waitFor()

    await page.getByText('Đã để riêng', { exact: true }).first().click()
    await table.waitFor()
    const row = (await table.textContent()) ?? ''
    expect(row).toContain('Hộ đã được khảo sát lại bằng phiếu khác')
    expect(row).toContain('quantri.tinh')
    await h.shot('console-quarantine-dismissed.png')
    expect(h.pageErrors).toEqual([])
  }, 30_000)

  it('shows a commune viewer only their commune, and no import', async () => {
    const viewer = {
      username: 'lan.pt',
      password: 'mat-khau-xa-phu-linh',
      displayName: 'Phạm Thị Lan',
      communeCode: '00706',
    }
    await createCommuneViewer(h.server.url, admin, viewer)
    await signInPage(page, h.server.url, viewer, '/batches')
    await heading('Hộp thư lô').waitFor()
    await page.getByText('Chưa có lô nào').waitFor()
    expect(await page.getByRole('button', { name: 'Nhập tệp lô' }).count()).toBe(0)
    await nav('Hồ sơ bị từ chối').click()
    await page.getByText('Không có hồ sơ bị từ chối').waitFor()
    await page.goto(`${h.server.url}/batches/import`)
    await page.getByText('không được làm việc này').waitFor()
  }, 30_000)
})
