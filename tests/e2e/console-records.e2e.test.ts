import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FormResponse } from '../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../src/shared/household/household-revision.schema'
import { FIXTURE_MS, makeHouseholdResponse, makeRevision } from '../support/household-fixtures'
import {
  type ApiSession,
  createCommuneViewer,
  type EnrolledLaptop,
  enrolBatchLaptop,
  laptopHouseholds,
  sealLaptopBatch,
  signInApi,
} from './support/console-batches'
import { type ConsoleHarness, choose, startConsoleHarness } from './support/console-browser'
import { importSealedBatch, produceConflicts } from './support/console-conflicts'
import { openSignedInConsole, signInPage } from './support/console-session'

/**
 * The console's records and review in real Chromium at 1366×768 against a real server:
 * two laptops of Ngọc Đường send a household visited twice (and corrected once) plus a few
 * others; the admin finds it by a name typed without accents and by phone, reads its
 * history (who changed what on which laptop), asks for it to be completed, approves the
 * others in bulk; a commune viewer comments on it without being able to decide.
 */

const COMMUNE = '00700'
const HEAD = 'Đặng Thị Hồng'
const PHONE = '0987654321'
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** The household of the story: made by laptop A, corrected on A, revisited by laptop B. */
function storyRevisions(a: EnrolledLaptop, b: EnrolledLaptop): HouseholdRevision[] {
  const first: FormResponse = makeHouseholdResponse({
    answers: { head_name: HEAD, phone: PHONE, address: 'Số 4, xóm Khuổi My' },
    members: [
      { full_name: HEAD, sex: 'female', relation: 'head', birth_year: 1978 },
      { full_name: 'Lò Văn Pảo', relation: 'spouse', sex: 'male', birth_year: 1975 },
    ],
  })
  const created = {
    ...makeRevision({ deviceId: a.id, savedAtMs: FIXTURE_MS, response: first }),
    enumerator: { id: '019ab5e6-6c00-7000-8000-0000000000e1', name: 'Nông Thị Hà' },
  }
  const corrected = structuredClone(first)
  corrected.answers.h_mobile_signal = 'weak'
  const fix = {
    ...makeRevision({
      deviceId: a.id,
      householdId: created.householdId,
      visitId: created.visitId,
      baseRevisionId: created.id,
      savedAtMs: FIXTURE_MS + 5 * MINUTE,
      response: corrected,
    }),
    enumerator: created.enumerator,
  }
  const revisit = structuredClone(corrected)
  revisit.answers.h_internet = 'other'
  revisit.answers.h_no_fibre_reason = ['cost']
  revisit.repeats.members?.push({
    id: '019ab5e6-6c00-7000-8000-0000000000c1',
    answers: {
      full_name: 'Lò Thị Mai',
      relation: 'child',
      sex: 'female',
      birth_year: 2016,
      residence: 'permanent',
    },
  })
  const second = {
    ...makeRevision({
      deviceId: b.id,
      householdId: created.householdId,
      baseRevisionId: fix.id,
      savedAtMs: FIXTURE_MS + DAY,
      visitDate: '2025-11-25',
      response: revisit,
    }),
    enumerator: { id: '019ab5e6-6c00-7000-8000-0000000000e2', name: 'Hoàng Văn Nam' },
  }
  return [created, fix, second]
}

describe('records and review in Chromium', () => {
  let h: ConsoleHarness
  let page: Page
  let admin: ApiSession

  beforeAll(async () => {
    h = await startConsoleHarness()
    page = h.page
    await openSignedInConsole(page, h.server, '/')
    admin = await signInApi(h.server.url)
    const a = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop tổ Khuổi My')
    const b = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop tổ Tả Lủng')
    const [created, fix, second] = storyRevisions(a, b)
    if (!created || !fix || !second) throw new Error('three revisions')
    const at = (ms: number) => new Date(ms).toISOString()
    const others = laptopHouseholds(a, 5, 6)
    await importSealedBatch(
      h.server.url,
      admin,
      'a-1.langso-batch',
      sealLaptopBatch(a, [...others, created, fix], at(FIXTURE_MS + 10 * MINUTE)),
    )
    await importSealedBatch(
      h.server.url,
      admin,
      'b-1.langso-batch',
      sealLaptopBatch(b, [second], at(FIXTURE_MS + DAY + MINUTE)),
    )
    await page.reload()
  }, 90_000)
  afterAll(async () => {
    await h?.close()
  })

  const heading = (name: string) => page.getByRole('heading', { name }).first()
  const search = () => page.getByRole('searchbox', { name: 'Tìm hộ' })
  const total = () => page.getByTestId('console-total')
  const rows = () => page.getByTestId('households').locator('tbody tr')

  it('finds a household by its name typed without accents, and by its phone number', async () => {
    await heading('Hộ đã nhận').waitFor()
    await expect.poll(() => total().textContent()).toBe('Tổng số: 6 hộ')
    await search().fill('dang thi hong')
    await expect.poll(() => total().textContent()).toBe('Tổng số: 1 hộ')
    const row = rows().first()
    expect(await row.textContent()).toContain(HEAD)
    expect(await row.textContent()).toContain('Chờ duyệt')
    await h.shot('console-records-search.png')

    await search().fill('0987 654 321')
    await expect.poll(() => total().textContent()).toBe('Tổng số: 1 hộ')
    // A part of a number finds nothing.
    await search().fill('0987')
    await page.getByText('Không tìm thấy').waitFor()
    await search().fill('hong dang')
    await expect.poll(() => total().textContent()).toBe('Tổng số: 1 hộ')
  }, 30_000)

  it('opens the household and shows every visit and what each save changed', async () => {
    await rows().first().getByRole('link', { name: HEAD }).click()
    await heading(HEAD).waitFor()
    await page.getByTestId('console-members').waitFor()
    await page.getByRole('tab', { name: /Lịch sử/ }).click()
    const visits = page.getByTestId('visit')
    await expect.poll(() => visits.count()).toBe(2)
    const [later, earlier] = [visits.nth(0), visits.nth(1)]
    expect(await later.textContent()).toContain('Lần khảo sát ngày 25/11/2025')
    expect(await later.textContent()).toContain('Máy: Laptop tổ Tả Lủng')
    expect(await later.textContent()).toContain('Người khảo sát: Hoàng Văn Nam')
    expect(await later.textContent()).toContain('Thêm thành viên: Lò Thị Mai')
    const internet = later.getByRole('row').filter({ hasText: 'Internet cố định tại nhà' })
    expect(await internet.allTextContents()).toEqual([expect.stringContaining('Loại khác')])
    expect(await later.getByText('Đang dùng').count()).toBe(1)

    expect(await earlier.textContent()).toContain('2 lần lưu')
    expect(await earlier.textContent()).toContain('Người khảo sát: Nông Thị Hà')
    const signal = earlier.getByRole('row').filter({ hasText: 'Sóng di động tại nhà' })
    expect(await signal.textContent()).toContain('Tốt')
    expect(await signal.textContent()).toContain('Yếu')
    expect(await earlier.textContent()).toContain('Tạo hộ:')
    await h.shot('console-records-history.png')
  }, 30_000)

  it('asks for the household to be completed, with a note that is required', async () => {
    const panel = page.getByTestId('review-panel')
    await panel.getByText('Chờ duyệt').waitFor()
    await panel.getByRole('button', { name: 'Cần bổ sung' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click()
    await dialog.getByText('Ghi rõ cần bổ sung gì hoặc vì sao không duyệt.').waitFor()
    await dialog.getByLabel('Ghi chú').fill('Thiếu số định danh của cháu Mai')
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click()
    await dialog.waitFor({ state: 'detached' })
    await panel.getByText('Cần bổ sung').first().waitFor()
    expect(await panel.textContent()).toContain('Thiếu số định danh của cháu Mai')
    await page.getByRole('tab', { name: /Duyệt và trao đổi/ }).click()
    const thread = page.getByTestId('review-thread')
    await thread.getByText('Thiếu số định danh của cháu Mai').waitFor()
    expect(await thread.textContent()).toContain('đã chọn “Cần bổ sung”')
    await h.shot('console-records-review.png')
  }, 30_000)

  it('approves the households still awaiting review in bulk', async () => {
    await page.getByRole('link', { name: '← Về danh sách hộ' }).click()
    await heading('Hộ đã nhận').waitFor()
    await choose(page, page, 'Trạng thái duyệt', 'Chờ duyệt')
    await expect.poll(() => total().textContent()).toBe('Tổng số: 5 hộ')
    await page.getByRole('checkbox', { name: 'Chọn cả trang' }).check()
    const bar = page.getByTestId('review-bulk')
    await bar.getByText('Đã chọn 5 hộ').waitFor()
    await h.shot('console-records-bulk.png')
    await bar.getByRole('button', { name: 'Duyệt', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('heading', { name: 'Duyệt 5 hồ sơ' }).waitFor()
    await dialog.getByRole('button', { name: 'Duyệt', exact: true }).click()
    await page.getByTestId('review-bulk-notice').getByText('Đã cập nhật 5 hồ sơ.').waitFor()
    await page.getByText('Không tìm thấy').waitFor()

    await choose(page, page, 'Trạng thái duyệt', 'Đã duyệt')
    await expect.poll(() => total().textContent()).toBe('Tổng số: 5 hộ')
    expect(await page.getByTestId('households').getByText('Đã duyệt').count()).toBe(5)
    await h.shot('console-records-approved.png')
    expect(h.pageErrors).toEqual([])
  }, 30_000)

  it('shows the open conflicts of a household two laptops edited at once', async () => {
    const a = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop A xã Ngọc Đường')
    const b = await enrolBatchLaptop(h.server.url, admin, COMMUNE, 'Laptop B xã Ngọc Đường')
    const { householdId } = await produceConflicts(h.server.url, admin, a, b)
    await page.goto(`${h.server.url}/households/${householdId}`)
    await heading('Nguyễn Văn A').waitFor()
    await page.getByRole('tab', { name: 'Xung đột đang mở (2)' }).click()
    const conflicts = page.getByTestId('household-conflicts')
    await expect.poll(() => conflicts.getByTestId('conflict').count()).toBe(2)
    expect(await conflicts.textContent()).toContain('Sóng di động tại nhà')
    await page.getByRole('tab', { name: /Lịch sử/ }).click()
    expect(await page.getByTestId('revision').count()).toBe(3)
    await page.getByRole('tab', { name: /Xung đột/ }).click()
    await h.shot('console-records-conflicts.png')
  }, 30_000)

  it('lets a commune viewer comment on their commune’s household, without deciding', async () => {
    const viewer = {
      username: 'ha.nt',
      password: 'mat-khau-xa-ngoc-duong',
      displayName: 'Nông Thị Hà',
      communeCode: COMMUNE,
    }
    await createCommuneViewer(h.server.url, admin, viewer)
    await signInPage(page, h.server.url, viewer, '/')
    await heading('Hộ đã nhận').waitFor()
    expect(await page.getByRole('checkbox').count()).toBe(0)
    await search().fill('hong dang')
    await expect.poll(() => total().textContent()).toBe('Tổng số: 1 hộ')
    await rows().first().getByRole('link', { name: HEAD }).click()
    await heading(HEAD).waitFor()
    const panel = page.getByTestId('review-panel')
    await panel.getByText('Cán bộ xã xem và góp ý; chỉ cán bộ tỉnh duyệt hồ sơ.').waitFor()
    expect(await panel.getByRole('button').count()).toBe(0)
    await page.getByRole('tab', { name: /Duyệt và trao đổi/ }).click()
    await page.getByLabel('Góp ý').fill('Tổ thôn sẽ bổ sung trong tuần này')
    await page.getByRole('button', { name: 'Gửi góp ý' }).click()
    const thread = page.getByTestId('review-thread')
    await thread.getByText('Tổ thôn sẽ bổ sung trong tuần này').waitFor()
    expect(await thread.textContent()).toContain('Nông Thị Hà · Cán bộ xã (chỉ xem) · góp ý')
    await h.shot('console-records-viewer.png')
    expect(h.pageErrors).toEqual([])
  }, 30_000)
})
