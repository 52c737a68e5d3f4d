import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadServerConfig } from '../../src/server/config/server-config'
import { type RunningServer, startServer } from '../../src/server/server'
import { PILOT_COMMUNE } from '../../src/shared/places/pilot-places'
import {
  adultDigitalKeys,
  CHILD,
  HEAD,
  HOUSEHOLD_KEYS,
  memberKeys,
  SPOUSE,
} from './field-survey/field-survey.fixtures'
import { CONSOLE_DIR } from './support/console-browser'
import { completeFirstRunSetup } from './support/console-session'
import { type DesktopHarness, startDesktopHarness } from './support/desktop-harness'
import { answerByKeyboard, type KeyStep } from './support/household-form.page'
import {
  addRecorder,
  createEnrolmentCode,
  importVillages,
  screenshot,
  serverTotals,
  typeConsoleSignIn,
} from './support/sync-flow.steps'

/**
 * The whole sync flow as its people do it, in real Chromium against real parts: the
 * provincial server on 127.0.0.1 with a fresh SQLite store and its console; the built
 * desktop renderer with `window.api` bridged to the real main-process handlers on a real
 * SQLite file. Province staff import the commune's villages and make an enrolment code;
 * the laptop enrols with it, records a household, syncs; the console shows it. A second
 * household travels by USB file, imported twice in the console: the second time changes
 * nothing. The console's signed receipt goes back on the stick and the laptop marks the
 * household sent from it, without any network. The steps run in order, each building on
 * the last.
 */

const COMMUNE = { code: PILOT_COMMUNE.code, name: PILOT_COMMUNE.name }
const VILLAGES = ['Thôn Khuổi My', 'Thôn Tả Lủng', 'Thôn Nà Thác'] as const
const LAPTOP = 'Laptop tổ Khuổi My'
const RECORDER = 'Hoàng Thị Lan'
const USB_HEAD = 'Lý Văn Sáng'
const USB_CHILD = 'Lý Thị Hoa'
/** The household questions of the second visit, by keyboard: another address and head. */
const USB_HOUSEHOLD_KEYS: KeyStep[] = HOUSEHOLD_KEYS.map(([id, input]): KeyStep => {
  if (id === 'address') return [id, { type: 'Số 3, xóm Tả Lủng' }]
  if (id === 'head_name') return [id, { type: USB_HEAD }]
  return [id, input]
})

describe('sync flow: enrol, survey, sync, see it in the console; a USB file and its receipt', () => {
  let h: DesktopHarness
  let server: RunningServer
  let desk: Page
  let console_: Page
  let serverDir: string
  const consoleErrors: string[] = []
  let codeShown = ''
  let usbFile = ''
  let receiptFile = ''
  let receiptAgainFile = ''

  beforeAll(async () => {
    h = await startDesktopHarness({ enrolled: false, startMs: Date.now() })
    desk = h.page
    serverDir = path.join(h.tmp, 'server')
    server = await startServer(
      loadServerConfig({
        PORT: '0',
        LANGSO_DATA_DIR: serverDir,
        LANGSO_CONSOLE_DIR: CONSOLE_DIR,
      }),
    )
    console_ = await h.browser.newPage()
    console_.on('pageerror', (error) => consoleErrors.push(error.message))
  }, 60_000)

  afterAll(async () => {
    await console_?.close()
    await server?.close()
    await h?.close()
  })

  const nav = (name: string) =>
    console_.getByRole('navigation').getByRole('link', { name, exact: true }).click()
  const row = (name: string) => desk.getByRole('row').filter({ hasText: name })
  const pendingBadge = () => desk.getByTestId('pending-count')
  const openVillage = async (name: string) => {
    await desk.getByRole('button', { name: 'Về màn hình đầu' }).click()
    await desk.getByRole('button', { name }).click()
    await desk.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
  }
  const importFile = async (file: string) => {
    await nav('Hộp thư lô')
    await console_.getByRole('button', { name: 'Nhập tệp lô' }).click()
    await console_.locator('input[type=file]').setInputFiles(file)
  }
  const importCounts = async () =>
    (await console_.getByTestId('batch-import-result').textContent()) ?? ''
  /** "Tải biên nhận" on the import result: the signed receipt saved for the USB stick. */
  const downloadReceipt = async (name: string) => {
    const download = console_.waitForEvent('download')
    await console_.getByRole('button', { name: 'Tải biên nhận' }).click()
    const saved = await download
    expect(saved.suggestedFilename()).toMatch(/^bien-nhan-\d{5}-\d{8}-[0-9a-f]{8}\.langso-receipt$/)
    const file = path.join(h.tmp, name)
    await saved.saveAs(file)
    return file
  }
  /** "Nhập biên nhận (USB)" on the laptop: picks the receipt file from the stick. */
  const loadReceipt = async (file: string) => {
    const chooser = desk.waitForEvent('filechooser')
    await desk.getByRole('button', { name: 'Nhập biên nhận (USB)' }).click()
    await (await chooser).setFiles(file)
  }

  it('1. province staff sign in, import the villages and make an enrolment code', async () => {
    await completeFirstRunSetup(server)
    await typeConsoleSignIn(console_, server.url)
    await importVillages(console_, h.tmp, COMMUNE, VILLAGES)
    codeShown = await createEnrolmentCode(console_, COMMUNE.name, 'ngọc')
    await screenshot(console_, 'sync-flow-01-console-code.png')
    await console_.getByRole('dialog').getByRole('button', { name: 'Đóng' }).last().click()
  }, 90_000)

  it('2. the laptop enrols with that code and shows the commune’s villages', async () => {
    await desk.goto(`${h.renderer.url}/`)
    await desk.getByRole('heading', { name: 'Đăng ký máy với máy chủ tỉnh' }).waitFor()
    await desk.getByRole('textbox', { name: 'Địa chỉ máy chủ' }).fill(server.url)
    await desk.getByRole('textbox', { name: 'Mã đăng ký' }).fill(codeShown)
    await desk.getByRole('textbox', { name: /Tên máy/ }).fill(LAPTOP)
    await screenshot(desk, 'sync-flow-02-desktop-enrol.png')
    await desk.getByRole('button', { name: 'Đăng ký máy', exact: true }).click()

    await desk.getByRole('heading', { name: 'Các thôn', exact: true }).waitFor()
    for (const name of VILLAGES) await desk.getByRole('button', { name }).waitFor()
    // The villages are the province's, not the pilot list the app falls back to.
    expect(await desk.locator('[data-village]').count()).toBe(VILLAGES.length)
    await desk
      .getByRole('banner')
      .getByText(`${COMMUNE.name}, ${PILOT_COMMUNE.provinceName}`)
      .waitFor()
    await addRecorder(desk, RECORDER)
    await screenshot(desk, 'sync-flow-03-desktop-villages.png')

    // The console lists the laptop, enrolled for the commune.
    await console_.reload()
    const device = console_.getByTestId('devices').getByRole('row').filter({ hasText: LAPTOP })
    await device.waitFor()
    expect(await device.textContent()).toContain(COMMUNE.name)
  }, 90_000)

  it('3. records a household of three with the keyboard; it waits to be sent', async () => {
    await openVillage(VILLAGES[0])
    await desk.getByText('Thôn này chưa có hộ nào').waitFor()
    await desk.keyboard.press('Escape')
    await desk.keyboard.press('n')
    await desk.locator('[data-form-ready="true"]').waitFor()
    await answerByKeyboard(desk, HOUSEHOLD_KEYS)
    await desk.keyboard.press('Enter') // on "Thêm thành viên": the head, name preset
    await answerByKeyboard(desk, [...memberKeys(null, null, '1', '1978'), ...adultDigitalKeys('4')])
    await desk.keyboard.press('Alt+m')
    await answerByKeyboard(desk, [
      ...memberKeys(SPOUSE, '2', '2', '1982'),
      ...adultDigitalKeys('3'),
    ])
    await desk.keyboard.press('Alt+m')
    await answerByKeyboard(desk, memberKeys(CHILD, '3', '1', '2018'))
    await desk.evaluate(() => window.scrollTo(0, 0))
    await screenshot(desk, 'sync-flow-04-household.png')

    await desk.keyboard.press('Control+Enter')
    await desk.getByTestId('saved-flash').getByText(`Đã lưu phiếu của hộ ${HEAD}`).waitFor()
    await row(HEAD).waitFor()
    expect(await row(HEAD).textContent()).toContain('Chờ gửi')
    expect(await pendingBadge().textContent()).toBe('1 phiếu chờ gửi')
    // The village says how many of its households wait, too.
    await desk.getByText(/Hoàn thành: 1 · Chờ gửi: 1$/).waitFor()
    await screenshot(desk, 'sync-flow-05-sync-pending.png')
  }, 120_000)

  it('4. “Đồng bộ” sends it: marked sent, nothing left waiting', async () => {
    await desk.getByRole('button', { name: 'Đồng bộ', exact: true }).click()
    await desk
      .getByTestId('sync-result')
      .getByText('Đã gửi 1 hồ sơ: 1 được nhận, 0 máy chủ đã có, 0 bị từ chối.')
      .waitFor()
    await expect.poll(() => row(HEAD).textContent()).toContain('Đã gửi')
    expect(await pendingBadge().textContent()).toBe('Đã gửi hết')
    // The "saved, waiting to be sent" note from before the sync is gone.
    expect(await desk.getByTestId('saved-flash').count()).toBe(0)
    expect((await h.call('sync.status', {})).pending).toBe(0)
    expect(serverTotals(serverDir)).toEqual({ households: 1, members: 3, revisions: 1, batches: 1 })
    // The button's spinner fades out after the sync: shoot once it has gone.
    await desk.locator('.mantine-Button-loader').waitFor({ state: 'detached' })
    await screenshot(desk, 'sync-flow-06-sync-done.png')
  }, 60_000)

  it('5. the console shows the household with its members, and the batch in the inbox', async () => {
    await nav('Hộ đã nhận')
    const consoleRow = console_.getByRole('row').filter({ hasText: HEAD })
    await consoleRow.waitFor()
    expect(await console_.getByTestId('console-total').textContent()).toBe('Tổng số: 1 hộ')
    expect(await consoleRow.textContent()).toContain(VILLAGES[0])
    await screenshot(console_, 'sync-flow-07-console-households.png')
    await consoleRow.getByRole('link', { name: HEAD }).click()
    const members = console_.getByTestId('console-members')
    await members.waitFor()
    expect(await members.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining(HEAD),
      expect.stringContaining(SPOUSE),
      expect.stringContaining(CHILD),
    ])
    await screenshot(console_, 'sync-flow-07b-console-household-detail.png')

    await nav('Hộp thư lô')
    const inbox = console_.getByTestId('batch-inbox')
    await inbox.waitFor()
    const batches = inbox.locator('tbody tr')
    expect(await batches.count()).toBe(1)
    const cells = await batches.first().locator('td').allTextContents()
    expect(cells[1]).toContain(LAPTOP)
    expect(cells.slice(2, 4)).toEqual([COMMUNE.name, 'Mạng'])
    expect(cells.slice(5, 9)).toEqual(['1', '0', '0', 'Đã nhận'])
    await screenshot(console_, 'sync-flow-08-console-inbox.png')
  }, 60_000)

  it('6. a second household goes by USB file, and the console imports it', async () => {
    await openVillage(VILLAGES[1])
    await desk.getByRole('button', { name: 'Thêm hộ' }).click()
    await desk.locator('[data-form-ready="true"]').waitFor()
    await answerByKeyboard(desk, USB_HOUSEHOLD_KEYS)
    await desk.keyboard.press('Enter')
    await answerByKeyboard(desk, [...memberKeys(null, null, '1', '1969'), ...adultDigitalKeys('2')])
    await desk.keyboard.press('Alt+m')
    await answerByKeyboard(desk, [
      ...memberKeys(USB_CHILD, '3', '2', '1998'),
      ...adultDigitalKeys('3'),
    ])
    await desk.getByRole('button', { name: 'Hoàn tất phiếu' }).click()
    await row(USB_HEAD).waitFor()
    expect(await pendingBadge().textContent()).toBe('1 phiếu chờ gửi')

    // "Xuất tệp gửi (USB)": the sealed batch is saved where the person chooses (a download here).
    await desk.getByRole('button', { name: 'Cài đặt' }).click()
    const download = desk.waitForEvent('download')
    await desk.getByRole('menuitem', { name: 'Xuất tệp gửi (USB)' }).click()
    const saved = await download
    // Named so staff tell it apart on a stick: commune, local time, the batch id's end.
    expect(saved.suggestedFilename()).toMatch(
      new RegExp(`^langso-${COMMUNE.code}-\\d{8}-\\d{4}-[0-9a-f]{8}\\.langso-batch$`),
    )
    usbFile = path.join(h.tmp, saved.suggestedFilename())
    await saved.saveAs(usbFile)
    await desk
      .getByTestId('export-result')
      .getByText(/Đã xuất tệp .* gồm 1 hồ sơ/)
      .waitFor()
    // The file left the laptop: the row awaits the province's receipt, and the village says so.
    await expect.poll(() => row(USB_HEAD).textContent()).toContain('Chờ biên nhận')
    await desk.getByText(/Chờ biên nhận: 1$/).waitFor()
    await expect.poll(() => pendingBadge().textContent()).toBe('1 phiếu chờ biên nhận')
    await screenshot(desk, 'sync-flow-09-desktop-export.png')

    await importFile(usbFile)
    await console_.getByText(`Đã nhập tệp ${saved.suggestedFilename()}.`).waitFor()
    const counts = await importCounts()
    expect(counts).toContain('Nhận mới1')
    expect(counts).toContain('Đã nhận trước đó0')
    expect(counts).toContain('Bị từ chối0')
    expect(await console_.getByTestId('batch-manifest').textContent()).toContain(
      '1 bản ghi · 1 hộ · 2 thành viên',
    )
    // The result per record names the household, its village and what happened to it.
    const record = console_.getByTestId('batch-import-records').getByRole('row', { name: USB_HEAD })
    expect(await record.textContent()).toContain('Nhận mới')
    await console_.getByRole('button', { name: 'Tải biên nhận' }).waitFor()
    await screenshot(console_, 'sync-flow-10-console-import-result.png')
    receiptFile = await downloadReceipt('bien-nhan-lan-1.langso-receipt')

    await nav('Hộ đã nhận')
    await console_.getByRole('row').filter({ hasText: USB_HEAD }).waitFor()
    expect(await console_.getByTestId('console-total').textContent()).toBe('Tổng số: 2 hộ')
    expect(serverTotals(serverDir)).toEqual({ households: 2, members: 5, revisions: 2, batches: 2 })
  }, 120_000)

  it('7. the same file imported again is “received before”: nothing doubles', async () => {
    await importFile(usbFile)
    await console_.getByText('Tệp này đã nhận trước đó').waitFor()
    const counts = await importCounts()
    expect(counts).toContain('Nhận mới0')
    expect(counts).toContain('Đã nhận trước đó1')
    const record = console_.getByTestId('batch-import-records').getByRole('row', { name: USB_HEAD })
    expect(await record.textContent()).toContain('Đã nhận trước đó')
    await screenshot(console_, 'sync-flow-11-console-import-duplicate.png')
    receiptAgainFile = await downloadReceipt('bien-nhan-lan-2.langso-receipt')

    await nav('Hộ đã nhận')
    await console_.getByRole('row').filter({ hasText: USB_HEAD }).waitFor()
    expect(await console_.getByTestId('console-total').textContent()).toBe('Tổng số: 2 hộ')
    expect(serverTotals(serverDir)).toEqual({ households: 2, members: 5, revisions: 2, batches: 2 })

    // The inbox keeps one row per batch: the file imported twice is still one.
    await nav('Hộp thư lô')
    const inbox = console_.getByTestId('batch-inbox')
    await console_.getByText('2 lô', { exact: true }).waitFor()
    const fileRow = await inbox.locator('tbody tr').filter({ hasText: 'Tệp USB' }).allTextContents()
    expect(fileRow).toHaveLength(1)
    expect(fileRow[0]).toContain(LAPTOP)
  }, 60_000)

  it('8. the receipt comes back on the stick: the laptop marks the household sent, offline', async () => {
    await desk.getByTestId('export-result').getByRole('button').click()
    const before = await h.call('sync.status', {})
    expect(before.pending).toBe(1)

    await loadReceipt(receiptFile)

    await desk
      .getByTestId('receipt-result')
      .getByText(
        'Tỉnh đã xác nhận 1 hồ sơ trong tệp gửi: 1 được nhận, 0 máy chủ đã có, 0 bị từ chối.',
      )
      .waitFor()
    await expect.poll(() => row(USB_HEAD).textContent()).toContain('Đã gửi')
    expect(await pendingBadge().textContent()).toBe('Đã gửi hết')
    // No sync ran: the last sync time is the one of step 4, and the server saw nothing new.
    const after = await h.call('sync.status', {})
    expect(after).toMatchObject({
      pending: 0,
      sent: before.sent + 1,
      lastSyncAt: before.lastSyncAt,
    })
    expect(serverTotals(serverDir)).toEqual({ households: 2, members: 5, revisions: 2, batches: 2 })
    await screenshot(desk, 'sync-flow-12-desktop-receipt.png')

    // The receipt of the second import is for the same batch: applied once, it changes nothing.
    await desk.getByTestId('receipt-result').getByRole('button').click()
    await loadReceipt(receiptAgainFile)
    await desk
      .getByTestId('receipt-result')
      .getByText('Biên nhận này đã được nhập trước đó. Không có gì thay đổi.')
      .waitFor()
    expect(await h.call('sync.status', {})).toEqual(after)
    await screenshot(desk, 'sync-flow-12b-desktop-receipt-again.png')
  }, 60_000)

  it('9. the laptop’s next sync has nothing left to send, and nothing doubled', async () => {
    await desk.getByTestId('receipt-result').getByRole('button').click()
    await desk.getByRole('button', { name: 'Đồng bộ', exact: true }).click()
    await desk
      .getByTestId('sync-result')
      .getByText('Không có hồ sơ nào cần gửi. Mọi hộ đều đã được gửi.')
      .waitFor()
    expect(await row(USB_HEAD).textContent()).toContain('Đã gửi')
    expect(await pendingBadge().textContent()).toBe('Đã gửi hết')
    expect(serverTotals(serverDir)).toMatchObject({ households: 2, members: 5, revisions: 2 })
    expect(h.pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
  }, 60_000)
})
