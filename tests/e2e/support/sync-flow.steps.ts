import path from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { sqliteFilePath } from '../../../src/server/config/server-config'
import { choose, field } from './console-browser'
import { type Cell, writeCsv } from './console-files'
import { CONSOLE_ADMIN } from './console-session'
import { SHOTS } from './desktop-harness'

/**
 * Steps of the whole sync flow (tests/e2e/sync-flow.e2e.test.ts) as province staff and a
 * village team do them on screen: each one clicks and types, nothing goes round the UI.
 */

/**
 * A screenshot under test-results/. The window grows to the page's height first, so the
 * whole page is seen with sticky bars where a person sees them; then it shrinks back.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1366, height: 768 }
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) })
  await page.screenshot({ path: path.join(SHOTS, name), animations: 'disabled' })
  await page.setViewportSize(viewport)
}

/** Signs in on the console's sign-in screen, typing the administrator's name and password. */
export async function typeConsoleSignIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`)
  await field(page, 'Tên đăng nhập').fill(CONSOLE_ADMIN.username)
  await field(page, 'Mật khẩu').fill(CONSOLE_ADMIN.password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByTestId('console-user').waitFor()
}

/**
 * Imports a commune's villages from a CSV file on the console's places screen, as the
 * province does once before any laptop is enrolled.
 */
export async function importVillages(
  page: Page,
  dir: string,
  commune: { code: string; name: string },
  villages: readonly string[],
): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Xã và thôn', exact: true }).click()
  await page.getByRole('button', { name: 'Nhập thôn từ tệp' }).click()
  const header: Cell[] = ['Mã xã', 'Tên xã', 'Thôn/Tổ dân phố', 'Số hộ đăng ký']
  const rows: Cell[][] = villages.map((name) => [commune.code, commune.name, name, 40])
  const file = await writeCsv(dir, 'thon-ngoc-duong.csv', [header, ...rows])
  await page.locator('input[type=file]').setInputFiles(file)
  await page.getByRole('button', { name: `Lưu ${villages.length} thôn` }).click()
  await page
    .getByText(`Đã thêm ${villages.length} thôn, cập nhật 0 thôn, 0 thôn không đổi.`)
    .waitFor()
}

/**
 * Creates a one-time enrolment code for a commune on the console's devices screen and
 * reads it off the dialog, as staff would read it out over the phone. The dialog stays open.
 */
export async function createEnrolmentCode(
  page: Page,
  communeName: string,
  typed: string,
): Promise<string> {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Máy khảo sát', exact: true })
    .click()
  await page.getByRole('button', { name: 'Tạo mã đăng ký' }).click()
  const dialog = page.getByRole('dialog')
  await choose(page, dialog, 'Máy dùng cho xã', communeName, typed)
  await dialog.getByRole('button', { name: 'Tạo mã' }).click()
  const code = (await dialog.getByTestId('enrolment-code-text').textContent()) ?? ''
  if (!/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(code)) {
    throw new Error(`the dialog shows no enrolment code but "${code}"`)
  }
  return code
}

/** Adds a person to the survey team from the start screen and picks them as the recorder. */
export async function addRecorder(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Thêm người' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'Thêm người vào tổ' }).fill(name)
  await dialog.getByRole('button', { name: 'Thêm', exact: true }).click()
  await dialog.getByText(name, { exact: true }).waitFor()
  await dialog.getByRole('button', { name: 'Đóng' }).last().click()
  await dialog.waitFor({ state: 'hidden' })
  const chip = page.locator('label.mantine-Chip-label').filter({ hasText: name })
  await chip.click()
  await page.getByTestId('current-enumerator').getByText(`Người khảo sát: ${name}`).waitFor()
}

/** What the server's own store holds, counted directly (read-only). */
export interface ServerTotals {
  households: number
  members: number
  revisions: number
  batches: number
}

/** Counts households, members, revisions and batches in the server's SQLite store. */
export function serverTotals(dataDir: string): ServerTotals {
  const db = new Database(sqliteFilePath({ dataDir }), { readonly: true, fileMustExist: true })
  try {
    const count = (table: string) =>
      (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    return {
      households: count('households'),
      members: count('members'),
      revisions: count('revisions'),
      batches: count('batches'),
    }
  } finally {
    db.close()
  }
}
