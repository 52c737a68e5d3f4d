import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../src/shared/ids/uuid'
import { makeBatch, makeRevision } from '../support/household-fixtures'
import { HouseholdSeeder } from '../support/seed-households'
import { signInApi } from './support/console-batches'
import { type ConsoleHarness, choose, field, startConsoleHarness } from './support/console-browser'
import {
  type Cell,
  enrolLaptop,
  householdFormVersion2,
  writeCsv,
  writeJson,
  writeWorkbook,
} from './support/console-files'
import { CONSOLE_ADMIN } from './support/console-session'

/**
 * The province console end to end, in real Chromium at 1366×768 against a real server on
 * a fresh SQLite store: first-run setup from the printed link, sign-in, villages by CSV
 * import, an enrolment code with its QR code and a laptop enrolled with it, form versions
 * from a JSON definition and from an XLSForm workbook made here with exceljs, users, the
 * audit log, and a commune viewer who sees only their commune.
 */

const VILLAGE_HEADER: Cell[] = ['Mã xã', 'Tên xã', 'Thôn/Tổ dân phố', 'Số hộ đăng ký']
const villageRows = (taLungHouseholds: Cell): Cell[][] => [
  VILLAGE_HEADER,
  ['00700', 'Xã Ngọc Đường', 'Thôn Khuổi My', 120],
  ['00700', 'Xã Ngọc Đường', 'Thôn Tả Lủng', taLungHouseholds],
  ['00700', 'Xã Ngọc Đường', 'Thôn Nà Thác', 87],
  ['00706', 'Xã Phú Linh', 'Thôn Bản Mán', 64],
]

const XLSFORM_SURVEY = (extra: Cell[][]): Cell[][] => [
  ['type', 'name', 'label::Vietnamese (vi)', 'label::English (en)', 'required', 'relevant'],
  ['start', 'start', null, null, null, null],
  ['begin_group', 'household', 'Thông tin hộ', 'Household', null, null],
  ['text', 'head_name', 'Họ tên chủ hộ', 'Household head', 'yes', null],
  ['select_one result', 'visit_result', 'Kết quả khảo sát', 'Visit result', 'yes', null],
  ['yes_no', 'h_computer', 'Hộ có máy tính không?', 'Has a computer?', null, null],
  ...extra,
  ['integer', 'h_computers', 'Số máy tính', 'Computers', null, `\${h_computer} = true()`],
  ['end_group', null, null, null, null, null],
  ['begin_repeat', 'members', 'Thành viên', 'Members', null, null],
  ['text', 'full_name', 'Họ và tên', 'Full name', 'yes', null],
  ['integer', 'birth_year', 'Năm sinh', 'Birth year', 'yes', null],
  ['end_repeat', null, null, null, null, null],
]
const XLSFORM_CHOICES: Cell[][] = [
  ['list_name', 'name', 'label::Vietnamese (vi)', 'label::English (en)'],
  ['result', 'completed', 'Hoàn thành', 'Completed'],
  ['result', 'absent', 'Vắng nhà', 'Absent'],
]
const XLSFORM_SETTINGS: Cell[][] = [
  ['form_id', 'version', 'form_title::Vietnamese (vi)', 'form_title::English (en)'],
  ['household-digital-readiness', 3, 'Phiếu khảo sát hộ (rút gọn)', 'Household survey (short)'],
]

const NEW_ADMIN_PASSWORD = 'mat-khau-moi-cua-tinh-2026'
const VIEWER = {
  username: 'son.lv',
  password: 'mat-khau-xa-phu-linh',
  newPassword: 'mat-khau-moi-xa-phu-linh',
  name: 'Lò Văn Sơn',
}

describe('province console in Chromium', () => {
  let h: ConsoleHarness
  let page: Page

  beforeAll(async () => {
    h = await startConsoleHarness()
    page = h.page
  })
  afterAll(async () => {
    await h?.close()
  })

  const heading = (name: string | RegExp) => page.getByRole('heading', { name }).first()
  const nav = (name: string) =>
    page.getByRole('navigation').getByRole('link', { name, exact: true })

  it('completes first-run setup from the printed link, signs out and in again', async () => {
    const setupUrl = h.server.setupUrl
    if (!setupUrl) throw new Error('a fresh server prints a setup link')
    await page.goto(setupUrl)
    await heading('Thiết lập máy chủ lần đầu').waitFor()

    // Sending an empty form says what is missing, next to each field.
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click()
    await page.getByText('Chọn tỉnh của máy chủ.').waitFor()

    await choose(page, page, 'Tỉnh, thành phố', 'Tuyên Quang', 'Tuyên')
    await field(page, 'Họ và tên').fill(CONSOLE_ADMIN.displayName)
    await field(page, 'Tên đăng nhập').fill(CONSOLE_ADMIN.username)
    await field(page, 'Mật khẩu').fill(CONSOLE_ADMIN.password)
    await field(page, 'Nhập lại mật khẩu').fill(CONSOLE_ADMIN.password)
    await h.shot('console-setup.png')
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click()

    await heading('Xã và thôn — Tỉnh Tuyên Quang').waitFor()
    const user = page.getByTestId('console-user')
    expect(await user.textContent()).toContain(CONSOLE_ADMIN.displayName)
    expect(await user.textContent()).toContain('Quản trị tỉnh')
    expect(new URL(page.url()).pathname).toBe('/places')

    // The link works once.
    await page.goto(setupUrl)
    await page.getByText('Máy chủ đã được thiết lập').waitFor()
    await page.goto(`${h.server.url}/places`)

    // Sign out; a wrong password is refused in words; the right one opens the same page.
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByText('Bạn đã đăng xuất.').waitFor()
    await field(page, 'Tên đăng nhập').fill(CONSOLE_ADMIN.username)
    await field(page, 'Mật khẩu').fill('sai-mat-khau-roi')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor()
    await h.shot('console-signin.png')
    await field(page, 'Mật khẩu').fill(CONSOLE_ADMIN.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await heading('Xã và thôn — Tỉnh Tuyên Quang').waitFor()

    // English on demand, Vietnamese again.
    await page.getByText('EN', { exact: true }).click()
    await nav('Communes and villages').waitFor()
    await page.getByText('VI', { exact: true }).click()
    await nav('Xã và thôn').waitFor()

    // Changing one's own password: the current one must be right.
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    const dialog = page.getByRole('dialog')
    await field(dialog, 'Mật khẩu đang dùng').fill('khong-phai-mat-khau')
    await field(dialog, 'Mật khẩu mới').fill(NEW_ADMIN_PASSWORD)
    await field(dialog, 'Nhập lại mật khẩu mới').fill(NEW_ADMIN_PASSWORD)
    await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await dialog.getByText('Mật khẩu hiện tại không đúng').waitFor()
    await field(dialog, 'Mật khẩu đang dùng').fill(CONSOLE_ADMIN.password)
    await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await dialog.getByText('Đã đổi mật khẩu.').waitFor()
    await dialog.getByRole('button', { name: 'Đóng' }).click()
  }, 90_000)

  it('imports villages from a CSV: a bad row blocks saving until the file is fixed', async () => {
    await page.getByRole('button', { name: 'Nhập thôn từ tệp' }).click()
    await heading('Nhập danh sách thôn từ tệp').waitFor()
    const badFile = await writeCsv(h.tmp, 'danh-sach-thon.csv', villageRows('chín mươi lăm'))
    await page.locator('input[type=file]').setInputFiles(badFile)

    const preview = page.getByTestId('import-preview')
    await preview.waitFor()
    expect(await page.getByTestId('import-totals').textContent()).toBe(
      '4 dòng: 3 thôn mới, 0 cập nhật, 0 không đổi, 1 dòng lỗi',
    )
    const badRow = preview.locator('tr[data-failed="true"]')
    expect(await badRow.count()).toBe(1)
    expect(await badRow.textContent()).toContain('Thôn Tả Lủng')
    expect(await badRow.textContent()).toContain(
      'Cột "Số hộ đăng ký": Số hộ phải là số nguyên từ 0 đến 100.000.',
    )
    await page.getByText('Tệp có 1 dòng lỗi nên chưa lưu được').waitFor()
    expect(await page.getByRole('button', { name: /^Lưu/ }).count()).toBe(0)
    await h.shot('console-village-import.png')

    // Fix the file and choose it again: now it can be saved.
    const fixedFile = await writeCsv(h.tmp, 'danh-sach-thon.csv', villageRows(95))
    await page.locator('input[type=file]').setInputFiles(fixedFile)
    await expect
      .poll(() => page.getByTestId('import-totals').textContent())
      .toBe('4 dòng: 4 thôn mới, 0 cập nhật, 0 không đổi, 0 dòng lỗi')
    await page.getByRole('button', { name: 'Lưu 4 thôn' }).click()
    await page.getByText('Đã thêm 4 thôn, cập nhật 0 thôn, 0 thôn không đổi.').waitFor()

    // The communes show their villages and the households registered.
    await page.getByRole('button', { name: 'Xem danh sách xã' }).click()
    await page.getByText('124 xã, phường · 4 thôn · 366 hộ đăng ký · 0 hộ đã nhận').waitFor()
    await h.shot('console-communes.png')
    await field(page, 'Tìm xã, phường').fill('ngoc duong')
    await page.getByRole('link', { name: 'Xã Ngọc Đường' }).click()
    await heading('Xã Ngọc Đường').waitFor()
    const villages = page.getByTestId('villages')
    expect(await villages.locator('tbody tr').count()).toBe(3)

    // A name the commune already has is refused inline; a new one is added.
    await field(page, 'Tên thôn, tổ dân phố').fill('thon khuoi my')
    await page.getByRole('button', { name: 'Thêm thôn' }).click()
    await page.getByText('Xã đã có thôn tên này').waitFor()
    await field(page, 'Tên thôn, tổ dân phố').fill('Thôn Bản Phùng')
    await field(page, 'Số hộ đăng ký').fill('45')
    await page.getByRole('button', { name: 'Thêm thôn' }).click()
    await page.getByText('Đã thêm Thôn Bản Phùng.').waitFor()
    await villages.getByRole('row').filter({ hasText: 'Thôn Bản Phùng' }).waitFor()
    expect(await villages.locator('tbody tr').count()).toBe(4)

    // Rename in place; stop using one (records keep it; it can be used again).
    await page.getByRole('button', { name: 'Sửa Thôn Nà Thác' }).click()
    await field(villages, 'Tên thôn, tổ dân phố').fill('Thôn Nà Thác Dưới')
    await villages.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText('Đã lưu Thôn Nà Thác Dưới.').waitFor()
    await page.getByRole('button', { name: 'Ngừng dùng Thôn Bản Phùng' }).click()
    await page.getByText('Đã ngừng dùng Thôn Bản Phùng.').waitFor()
    await page.getByRole('button', { name: 'Dùng lại Thôn Bản Phùng' }).waitFor()
    await h.shot('console-commune.png')
  }, 90_000)

  it('creates an enrolment code with its QR code, lists the laptop enrolled with it, revokes it', async () => {
    await nav('Máy khảo sát').click()
    await heading('Máy khảo sát').waitFor()
    await page.getByText('Chưa có máy khảo sát nào đăng ký').waitFor()

    await page.getByRole('button', { name: 'Tạo mã đăng ký' }).click()
    const dialog = page.getByRole('dialog')
    await choose(page, dialog, 'Máy dùng cho xã', 'Xã Ngọc Đường', 'ngọc')
    await dialog.getByRole('button', { name: 'Tạo mã' }).click()
    const code = (await dialog.getByTestId('enrolment-code-text').textContent()) ?? ''
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    const qr = dialog.getByRole('img', { name: `Mã QR để máy khảo sát quét: ${code}` })
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0)
    await h.shot('console-enrolment-code.png')

    // The laptop enrols with the code and reports 3 records waiting.
    await enrolLaptop(h.server.url, code, 'Laptop tổ Khuổi My', 3)
    await dialog.getByRole('button', { name: 'Đóng' }).click()
    const row = page
      .getByTestId('devices')
      .getByRole('row')
      .filter({ hasText: 'Laptop tổ Khuổi My' })
    await row.waitFor()
    expect(await row.textContent()).toContain('Xã Ngọc Đường')
    expect(await row.textContent()).toContain('Đang dùng')
    expect(await row.locator('td').nth(4).textContent()).toBe('3')
    await h.shot('console-devices.png')

    // An enrolment file for a laptop off the network: a signed JSON download.
    await page.getByRole('button', { name: 'Tải tệp đăng ký' }).click()
    const fileDialog = page.getByRole('dialog')
    await choose(page, fileDialog, 'Máy dùng cho xã', 'Xã Phú Linh', 'phu linh')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      fileDialog.getByRole('button', { name: 'Tải tệp' }).click(),
    ])
    const saved = path.join(h.tmp, download.suggestedFilename())
    await download.saveAs(saved)
    const envelope = JSON.parse(await readFile(saved, 'utf8')) as Record<string, string>
    expect(envelope).toMatchObject({ format: 'langso-signed/v1', purpose: 'langso-enrolment-file' })
    await fileDialog.getByText(`Đã tải tệp ${download.suggestedFilename()}`).waitFor()
    await fileDialog.getByRole('button', { name: 'Đóng' }).click()

    await page.getByRole('tab', { name: 'Mã và tệp đăng ký' }).click()
    const codes = page.getByTestId('enrolment-codes')
    await codes.getByText('Đã dùng').waitFor()
    expect(await codes.getByRole('row').filter({ hasText: 'Xã Phú Linh' }).textContent()).toContain(
      'Còn dùng được',
    )
    await page.getByRole('tab', { name: 'Các máy đã đăng ký' }).click()

    // Revoking asks first, then the laptop is shown revoked.
    await page.getByRole('button', { name: 'Thu hồi Laptop tổ Khuổi My' }).click()
    await page.getByRole('dialog').getByText('không hoàn tác được').waitFor()
    await page.getByRole('button', { name: 'Thu hồi máy' }).click()
    await page.getByText('Đã thu hồi máy Laptop tổ Khuổi My.').waitFor()
    await expect.poll(() => row.textContent()).toContain('Đã thu hồi')
  }, 90_000)

  it('publishes form versions from a JSON definition and from an XLSForm, showing problems and changes', async () => {
    await nav('Mẫu phiếu').click()
    await heading('Mẫu phiếu').waitFor()
    await page.getByRole('link', { name: 'Xem phiên bản 1' }).waitFor()

    // Version 2 from a JSON definition: the changes, then publish.
    await page.getByRole('button', { name: 'Phát hành phiên bản mới' }).click()
    await heading('Phát hành phiên bản mới của mẫu phiếu').waitFor()
    const json = await writeJson(h.tmp, 'phieu-ho-v2.json', householdFormVersion2())
    await page.locator('input[type=file]').setInputFiles(json)
    const diff = page.getByTestId('form-diff')
    await diff.waitFor()
    expect(await diff.textContent()).toContain('Thêm câu hỏi "h_computer"')
    expect(await diff.textContent()).toContain(
      'nhãn đổi từ "Địa chỉ (số nhà, xóm)" thành "Địa chỉ (số nhà, tên xóm, thôn)"',
    )
    await page.getByRole('button', { name: 'Phát hành phiên bản 2' }).click()
    await page.getByText('Đã phát hành phiên bản 2').waitFor()

    // Version 3 from an XLSForm: a row the importer cannot translate blocks publishing.
    await nav('Mẫu phiếu').click()
    await page.getByRole('button', { name: 'Phát hành phiên bản mới' }).click()
    const broken = await writeWorkbook(h.tmp, 'phieu-ho.xlsx', {
      survey: XLSFORM_SURVEY([['decimal', 'h_income', 'Thu nhập', 'Income', null, null]]),
      choices: XLSFORM_CHOICES,
      settings: XLSFORM_SETTINGS,
    })
    await page.locator('input[type=file]').setInputFiles(broken)
    const issues = page.getByTestId('xlsform-issues')
    await issues.waitFor()
    const decimalRow = issues
      .getByRole('row')
      .filter({ hasText: 'Loại câu hỏi này không dùng được' })
    expect(await decimalRow.locator('td').allTextContents()).toEqual([
      'Lỗi',
      'survey',
      '7',
      'type',
      expect.stringContaining('Loại câu hỏi này không dùng được'),
    ])
    await page.getByText('Chưa phát hành được').waitFor()
    expect(await page.getByRole('button', { name: /^Phát hành phiên bản \d/ }).count()).toBe(0)
    await h.shot('console-xlsform-problems.png')

    const fixed = await writeWorkbook(h.tmp, 'phieu-ho.xlsx', {
      survey: XLSFORM_SURVEY([]),
      choices: XLSFORM_CHOICES,
      settings: XLSFORM_SETTINGS,
    })
    await page.locator('input[type=file]').setInputFiles(fixed)
    await page.getByRole('button', { name: 'Phát hành phiên bản 3' }).click()
    await page.getByText('Đã phát hành phiên bản 3').waitFor()

    // The list keeps every version; the diff between two published ones reads as sentences.
    await nav('Mẫu phiếu').click()
    const versions = page.getByTestId('form-versions')
    await versions.getByText('XLSForm (Excel)').waitFor()
    expect(await versions.locator('tbody tr').count()).toBe(3)
    await h.shot('console-forms.png')
    await versions
      .getByRole('row')
      .filter({ hasText: 'Tệp JSON' })
      .getByRole('button', { name: 'So với bản trước' })
      .click()
    await heading('Phiên bản 1 → phiên bản 2').waitFor()
    await page.getByTestId('form-diff').waitFor()
    expect(await page.getByTestId('form-diff').locator('tr').count()).toBe(2)
    await h.shot('console-form-diff.png')
  }, 120_000)

  it('manages users, shows the audit log, and a commune viewer sees only their commune', async () => {
    // A household of Ngọc Đường reaches the server: sealed and uploaded by a laptop enrolled there.
    const api = await signInApi(h.server.url, { ...CONSOLE_ADMIN, password: NEW_ADMIN_PASSWORD })
    const deviceId = newId()
    const laptop = await HouseholdSeeder.enrol(h.server, api, [deviceId])
    const revision = makeRevision({
      deviceId,
      responseOverrides: { answers: { head_name: 'Hoàng Văn Tỉnh' } },
    })
    expect((await laptop.upload(makeBatch([revision], { deviceId }))).accepted).toBe(1)

    await nav('Người dùng').click()
    await heading('Người dùng').waitFor()
    await page.getByRole('button', { name: 'Thêm người dùng' }).click()
    const dialog = page.getByRole('dialog')
    await field(dialog, 'Họ và tên').fill(VIEWER.name)
    await field(dialog, 'Tên đăng nhập').fill(VIEWER.username)
    await choose(page, dialog, 'Vai trò', 'Cán bộ xã (chỉ xem)')
    await dialog.getByRole('button', { name: 'Tạo người dùng' }).click()
    await dialog.getByText('Cán bộ xã cần được gán một xã.').waitFor()
    await choose(page, dialog, 'Xã được xem', 'Xã Phú Linh', 'phu linh')
    await field(dialog, 'Mật khẩu ban đầu').fill(VIEWER.password)
    await field(dialog, 'Nhập lại mật khẩu').fill(VIEWER.password)
    await dialog.getByRole('button', { name: 'Tạo người dùng' }).click()
    await page.getByText(`Đã tạo tài khoản ${VIEWER.username}.`).waitFor()
    const viewerRow = page
      .getByTestId('users')
      .getByRole('row')
      .filter({ hasText: VIEWER.username })
    expect(await viewerRow.textContent()).toContain('Xã Phú Linh')
    await h.shot('console-users.png')

    // A forgotten password: the admin sets a new one.
    await page.getByRole('button', { name: `Đặt lại mật khẩu cho ${VIEWER.name}` }).click()
    const reset = page.getByRole('dialog')
    await field(reset, 'Mật khẩu mới').fill(VIEWER.newPassword)
    await field(reset, 'Nhập lại mật khẩu').fill(VIEWER.newPassword)
    await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click()
    await page.getByText(`Đã đặt lại mật khẩu cho ${VIEWER.name}`).waitFor()

    // The audit log: every step above, filterable by action and by day.
    await nav('Nhật ký').click()
    await heading('Nhật ký hoạt động').waitFor()
    const audit = page.getByTestId('audit')
    await audit.getByText('Nhập thôn từ tệp').waitFor()
    expect(await audit.getByText('Phát hành mẫu phiếu').count()).toBe(2)
    await field(page, 'Từ ngày').fill('31/02/2025')
    await page.getByText('Ngày chưa đúng').waitFor()
    await field(page, 'Từ ngày').fill('')
    await choose(page, page, 'Việc', 'Tạo người dùng', 'tạo người')
    // The first admin (at setup) and the viewer.
    await expect.poll(() => audit.locator('tbody tr').count()).toBe(2)
    expect(await audit.textContent()).toContain(CONSOLE_ADMIN.username)
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).click()
    await expect.poll(() => audit.locator('tbody tr').count()).toBeGreaterThan(5)
    await h.shot('console-audit.png')

    // The admin sees the household; the viewer of Phú Linh does not, nor Ngọc Đường itself.
    await nav('Hộ đã nhận').click()
    await page.getByRole('row').filter({ hasText: 'Hoàng Văn Tỉnh' }).waitFor()
    await h.shot('console-households.png')
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await field(page, 'Tên đăng nhập').fill(VIEWER.username)
    await field(page, 'Mật khẩu').fill(VIEWER.newPassword)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await heading('Hộ đã nhận').waitFor()
    expect(await page.getByTestId('console-user').textContent()).toContain('Cán bộ xã (chỉ xem)')
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Hộ đã nhận',
      'Chỉ số',
      'Xuất dữ liệu',
      'Xã và thôn',
      'Máy khảo sát',
      'Hộp thư lô',
      'Hồ sơ bị từ chối',
      'Xung đột dữ liệu',
      'Mẫu phiếu',
    ])
    expect(await page.getByTestId('console-total').textContent()).toBe('Tổng số: 0 hộ')

    await nav('Xã và thôn').click()
    await page.getByText('1 xã, phường · 1 thôn · 64 hộ đăng ký · 0 hộ đã nhận').waitFor()
    await h.shot('console-viewer.png')
    expect(await page.getByRole('link', { name: 'Xã Ngọc Đường' }).count()).toBe(0)
    await page.goto(`${h.server.url}/places/00700`)
    await page.getByText('không được xem xã này').waitFor()
    await page.goto(`${h.server.url}/users`)
    await page.getByText('Tài khoản của bạn không được làm việc này').waitFor()
    await nav('Máy khảo sát').click()
    await page.getByText('Xã chưa có máy khảo sát nào đăng ký').waitFor()

    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByText('Bạn đã đăng xuất.').waitFor()
    await page.reload()
    await heading('Đăng nhập').waitFor()
    expect(h.pageErrors).toEqual([])
  }, 120_000)
})
