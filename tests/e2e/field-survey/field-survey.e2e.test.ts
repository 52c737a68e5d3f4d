import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Answers } from '../../../src/shared/forms/form-response.schema'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import { type DesktopHarness, SHOTS, startDesktopHarness } from '../support/desktop-harness'
import {
  answer,
  answerAll,
  answerByKeyboard,
  focusedQuestion,
  focusedText,
  memberRow,
  openMember,
  questionBlock,
  waitForFocusIn,
} from '../support/household-form.page'
import {
  ADDRESS,
  adultDigitalKeys,
  CHILD,
  HEAD,
  HOUSEHOLD_KEYS,
  memberKeys,
  SPOUSE,
} from './field-survey.fixtures'

/**
 * The field survey experience (issue 3), end to end in real Chromium over the real
 * main-process handlers and a real SQLite file, on a 1366×768 screen. The tests run in
 * order and build on each other, as a day in a village would.
 */

const VILLAGE = PILOT_COMMUNE.villages[0] ?? { code: '00700-01', name: 'Thôn Khuổi My' }
const ADULT: Answers = {
  residence: 'permanent',
  m_phone: 'smartphone',
  m_internet_3m: true,
  m_vneid: 'level1',
  m_public_service_12m: 'self',
  m_payment_accounts: ['bank'],
  m_cashless_30d: true,
  m_digital_signature: 'no',
  m_ehealth: 'yes',
  m_binh_dan_hoc_vu_so: false,
}

describe('field survey: a village team member records visits', () => {
  let h: DesktopHarness
  let page: Page

  beforeAll(async () => {
    h = await startDesktopHarness({ viewport: { width: 1366, height: 768 } })
    page = h.page
    const lan = await h.call('team.add', { name: 'Hoàng Thị Lan' })
    await h.call('team.add', { name: 'Vàng A Dình' })
    await h.call('team.setCurrent', { id: lan.id })
  })

  afterAll(async () => {
    await h?.close()
  })

  /**
   * A screenshot in test-results/. A whole page is taken by growing the window to the
   * page's height, so sticky bars sit at the bottom as a person would see them.
   */
  const shot = async (name: string, fullPage = true) => {
    const viewport = page.viewportSize() ?? { width: 1366, height: 768 }
    if (fullPage) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      await page.setViewportSize({
        width: viewport.width,
        height: Math.max(height, viewport.height),
      })
    }
    await page.screenshot({ path: path.join(SHOTS, name), animations: 'disabled' })
    if (fullPage) await page.setViewportSize(viewport)
  }
  const noHorizontalScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  const openVillage = async () => {
    await page.getByRole('button', { name: 'Về màn hình đầu' }).click()
    await page.getByRole('button', { name: VILLAGE.name }).click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
  }
  const startNewHousehold = async () => {
    await page.getByRole('button', { name: /Thêm hộ/ }).click()
    await page.locator('[data-form-ready="true"]').waitFor()
  }
  /** A filter or team chip, by its label (the radio inside is visually hidden). */
  const chip = (name: string) => page.locator('label.mantine-Chip-label').filter({ hasText: name })
  const waitSavedDraft = () =>
    page.locator('[data-testid="autosave"][data-state="saved"]').waitFor()
  const finalizeButton = () => page.getByRole('button', { name: 'Hoàn tất phiếu' })
  const savedFlash = (name: string) =>
    page
      .getByTestId('saved-flash')
      .filter({ hasText: `Đã lưu phiếu của hộ ${name}` })
      .waitFor()

  it('(a) records a household of three with the keyboard only, and finalises it', async () => {
    await page.goto(`${h.renderer.url}/`)
    await page.getByRole('heading', { name: 'Các thôn' }).waitFor()
    // Tab to the first village card, open it: the search box has the focus.
    for (let i = 0; i < 30; i += 1) {
      const on = await page.evaluate(() => document.activeElement?.getAttribute('data-village'))
      if (on === VILLAGE.code) break
      await page.keyboard.press('Tab')
    }
    await page.keyboard.press('Enter')
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    // Esc leaves the search box, N starts a new household.
    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    await page.locator('[data-form-ready="true"]').waitFor()

    // The village is preset: the focus starts on the first question still to answer.
    await answerByKeyboard(page, HOUSEHOLD_KEYS)
    // After the last household question, Enter lands on "Thêm thành viên": Enter adds one,
    // preset as the head with the head's name.
    expect(await focusedText(page)).toContain('Thêm thành viên')
    await page.keyboard.press('Enter')
    await waitForFocusIn(page, 'full_name')
    expect(
      await questionBlock(memberRow(page, 0), 'full_name').getByRole('textbox').inputValue(),
    ).toBe(HEAD)
    await answerByKeyboard(page, [...memberKeys(null, null, '1', '1978'), ...adultDigitalKeys('4')])
    // The shortcut adds the next member from anywhere.
    await page.keyboard.press('Alt+m')
    await answerByKeyboard(page, [
      ...memberKeys(SPOUSE, '2', '2', '1982'),
      ...adultDigitalKeys('3'),
    ])
    await page.keyboard.press('Alt+m')
    // A child of 7: the digital questions (aged 10+) are not asked.
    await answerByKeyboard(page, memberKeys(CHILD, '3', '1', '2018'))
    expect(await focusedText(page)).toContain('Thêm thành viên')
    expect(await questionBlock(memberRow(page, 2), 'm_phone').count()).toBe(0)

    await page.keyboard.press('Control+Enter')
    await savedFlash(HEAD)

    const [saved] = await h.call('households.list', { villageCode: VILLAGE.code })
    expect(saved).toMatchObject({
      headName: HEAD,
      memberCount: 3,
      visitResult: 'completed',
      syncState: 'pending',
    })
    const detail = await h.call('households.get', { id: saved?.id ?? '' })
    expect(detail.response.answers).toMatchObject({
      address: ADDRESS,
      phone: '0912345678',
      h_internet: 'other',
      h_no_fibre_reason: ['no_infra', 'cost'],
      h_business: false,
    })
    const members = detail.response.repeats.members ?? []
    expect(members.map((m) => m.answers.full_name)).toEqual([HEAD, SPOUSE, CHILD])
    expect(members.map((m) => m.answers.relation)).toEqual(['head', 'spouse', 'child'])
    expect(members[0]?.answers).toMatchObject({ sex: 'male', birth_year: 1978, m_vneid: 'level2' })
    expect(members[0]?.answers.m_skills).toEqual([
      'messaging',
      'search',
      'install_apps',
      'payments',
    ])
    expect(members[1]?.answers).toMatchObject({ sex: 'female', m_vneid: 'level1' })
    expect(members[2]?.answers.m_phone).toBeUndefined()
    const [visit] = await h.call('households.visits', { householdId: saved?.id ?? '' })
    expect(visit?.enumeratorName).toBe('Hoàng Thị Lan')
  }, 120_000)

  it('(b) recovers a half-filled visit after the main process restarts: same member, same question', async () => {
    await startNewHousehold()
    await answerAll(page, {
      head_name: 'Trần Văn Bình',
      visit_result: 'completed',
      consent: true,
      h_internet: 'fibre',
      h_mobile_signal: 'good',
      h_business: false,
    })
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()
    await answerAll(memberRow(page, 0), { sex: 'male', birth_year: 1970, ...ADULT })
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()
    await answerAll(memberRow(page, 1), {
      full_name: 'Trần Thị Cúc',
      relation: 'child',
      sex: 'female',
      birth_year: 2001,
      residence: 'permanent',
      m_phone: 'basic',
    })
    await answer(memberRow(page, 1), 'm_vneid', 'level1')
    await waitForFocusIn(page, 'm_vneid')
    await waitSavedDraft()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot('household-form.png')
    await questionBlock(memberRow(page, 1), 'm_vneid').scrollIntoViewIfNeeded()
    await shot('roster.png', false)
    const before = await focusedQuestion(page)

    // The app dies: the main process restarts on the same file, the window reloads.
    await h.restartMain()
    await page.reload()
    await page.locator('[data-form-ready="true"]').waitFor()
    expect(await focusedQuestion(page)).toEqual(before)
    expect(await memberRow(page, 1).getByRole('heading').first().textContent()).toContain(
      'Trần Thị Cúc',
    )
    expect(
      await questionBlock(memberRow(page, 1), 'm_vneid')
        .getByRole('radio', { name: 'Mức 1' })
        .isChecked(),
    ).toBe(true)
    expect(
      await questionBlock(memberRow(page, 1), 'm_phone')
        .getByRole('radio', { name: 'Điện thoại phổ thông' })
        .isChecked(),
    ).toBe(true)
    expect(await questionBlock(page, 'head_name').getByRole('textbox').inputValue()).toBe(
      'Trần Văn Bình',
    )

    // Leaving keeps the draft: the start screen offers it back in one click.
    await page.getByRole('button', { name: 'Về danh sách' }).click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
    await page.getByRole('button', { name: 'Về màn hình đầu' }).click()
    const drafts = page.getByTestId('open-drafts')
    await drafts.getByText('Trần Văn Bình').waitFor()
    await drafts.getByRole('button', { name: 'Tiếp tục phiếu của Trần Văn Bình' }).click()
    await page.locator('[data-form-ready="true"]').waitFor()
    expect((await focusedQuestion(page)).questionId).toBe('m_vneid')
    await page.getByRole('button', { name: 'Về danh sách' }).click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
  }, 120_000)

  it('(c) shows and hides questions as answers change; an absent household keeps only the result', async () => {
    await startNewHousehold()
    await answerAll(page, { head_name: 'Đinh Thị Hoa', visit_result: 'completed', consent: true })
    const reason = questionBlock(page, 'h_no_fibre_reason')
    await answer(page, 'h_internet', 'fibre')
    expect(await reason.count()).toBe(0)
    await answer(page, 'h_internet', 'other')
    await reason.waitFor()
    await answer(page, 'h_internet', 'fibre')
    await reason.waitFor({ state: 'detached' })
    await answer(page, 'h_business', true)
    await questionBlock(page, 'h_ecommerce').waitFor()

    // No consent: only the result is kept, the rest disappears.
    await answer(page, 'consent', false)
    await page.getByTestId('result-only').getByText('không đồng ý').waitFor()
    expect(await questionBlock(page, 'h_internet').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Thêm thành viên' }).count()).toBe(0)

    // Nobody at home: consent is not asked either.
    await answer(page, 'visit_result', 'absent')
    await page.getByTestId('result-only').getByText('Vắng nhà').waitFor()
    expect(await questionBlock(page, 'consent').count()).toBe(0)
    await finalizeButton().click()
    await savedFlash('Đinh Thị Hoa')
    const [hoa] = await h.call('households.list', {
      villageCode: VILLAGE.code,
      query: 'dinh thi hoa',
    })
    const detail = await h.call('households.get', { id: hoa?.id ?? '' })
    expect(detail.response.answers.visit_result).toBe('absent')
    // Answers to questions that were hidden are not kept.
    expect(detail.response.answers.h_internet).toBeUndefined()
    expect(detail.response.answers.consent).toBeUndefined()
  }, 60_000)

  it('(d) blocks on errors with messages on the questions, then confirms warnings and a possible duplicate', async () => {
    const before = await h.call('households.list', { villageCode: VILLAGE.code })
    await startNewHousehold()
    await answerAll(page, {
      visit_result: 'completed',
      consent: true,
      phone: '0212 345 678',
      h_internet: 'none',
      h_mobile_signal: 'weak',
      h_business: false,
    })
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()
    await answerAll(memberRow(page, 0), {
      full_name: 'Nguyen Van Hung',
      relation: 'child',
      birth_year: 2030,
    })
    await finalizeButton().click()
    const summary = page.getByRole('alert').filter({ hasText: 'Chưa lưu được' })
    await summary.waitFor()
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('Họ tên chủ hộ')
    expect(text).toContain('Nguyen Van Hung — Giới tính')
    expect(text).toContain('Năm sinh không được sau năm khảo sát.')
    expect(text).toContain('Danh sách thành viên phải có đúng một chủ hộ.')
    await questionBlock(page, 'head_name').getByText('Chưa trả lời. Câu này bắt buộc.').waitFor()
    // The summary's link jumps to the member and the question.
    await summary.getByRole('button', { name: /Nguyen Van Hung — Giới tính/ }).click()
    await waitForFocusIn(page, 'sex')
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot('validation-messages.png')
    expect(await h.call('households.list', { villageCode: VILLAGE.code })).toHaveLength(
      before.length,
    )

    await answerAll(memberRow(page, 0), {
      relation: 'head',
      sex: 'male',
      birth_year: 1990,
      ...ADULT,
    })
    await answer(page, 'head_name', 'Nguyen Van Hung')
    // While typing, the form already warns that the household may be recorded.
    await page.getByTestId('duplicate-notice').getByText(HEAD).waitFor()
    await finalizeButton().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Đầu số này lạ').waitFor()
    await dialog.getByTestId('duplicates').getByText(HEAD).waitFor()
    expect(await dialog.getByRole('button', { name: 'Mở hộ này' }).count()).toBe(1)
    await shot('confirm-dialog.png', false)
    await dialog.getByRole('button', { name: 'Vẫn lưu' }).click()
    await savedFlash('Nguyen Van Hung')
    expect(await h.call('households.list', { villageCode: VILLAGE.code })).toHaveLength(
      before.length + 1,
    )
  }, 90_000)

  it('(e) revisits a household months later: changes marked, both visits in its history', async () => {
    h.clock.advanceDays(92)
    const search = page.getByRole('searchbox', { name: 'Tìm hộ' })
    await search.fill('0912345678')
    const row = page.getByRole('row').filter({ hasText: HEAD })
    await row.waitFor()
    await row.getByRole('button', { name: HEAD }).click()
    await page.getByRole('button', { name: 'Khảo sát lại' }).click()
    await page.locator('[data-form-ready="true"]').waitFor()
    await page.getByTestId('previous-visit').getByText('Lần khảo sát trước: 24/11/2025').waitFor()
    // Nothing is marked changed yet; this visit's own questions show last time's answer.
    expect(await page.locator('[data-changed="true"]').count()).toBe(0)
    await questionBlock(page, 'visit_result').getByText('Lần trước: Hoàn thành').waitFor()

    // This visit's result and consent are asked afresh; the rest starts from last time.
    await answerAll(page, { visit_result: 'completed', consent: true })
    expect(await page.locator('[data-changed="true"]').count()).toBe(0)
    await answer(page, 'h_internet', 'fibre')
    await questionBlock(page, 'h_internet').getByText('đã đổi').waitFor()
    const mai = await openMember(page, 1)
    await answer(mai, 'm_vneid', 'level2')
    await questionBlock(mai, 'm_vneid').getByText('đã đổi').waitFor()
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()
    await answerAll(memberRow(page, 3), {
      full_name: 'Nguyễn Gia Bảo',
      relation: 'child',
      sex: 'male',
      birth_year: 2025,
      residence: 'permanent',
    })
    await page.locator('[data-member-item="3"]').getByText('mới').waitFor()
    await page.locator('[data-member-item="1"]').getByText('đã đổi').waitFor()
    await openMember(page, 1)
    await questionBlock(memberRow(page, 1), 'm_vneid').getByRole('radio', { name: 'Mức 2' }).focus()
    await questionBlock(memberRow(page, 1), 'm_vneid')
      .getByText('Lần trước: Mức 1')
      .first()
      .waitFor()
    await shot('revisit-changes.png', false)

    await finalizeButton().click()
    await savedFlash(HEAD)
    await search.fill('0912345678')
    await row.getByRole('button', { name: HEAD }).click()
    const history = page.getByTestId('visit-history')
    await history.waitFor()
    const visits = history.locator('tbody tr')
    expect(await visits.count()).toBe(2)
    expect(await visits.allTextContents()).toEqual([
      expect.stringContaining('24/02/2026'),
      expect.stringContaining('24/11/2025'),
    ])
    await shot('visit-history.png')
    await visits.first().getByRole('button', { name: 'Xem' }).click()
    const changes = page.getByTestId('visit-changes')
    await changes.waitFor()
    const changed = (await changes.textContent()) ?? ''
    expect(changed).toContain('Internet cố định tại nhà')
    expect(changed).toContain(`${SPOUSE} — Tài khoản định danh điện tử VNeID`)
    expect(changed).toContain('Thêm thành viên: Nguyễn Gia Bảo')
    await shot('visit-changes.png', false)
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  }, 90_000)

  it('(f) finds households without accents, in any word order, by phone, and by status', async () => {
    await openVillage()
    const search = page.getByRole('searchbox', { name: 'Tìm hộ' })
    const rows = page.locator('tbody tr[data-household]')
    await search.fill('nguyen van hung')
    await expect.poll(() => rows.count()).toBe(2)
    await shot('search.png', false)
    await search.fill('hung nguyen')
    await expect.poll(() => rows.count()).toBe(2)
    await search.fill('0912 345 678')
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(HEAD)])
    await search.fill('mai lo')
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(HEAD)])
    // Enter opens the highlighted row.
    await search.press('Enter')
    await page.getByTestId('visit-history').waitFor()

    await openVillage()
    await chip('Vắng nhà').click()
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringContaining('Đinh Thị Hoa')])
    await chip('Tất cả').click()
  }, 60_000)

  it('(g) fits a 1366×768 screen without horizontal scrolling; the team is kept in settings', async () => {
    expect(page.viewportSize()).toEqual({ width: 1366, height: 768 })
    await openVillage()
    expect(await noHorizontalScroll()).toBe(true)
    await page.getByRole('tab', { name: 'Tiến độ và chỉ số' }).click()
    await page.getByTestId('indicators').waitFor()
    expect(await noHorizontalScroll()).toBe(true)
    await shot('village-progress.png')

    await page.getByRole('button', { name: 'Về màn hình đầu' }).click()
    await page.getByTestId('open-drafts').waitFor()
    expect(await noHorizontalScroll()).toBe(true)
    await shot('village-list.png')

    // The team: add someone, rename them, stop them; the picker follows.
    await page.getByRole('button', { name: 'Cài đặt' }).click()
    await page.getByRole('menuitem', { name: 'Tổ khảo sát…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: 'Thêm người vào tổ' }).fill('Lường Văn Tú')
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click()
    await dialog.getByText('Lường Văn Tú').waitFor()
    const tu = dialog.getByRole('row').filter({ hasText: 'Lường Văn Tú' })
    await tu.getByRole('button', { name: 'Đổi tên' }).click()
    await dialog.getByRole('textbox', { name: 'Tên mới' }).fill('Lường Văn Tuấn')
    await dialog.getByRole('button', { name: 'Lưu tên' }).click()
    await dialog.getByText('Lường Văn Tuấn').waitFor()
    await chip('Lường Văn Tuấn').waitFor()
    await dialog
      .getByRole('row')
      .filter({ hasText: 'Lường Văn Tuấn' })
      .getByRole('button', { name: 'Ngừng' })
      .click()
    await dialog.getByText('đã ngừng').waitFor()
    await page.keyboard.press('Escape')
    await chip('Lường Văn Tuấn').waitFor({ state: 'detached' })
    // Picking another surveyor is remembered and shown in the header.
    await chip('Vàng A Dình').click()
    await page.getByTestId('current-enumerator').getByText('Vàng A Dình').waitFor()

    // The form with a roster, and a household page, fit too.
    await page
      .getByTestId('open-drafts')
      .getByRole('button', { name: /Tiếp tục/ })
      .click()
    await page.locator('[data-form-ready="true"]').waitFor()
    expect(await noHorizontalScroll()).toBe(true)
    await page.getByRole('button', { name: 'Về danh sách' }).click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).fill(HEAD)
    await page
      .getByRole('row')
      .filter({ hasText: HEAD })
      .getByRole('button', { name: HEAD })
      .click()
    await page.getByTestId('visit-history').waitFor()
    expect(await noHorizontalScroll()).toBe(true)

    // English is one menu away.
    await page.getByRole('button', { name: 'Cài đặt' }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Visit again' }).waitFor()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click()
    await page.getByRole('button', { name: 'Khảo sát lại' }).waitFor()
    expect(h.pageErrors).toEqual([])
  }, 90_000)
})
