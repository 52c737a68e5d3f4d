import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeMainContext, type MainContext, openMainContext } from '../../src/main/context'
import { fixedTestKeyProvider } from '../../src/main/crypto/test-key-provider'
import { loadServerConfig, sqliteFilePath } from '../../src/server/config/server-config'
import { type RunningServer, startServer } from '../../src/server/server'
import type { Answers } from '../../src/shared/forms/form-response.schema'
import { PILOT_COMMUNE } from '../../src/shared/places/pilot-places'
import { dataOf } from '../server/api-client'
import { ConsoleClient } from '../server/auth/auth-test-kit'
import { bridgeDesktopApi } from './support/api-bridge'
import {
  CONSOLE_ADMIN,
  completeFirstRunSetup,
  openSignedInConsole,
} from './support/console-session'
import {
  answer,
  answerAll,
  memberRow,
  openMember,
  questionBlock,
} from './support/household-form.page'
import { type StaticServer, serveStatic } from './support/static-server'

/**
 * The walking skeleton, end to end with real parts: the built desktop renderer in Debian's
 * Chromium, `window.api` bridged to the real main-process handlers on a real SQLite file,
 * the real provincial server on 127.0.0.1, and the province console it serves.
 */

const CHROMIUM = '/usr/bin/chromium'
const RENDERER_DIR = path.resolve('out/renderer')
const CONSOLE_DIR = path.resolve('out/console')
const SHOTS = path.resolve('test-results')
/** The same key on every open, so a restart can read what was sealed before it. */
const keyProvider = fixedTestKeyProvider()
const VILLAGE = PILOT_COMMUNE.villages[0] ?? { code: '00700-01', name: 'Thôn Khuổi My' }

const HEAD = 'Nguyễn Văn Hùng'
const HOUSEHOLD: Answers = {
  address: 'Số 12, xóm Khuổi My',
  visit_result: 'completed',
  consent: true,
  phone: '0912 345 678',
  h_internet: 'fibre',
  h_mobile_signal: 'good',
  h_business: false,
}
const ADULT: Answers = {
  residence: 'permanent',
  m_phone: 'smartphone',
  m_internet_3m: true,
  m_vneid: 'level2',
  m_public_service_12m: 'self',
  m_payment_accounts: ['bank'],
  m_cashless_30d: true,
  m_digital_signature: 'no',
  m_ehealth: 'yes',
  m_skills: ['messaging', 'search'],
  m_binh_dan_hoc_vu_so: true,
}
const MEMBERS: Answers[] = [
  { full_name: HEAD, relation: 'head', sex: 'male', birth_year: 1978, ...ADULT },
  { full_name: 'Lò Thị Mai', relation: 'spouse', sex: 'female', birth_year: 1982, ...ADULT },
  { full_name: 'Nguyễn Minh Đức', relation: 'child', sex: 'male', birth_year: 2006, ...ADULT },
]

describe('walking skeleton: record offline, sync, see it in the console', () => {
  let tmp: string
  let dbPath: string
  let ctx: MainContext
  let server: RunningServer
  let renderer: StaticServer
  let browser: BrowserContext
  let page: Page

  beforeAll(async () => {
    for (const needed of [
      CHROMIUM,
      path.join(RENDERER_DIR, 'index.html'),
      path.join(CONSOLE_DIR, 'index.html'),
    ]) {
      if (!existsSync(needed)) {
        throw new Error(
          `${needed} is missing: install chromium (apt-get install chromium) and run npm run build`,
        )
      }
    }
    tmp = await mkdtemp(path.join(tmpdir(), 'langso-e2e-'))
    await mkdir(SHOTS, { recursive: true })
    dbPath = path.join(tmp, 'desktop.sqlite')
    ctx = await openMainContext({ dbPath, keyProvider })
    server = await startServer(
      loadServerConfig({
        PORT: '0',
        LANGSO_DATA_DIR: path.join(tmp, 'server'),
        LANGSO_CONSOLE_DIR: CONSOLE_DIR,
      }),
    )
    renderer = await serveStatic(RENDERER_DIR)
    browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    browser.setDefaultTimeout(15_000)
    page = browser.pages()[0] ?? (await browser.newPage())
    await bridgeDesktopApi(page, () => ctx)
  })

  afterAll(async () => {
    await browser?.close()
    await renderer?.close()
    await server?.close()
    if (ctx) await closeMainContext(ctx)
    if (tmp) await rm(tmp, { recursive: true, force: true })
  })

  it('records a household with 3 members, keeps it across a restart, syncs it once', async () => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    // Province staff set the server up and make a one-time enrolment code in the console.
    await completeFirstRunSetup(server)
    const staff = new ConsoleClient(server.url)
    dataOf('auth.signIn', await staff.signIn(CONSOLE_ADMIN.username, CONSOLE_ADMIN.password))
    const { code } = dataOf(
      'devices.createEnrolmentCode',
      await staff.post('/api/v1/devices/enrolment-codes', {
        communeCode: PILOT_COMMUNE.code,
        serverUrl: server.url,
      }),
    )

    // A new laptop opens on the enrolment screen: a mistyped code is explained, the right one enrols.
    await page.goto(`${renderer.url}/`)
    await page.getByRole('heading', { name: 'Đăng ký máy với máy chủ tỉnh' }).waitFor()
    await page.getByRole('textbox', { name: 'Địa chỉ máy chủ' }).fill(server.url)
    await page.getByRole('textbox', { name: 'Mã đăng ký' }).fill('AAAA-BBBB-CCCC')
    await page.getByRole('button', { name: 'Đăng ký máy', exact: true }).click()
    await page.getByRole('alert').getByText('Mã đăng ký không đúng hoặc đã bị huỷ').waitFor()
    await page.getByRole('textbox', { name: 'Mã đăng ký' }).fill(code)
    await page.getByRole('textbox', { name: /Tên máy/ }).fill('Laptop xã Ngọc Đường 1')
    await page.screenshot({ path: path.join(SHOTS, 'enrolment.png'), fullPage: true })
    await page.getByRole('button', { name: 'Đăng ký máy', exact: true }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Các thôn', exact: true }).isVisible())
      .toBe(true)
    await page.getByRole('button', { name: VILLAGE.name }).click()
    await page.getByText('Thôn này chưa có hộ nào').waitFor()

    // A new household: fill everything but the head's name and one member's sex.
    await page.getByRole('button', { name: 'Thêm hộ' }).click()
    await page.getByRole('heading', { name: /Hộ mới/ }).waitFor()
    await expect
      .poll(() =>
        questionBlock(page, 'village').getByRole('radio', { name: VILLAGE.name }).isChecked(),
      )
      .toBe(true)
    await answerAll(page, HOUSEHOLD)
    for (const [index, member] of MEMBERS.entries()) {
      await page.getByRole('button', { name: 'Thêm thành viên' }).click()
      const { sex, ...rest } = member
      await answerAll(memberRow(page, index), index === 1 ? rest : member)
    }

    await page.getByRole('button', { name: 'Hoàn tất phiếu' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'Chưa lưu được' })
    await summary.waitFor()
    expect(await summary.textContent()).toContain('Họ tên chủ hộ')
    expect(await summary.textContent()).toContain('Lò Thị Mai — Giới tính')
    const headError = questionBlock(page, 'head_name').getByText('Chưa trả lời. Câu này bắt buộc.')
    await headError.waitFor()
    // Only the open member's questions are drawn: open Lò Thị Mai to see hers.
    await openMember(page, 1)
    const sexError = questionBlock(memberRow(page, 1), 'sex').getByText(
      'Chưa trả lời. Câu này bắt buộc.',
    )
    await sexError.waitFor()
    // From the top, so the fixed header and the sticky save bar sit where a person sees them.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: path.join(SHOTS, 'skeleton-form.png'), fullPage: true })
    expect(await ctx.db.selectFrom('households').select('id').execute()).toHaveLength(0)

    // Fix both, save: back on the list, waiting to be sent.
    await answer(page, 'head_name', HEAD)
    await answer(memberRow(page, 1), 'sex', 'female')
    expect(await headError.count()).toBe(0)
    await page.getByRole('button', { name: 'Hoàn tất phiếu' }).click()
    const row = page.getByRole('row').filter({ hasText: HEAD })
    await row.waitFor()
    expect(await row.textContent()).toContain('Chờ gửi')
    expect(await row.textContent()).toContain('Hoàn thành')
    await page.getByText(`Đã lưu phiếu của hộ ${HEAD}`).waitFor()

    // Close the main process's store and reopen it on the same file: the household is still there.
    await closeMainContext(ctx)
    ctx = await openMainContext({ dbPath, keyProvider })
    await page.reload()
    await page.getByRole('button', { name: VILLAGE.name }).click()
    await row.waitFor()
    expect(await row.textContent()).toContain('Chờ gửi')

    // Search without accents finds it.
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).fill('lo thi mai')
    await expect.poll(() => page.getByRole('row').count()).toBe(2)
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).fill('')

    // The settings menu shows the enrolment: commune and server.
    await page.getByRole('button', { name: 'Cài đặt' }).click()
    await page.getByRole('menuitem', { name: 'Đăng ký máy…' }).click()
    const enrolment = page.getByTestId('enrolment-info')
    await enrolment.getByText(`Xã: ${PILOT_COMMUNE.name}`).waitFor()
    expect(await enrolment.textContent()).toContain(`Máy chủ: ${server.url}`)
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })

    // Export the waiting work for a USB stick: a sealed batch file; the record awaits its receipt.
    await page.getByRole('button', { name: 'Cài đặt' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: 'Xuất tệp gửi (USB)' }).click()
    expect((await download).suggestedFilename()).toMatch(
      /^langso-\d{5}-\d{8}-\d{4}-[0-9a-f]{8}\.langso-batch$/,
    )
    const exported = page.getByTestId('export-result')
    await exported.getByText(/Đã xuất tệp .* gồm 1 hồ sơ/).waitFor()
    await expect.poll(async () => row.textContent()).toContain('Chờ biên nhận')
    await exported.getByRole('button').click()

    // Sync: one sealed, signed batch; marked sent from the province-signed receipt.
    await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click()
    const result = page.getByTestId('sync-result')
    await result.getByText('Đã gửi 1 hồ sơ: 1 được nhận').waitFor()
    await expect.poll(async () => row.textContent()).toContain('Đã gửi')
    expect(await serverTotals()).toEqual({ households: 1, revisions: 1 })

    // Pressing again sends nothing twice.
    await result.getByRole('button').click()
    await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click()
    await page.getByTestId('sync-result').getByText('Không có hồ sơ nào cần gửi').waitFor()
    expect(await serverTotals()).toEqual({ households: 1, revisions: 1 })
    await page.screenshot({ path: path.join(SHOTS, 'household-list.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  }, 240_000)

  it('shows the synced household and its three members in the province console', async () => {
    const consolePage = await browser.newPage()
    await openSignedInConsole(consolePage, server)
    const consoleRow = consolePage.getByRole('row').filter({ hasText: HEAD })
    await consoleRow.waitFor()
    expect(await consolePage.getByTestId('console-total').textContent()).toBe('Tổng số: 1 hộ')
    expect(await consoleRow.textContent()).toContain(VILLAGE.name)
    await consolePage.screenshot({ path: path.join(SHOTS, 'console-list.png'), fullPage: true })
    await consoleRow.getByRole('link', { name: HEAD }).click()
    const members = consolePage.getByTestId('console-members')
    await members.waitFor()
    const memberRows = members.locator('tbody tr')
    expect(await memberRows.count()).toBe(3)
    expect(await memberRows.allTextContents()).toEqual([
      expect.stringContaining(HEAD),
      expect.stringContaining('Lò Thị Mai'),
      expect.stringContaining('Nguyễn Minh Đức'),
    ])
    expect(await members.textContent()).toContain('Vợ/chồng')
    expect(await consolePage.getByText('Cáp quang (FTTH)').count()).toBeGreaterThan(0)
    await consolePage.screenshot({ path: path.join(SHOTS, 'console-detail.png'), fullPage: true })
  }, 60_000)

  /** Households and revisions in the server's own store (counted directly, read-only). */
  async function serverTotals(): Promise<{ households: number; revisions: number }> {
    const file = sqliteFilePath({ dataDir: path.join(tmp, 'server') })
    const db = new Database(file, { readonly: true, fileMustExist: true })
    try {
      const count = (table: string) =>
        (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
      return { households: count('households'), revisions: count('revisions') }
    } finally {
      db.close()
    }
  }
})
