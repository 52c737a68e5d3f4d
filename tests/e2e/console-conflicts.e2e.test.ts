import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiSession,
  createCommuneViewer,
  enrolBatchLaptop,
  signInApi,
} from './support/console-batches'
import { type ConsoleHarness, startConsoleHarness } from './support/console-browser'
import { produceConflicts } from './support/console-conflicts'
import { openSignedInConsole, signInPage } from './support/console-session'

/**
 * Sync conflicts in the console, in real Chromium against a real server: two laptops of
 * one commune, enrolled through the API, edit the same household from the same base and
 * seal their batches; the console lists both conflicts with labelled values, the admin
 * chooses the other value for one, and the household shows it. A commune viewer reads the
 * conflicts without the choices.
 */

const COMMUNE = '00700'

describe('sync conflicts in Chromium', () => {
  let h: ConsoleHarness
  let page: Page
  let admin: ApiSession
  let householdId = ''

  beforeAll(async () => {
    h = await startConsoleHarness()
    page = h.page
    await openSignedInConsole(page, h.server, '/conflicts')
    admin = await signInApi(h.server.url)
  }, 60_000)
  afterAll(async () => {
    await h?.close()
  })

  const heading = (name: string) => page.getByRole('heading', { name }).first()
  const nav = (name: string) =>
    page.getByRole('navigation').getByRole('link', { name, exact: true })
  const cards = () => page.getByTestId('conflict')
  const signalCard = () => cards().filter({ hasText: 'Sóng di động tại nhà' })

  it('says so when the devices agree', async () => {
    await heading('Xung đột dữ liệu').waitFor()
    await page.getByText('Không có xung đột nào — dữ liệu từ các máy đã khớp').waitFor()
  }, 30_000)

  it('lists the conflicts of two laptops with labelled values, devices and the member', async () => {
    const a = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop A xã Ngọc Đường')
    const b = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop B xã Ngọc Đường')
    householdId = (await produceConflicts(h.server.url, admin, a, b)).householdId
    await page.reload()
    await page.getByText('2 xung đột', { exact: true }).waitFor()
    expect(await cards().count()).toBe(2)

    const signal = signalCard()
    await signal.getByText('Nguyễn Văn A').first().waitFor()
    expect(await signal.getByTestId('winner').textContent()).toContain('Không có')
    expect(await signal.getByTestId('winner').textContent()).toContain('Laptop B xã Ngọc Đường')
    expect(await signal.getByTestId('loser').textContent()).toContain('Yếu')
    expect(await signal.getByTestId('loser').textContent()).toContain('Laptop A xã Ngọc Đường')
    expect(await signal.textContent()).toContain('Tốt')

    const birth = cards().filter({ hasText: 'Năm sinh' })
    await birth.getByText('Thành viên: Nguyễn Văn A').waitFor()
    expect(await birth.getByTestId('winner').textContent()).toContain('1978')
    expect(await birth.getByTestId('loser').textContent()).toContain('1979')
  }, 60_000)

  it('settles one by choosing the other value, and the household shows it', async () => {
    await signalCard().getByRole('button', { name: 'Chọn giá trị kia' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Đổi “Sóng di động tại nhà” của hộ Nguyễn Văn A thành “Yếu”?').waitFor()
    await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Đã gọi điện cho hộ, sóng yếu')
    await dialog.getByRole('button', { name: 'Xác nhận' }).click()
    await dialog.waitFor({ state: 'detached' })

    const resolved = signalCard()
    await resolved.getByText('Đã xử lý').waitFor()
    const line = (await resolved.getByTestId('conflict-resolution').textContent()) ?? ''
    expect(line).toContain('quantri.tinh đã chọn giá trị kia: “Yếu”')
    expect(await resolved.textContent()).toContain('Ghi chú: Đã gọi điện cho hộ, sóng yếu')
    expect(await resolved.getByRole('button').count()).toBe(0)
    await h.shot('console-conflicts.png')

    await resolved.getByRole('link', { name: 'Nguyễn Văn A' }).click()
    await heading('Nguyễn Văn A').waitFor()
    expect(new URL(page.url()).pathname).toBe(`/households/${householdId}`)
    const row = page.getByRole('row').filter({ hasText: 'Sóng di động tại nhà' })
    expect(await row.textContent()).toContain('Yếu')

    await nav('Xung đột dữ liệu').click()
    await page.getByText('1 xung đột', { exact: true }).waitFor()
    expect(h.pageErrors).toEqual([])
  }, 60_000)

  it('shows a commune viewer their commune’s conflicts read-only', async () => {
    const viewer = {
      username: 'ha.nt',
      password: 'mat-khau-xa-ngoc-duong',
      displayName: 'Nông Thị Hà',
      communeCode: COMMUNE,
    }
    await createCommuneViewer(h.server.url, admin, viewer)
    await signInPage(page, h.server.url, viewer, '/conflicts')
    await heading('Xung đột dữ liệu').waitFor()
    await page.getByText('1 xung đột', { exact: true }).waitFor()
    await page.getByText('Chỉ cán bộ tỉnh được chọn giá trị.').waitFor()
    expect(await page.getByRole('button', { name: 'Chọn giá trị kia' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Giữ giá trị đang dùng' }).count()).toBe(0)
  }, 30_000)
})
