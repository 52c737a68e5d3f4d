import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BATCH_MEDIA_TYPE } from '../../src/shared/sync/batch-codec.node.js'
import { signDeviceRequest } from '../../src/shared/sync/device-signature.node.js'
import {
  type EnrolledLaptop,
  enrolBatchLaptop,
  laptopHouseholds,
  sealLaptopBatch,
  signInApi,
} from './support/console-batches'
import { type ConsoleHarness, choose, SHOTS, startConsoleHarness } from './support/console-browser'
import { openSignedInConsole } from './support/console-session'

/**
 * The export page in real Chromium at 1366×768 against a real server (SQLite): a laptop
 * of Xã Ngọc Đường sends a few thousand realistic households; the province admin makes an
 * XLSX of the whole province (progress, then a download read back with exceljs), then CSV
 * files of completed households only, downloaded and parsed back.
 */

const COMMUNE = '00700'
const HOUSEHOLDS = 5_000
const UPLOAD = '/api/v1/sync/sealed-batches'

async function upload(baseUrl: string, laptop: EnrolledLaptop, bytes: Uint8Array): Promise<void> {
  const body = Buffer.from(bytes)
  const headers = signDeviceRequest(laptop.keys.privateKey, {
    method: 'POST',
    pathWithQuery: UPLOAD,
    body,
    deviceId: laptop.id,
  })
  const res = await fetch(`${baseUrl}${UPLOAD}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': BATCH_MEDIA_TYPE },
    body,
  })
  if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${await res.text()}`)
}

describe('exports in Chromium', () => {
  let h: ConsoleHarness
  let page: Page

  beforeAll(async () => {
    h = await startConsoleHarness()
    page = h.page
    await openSignedInConsole(page, h.server, '/exports')
    const admin = await signInApi(h.server.url)
    const laptop = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop thôn Khuổi My')
    const revisions = laptopHouseholds(laptop, HOUSEHOLDS, 6)
    for (let at = 0; at < revisions.length; at += 500) {
      const batch = sealLaptopBatch(laptop, revisions.slice(at, at + 500), '2025-11-24T10:00:00Z')
      await upload(h.server.url, laptop, batch)
    }
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  const jobRows = () => page.getByTestId('export-job')

  it('opens from the navigation with nothing exported yet', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Xuất dữ liệu' }).click()
    await page.getByRole('heading', { name: 'Xuất dữ liệu' }).first().waitFor()
    await page.getByText('Chưa xuất lần nào').waitFor()
    expect(new URL(page.url()).pathname).toBe('/exports')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await h.shot('console-exports-empty.png')
  }, 30_000)

  it('writes the whole province as a workbook, showing progress, then downloads it', async () => {
    await page.getByRole('button', { name: 'Tạo tệp xuất' }).click()
    await jobRows().first().waitFor()
    // The bar shows while the server writes; a fast machine may already be done.
    const writing = await page
      .locator('[data-testid=export-job][data-status=running]', {
        hasText: /Đang ghi (hộ|thành viên): [1-9]/,
      })
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false)
    // A picture of the bar only when one was seen (an old one would mislead).
    await rm(path.join(SHOTS, 'console-exports-progress.png'), { force: true })
    if (writing) await h.shot('console-exports-progress.png')

    const done = page.locator('[data-testid=export-job][data-status=done]')
    await done.first().waitFor({ timeout: 60_000 })
    const text = (await done.first().textContent()) ?? ''
    expect(text).toContain('Toàn tỉnh')
    expect(text).toContain(`${HOUSEHOLDS.toLocaleString('vi-VN')} hộ`)
    await h.shot('console-exports-done.png')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      done
        .first()
        .getByRole('link', { name: /^Tải langso-toan-tinh-.*\.xlsx$/ })
        .click(),
    ])
    const file = path.join(h.tmp, download.suggestedFilename())
    await download.saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Hộ gia đình',
      'Thành viên',
      'Chỉ số',
      'Thông tin',
    ])
    expect(workbook.getWorksheet('Hộ gia đình')?.actualRowCount).toBe(HOUSEHOLDS + 1)
    expect(workbook.getWorksheet('Hộ gia đình')?.getRow(1).getCell(1).value).toBe('Mã hộ')
  }, 90_000)

  it('writes CSV files of the completed households of a commune', async () => {
    await page.getByText('CSV', { exact: true }).click()
    await choose(page, page, 'Xã / Phường', 'Xã Ngọc Đường', 'ngoc duong')
    await choose(page, page, 'Kết quả khảo sát', 'Hoàn thành')
    await page.getByLabel('Khảo sát từ ngày').fill('01/01/2024')
    await h.shot('console-exports-form.png')
    await page.getByRole('button', { name: 'Tạo tệp xuất' }).click()

    const csvJob = jobRows().filter({ hasText: 'Kết quả: Hoàn thành' })
    await csvJob.and(page.locator('[data-status=done]')).waitFor({ timeout: 60_000 })
    expect(await csvJob.textContent()).toContain(
      'Xã Ngọc Đường · Kết quả: Hoàn thành · từ 01/01/2024',
    )
    await h.shot('console-exports-csv.png')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      csvJob.getByRole('link', { name: /ho-gia-dinh\.csv$/ }).click(),
    ])
    const file = path.join(h.tmp, download.suggestedFilename())
    await download.saveAs(file)
    const bytes = await readFile(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows.map((r) => r['Kết quả khảo sát']))).toEqual(new Set(['Hoàn thành']))
    expect(h.pageErrors).toEqual([])
  }, 90_000)
})
