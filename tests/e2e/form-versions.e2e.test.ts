import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRevision, sealedAt } from '../../src/main/store/sealed-columns'
import {
  type FormDefinition,
  flattenQuestions,
} from '../../src/shared/forms/form-definition.schema'
import { PILOT_COMMUNE } from '../../src/shared/places/pilot-places'
import { enrolWithServer } from '../main/device/device-test-kit'
import { householdFormV2, NEW_QUESTION, publishForm } from '../main/sync/form-versions-kit'
import { startTestServer, type TestServer } from '../main/sync/sync-test-servers'
import { recordVisit } from '../main/visit-test-helpers'
import type { ConsoleClient } from '../server/auth/auth-test-kit'
import { makeHouseholdResponse } from '../support/household-fixtures'
import { type DesktopHarness, startDesktopHarness } from './support/desktop-harness'
import { answerAll, questionBlock } from './support/household-form.page'
import { screenshot } from './support/sync-flow.steps'

/**
 * Form versions in real Chromium: the built renderer, `window.api` bridged to the real
 * main-process handlers, enrolled with the real provincial server on 127.0.0.1. A household
 * is recorded on version 1; the province publishes version 2 (a new required question, and
 * the phone question relabelled); "Đồng bộ" brings it. The old household is still shown
 * with version 1's labels, a new household is recorded and shown on version 2, and a record
 * of a version the laptop lacks gets a clear message instead of a broken screen.
 */

const VILLAGE = PILOT_COMMUNE.villages[0]
const OLD_HEAD = 'Lò Văn Pấu'
const NEW_HEAD = 'Hà Thị Bảy'
const V1_PHONE = 'Số điện thoại liên hệ'
const V2_PHONE = 'Số điện thoại liên hệ của hộ (mẫu mới)'
const NEW_LABEL = 'Hộ có máy tính'

/** Version 2 as the kit builds it, with the phone question's label changed too. */
function formV2(): FormDefinition {
  const form = householdFormV2()
  const phone = form.sections
    .flatMap((s) => flattenQuestions(s.items))
    .find((q) => q.id === 'phone')
  if (!phone) throw new Error('the household form has no phone question')
  phone.label = { vi: V2_PHONE, en: 'Household contact phone (new form)' }
  return form
}

describe('form versions: each household is shown with the version it was recorded on', () => {
  let h: DesktopHarness
  let server: TestServer
  let admin: ConsoleClient
  let page: Page
  let oldRevisionId = ''

  const openVillage = async () => {
    await page.getByRole('button', { name: 'Về màn hình đầu' }).click()
    await page.getByRole('button', { name: VILLAGE?.name }).click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
  }
  const openHousehold = async (head: string) => {
    await openVillage()
    await page.getByRole('button', { name: head }).click()
    await page.getByRole('heading', { name: head }).first().waitFor()
  }
  const openLatestVisit = async () => {
    await page.getByTestId('visit-history').getByRole('button', { name: 'Xem' }).first().click()
    const view = page.getByTestId('visit-view')
    await view.waitFor()
    return view
  }
  const closeVisit = async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  }

  beforeAll(async () => {
    if (!VILLAGE) throw new Error('the pilot commune has no villages')
    server = await startTestServer()
    h = await startDesktopHarness({ enrolled: false, startMs: Date.now() })
    page = h.page
    admin = await enrolWithServer(h.ctx(), server)
    const old = await recordVisit(
      h.ctx(),
      makeHouseholdResponse({ answers: { head_name: OLD_HEAD, village: VILLAGE.code } }),
      { villageCode: VILLAGE.code },
    )
    oldRevisionId = old.revisionId
    await page.goto(`${h.renderer.url}/`)
  }, 60_000)

  afterAll(async () => {
    await h?.close()
    await server?.stop()
  })

  it('after Đồng bộ brings version 2, the old household still shows its version 1 visit', async () => {
    expect((await h.call('forms.getDefault', {})).version).toBe(1)
    await publishForm(admin, formV2())

    await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click()
    await page.getByTestId('sync-result').waitFor()
    expect((await h.call('forms.getDefault', {})).version).toBe(2)

    await openHousehold(OLD_HEAD)
    const detail = (await page.locator('main').textContent()) ?? ''
    expect(detail).toContain(`${V1_PHONE}:`)
    expect(detail).not.toContain(V2_PHONE)
    const visit = await openLatestVisit()
    const shown = (await visit.textContent()) ?? ''
    expect(shown).toContain(`${V1_PHONE}:`)
    expect(shown).toContain('Internet cố định tại nhà:')
    expect(shown).not.toContain(V2_PHONE)
    expect(shown).not.toContain(NEW_LABEL)
    await closeVisit()
    expect(h.pageErrors).toEqual([])
  })

  it('a household added after the sync gets the new question, and its detail shows version 2', async () => {
    await openVillage()
    await page.getByRole('button', { name: /Thêm hộ/ }).click()
    await page.locator('[data-form-ready="true"]').waitFor()
    // The household's questions show once the visit is completed with consent.
    await answerAll(page, { visit_result: 'completed', consent: true })
    const newQuestion = questionBlock(page, NEW_QUESTION)
    await newQuestion.waitFor()
    expect(await newQuestion.textContent()).toContain(NEW_LABEL)
    expect(await questionBlock(page, 'phone').textContent()).toContain(V2_PHONE)

    // The answers go in through the main process (the form screen's own suite types them).
    await page.getByRole('button', { name: 'Về danh sách' }).click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
    const [draft] = await h.call('drafts.listOpen', {})
    if (!draft) throw new Error('the new household has no open draft')
    const started = await h.call('drafts.get', { id: draft.id })
    expect(started.formVersion).toBe(2)
    await h.call('drafts.update', {
      id: draft.id,
      response: makeHouseholdResponse({
        answers: { head_name: NEW_HEAD, village: VILLAGE?.code, [NEW_QUESTION]: true },
      }),
      cursor: null,
    })
    const saved = await h.call('drafts.finalize', { id: draft.id, confirmWarnings: true })
    expect(saved.status).toBe('saved')

    await openHousehold(NEW_HEAD)
    expect(await page.locator('main').textContent()).toContain(`${V2_PHONE}:`)
    const visit = await openLatestVisit()
    const shown = (await visit.textContent()) ?? ''
    expect(shown).toContain(`${NEW_LABEL}: Có`)
    expect(shown).toContain(`${V2_PHONE}:`)
    expect(shown).not.toContain(`${V1_PHONE}:`)
    await screenshot(page, 'form-versions-v2.png')
    await closeVisit()
    expect(h.pageErrors).toEqual([])
  })

  it('a record of a version the laptop lacks says so in Vietnamese instead of breaking', async () => {
    // As if the record named a version this laptop never received.
    const ctx = h.ctx()
    const row = await ctx.db
      .selectFrom('revisions')
      .select(['id', 'payload_json'])
      .where('id', '=', oldRevisionId)
      .executeTakeFirstOrThrow()
    const payload = openRevision(ctx.cipher, row)
    payload.formVersion = 9
    await ctx.db
      .updateTable('revisions')
      .set({ payload_json: ctx.cipher.sealJson(payload, sealedAt.revisionPayload(oldRevisionId)) })
      .where('id', '=', oldRevisionId)
      .execute()

    await openVillage()
    await page.getByRole('button', { name: OLD_HEAD }).click()
    const missing = page.getByTestId('form-version-missing')
    await missing.waitFor()
    const text = (await missing.textContent()) ?? ''
    expect(text).toContain('Máy này chưa có mẫu phiếu của hồ sơ này')
    expect(text).toContain('phiên bản 9')
    await screenshot(page, 'form-versions-missing.png')
    await page.getByRole('button', { name: 'Quay lại' }).click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
    expect(h.pageErrors).toEqual([])
  })
})
