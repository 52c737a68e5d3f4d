import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRevision, sealedAt } from '../../src/main/store/sealed-columns'
import { PULL_PATH, SEALED_BATCH_PATH } from '../../src/main/sync/sync.client'
import { PILOT_COMMUNE } from '../../src/shared/places/pilot-places'
import { enrolWithServer } from '../main/device/device-test-kit'
import { startTestServer, type TestServer } from '../main/sync/sync-test-servers'
import { recordVisit } from '../main/visit-test-helpers'
import { makeHouseholdResponse } from '../support/household-fixtures'
import { type DesktopHarness, startDesktopHarness } from './support/desktop-harness'
import { screenshot } from './support/sync-flow.steps'

/**
 * The commune office's sync screen in real Chromium: the built renderer, `window.api`
 * bridged to the real main-process handlers on a real SQLite file, enrolled with the real
 * provincial server on 127.0.0.1. Households wait in two villages (one of them with a
 * record the server will refuse); the screen shows them per village, "Đồng bộ" sends
 * them, and the screen then shows the result, the last sync time and the rejected record.
 */

const [KHUOI_MY, TA_LUNG] = PILOT_COMMUNE.villages
const BROKEN_HEAD = 'Hà Văn Tư'

describe('sync screen: what waits per village, Đồng bộ, the result and the rejected records', () => {
  let h: DesktopHarness
  let server: TestServer
  let page: Page

  /** Removes a required answer from a saved revision, as a buggy older form version would. */
  async function breakRevision(revisionId: string): Promise<void> {
    const ctx = h.ctx()
    const row = await ctx.db
      .selectFrom('revisions')
      .select(['id', 'payload_json'])
      .where('id', '=', revisionId)
      .executeTakeFirstOrThrow()
    const payload = openRevision(ctx.cipher, row)
    delete payload.response.answers.head_name
    await ctx.db
      .updateTable('revisions')
      .set({ payload_json: ctx.cipher.sealJson(payload, sealedAt.revisionPayload(revisionId)) })
      .where('id', '=', revisionId)
      .execute()
  }

  const villageRow = (code: string) =>
    page.locator(`[data-testid=sync-villages] tr[data-village="${code}"]`)
  const cell = (code: string, column: string) =>
    villageRow(code).locator(`td[data-column=${column}]`)

  beforeAll(async () => {
    if (!KHUOI_MY || !TA_LUNG) throw new Error('the pilot commune has no villages')
    server = await startTestServer()
    h = await startDesktopHarness({ enrolled: false, startMs: Date.now() })
    page = h.page
    await enrolWithServer(h.ctx(), server)
    const save = (villageCode: string, headName: string) =>
      recordVisit(
        h.ctx(),
        makeHouseholdResponse({ answers: { head_name: headName, village: villageCode } }),
        { villageCode },
      )
    for (const name of ['Lò Văn Pấu', 'Hoàng Thị Mỷ', 'Nông Văn Sình']) {
      await save(KHUOI_MY.code, name)
    }
    await save(TA_LUNG.code, 'Lý Thị Dua')
    const broken = await save(TA_LUNG.code, BROKEN_HEAD)
    await breakRevision(broken.revisionId)
    await page.goto(`${h.renderer.url}/`)
  }, 60_000)

  afterAll(async () => {
    await h?.close()
    await server?.stop()
  })

  it('opens from the pending badge and shows the server, the commune and what waits per village', async () => {
    await page.getByTestId('pending-count').click()
    await page.getByTestId('sync-screen').waitFor()

    await expect.poll(() => cell(KHUOI_MY?.code ?? '', 'pending').textContent()).toBe('3')
    expect(await cell(TA_LUNG?.code ?? '', 'pending').textContent()).toBe('2')
    expect(await cell(TA_LUNG?.code ?? '', 'rejected').textContent()).toBe('0')
    expect(await page.locator('[data-total=pending]').textContent()).toBe('5')
    const serverCard = (await page.getByTestId('sync-server').textContent()) ?? ''
    expect(serverCard).toContain(server.url)
    expect(serverCard).toContain(PILOT_COMMUNE.name)
    expect(await page.getByTestId('sync-last-run').textContent()).toContain(
      'Máy này chưa đồng bộ lần nào.',
    )
    expect(await page.getByText('Không có hồ sơ nào bị từ chối.').count()).toBe(1)
  })

  it('sends with Đồng bộ and shows the result, the last sync time and the rejected record', async () => {
    await page.getByTestId('sync-screen-run').click()

    const result = page.getByTestId('sync-result')
    await result.waitFor()
    expect(await result.textContent()).toContain(
      'Đã gửi 5 hồ sơ: 4 được nhận, 0 máy chủ đã có, 1 bị từ chối.',
    )
    const lastRun = page.getByTestId('sync-last-run')
    await expect.poll(() => lastRun.textContent()).toContain('Xong, có hồ sơ bị từ chối')
    expect(await lastRun.textContent()).toContain('Đã gửi 5 hồ sơ (1 lô)')
    expect(await page.getByTestId('sync-last-time').textContent()).toMatch(
      /^Lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    )
    await expect.poll(() => cell(KHUOI_MY?.code ?? '', 'pending').textContent()).toBe('0')
    expect(await cell(TA_LUNG?.code ?? '', 'rejected').textContent()).toBe('1')
    // Nothing left to send, but the header does not say "all sent" over a refused record.
    await expect
      .poll(() => page.getByTestId('pending-count').textContent())
      .toBe('1 phiếu bị từ chối')
    const rejected = page.getByTestId('sync-rejected')
    expect(await rejected.textContent()).toContain(BROKEN_HEAD)
    expect(await rejected.textContent()).toContain(TA_LUNG?.name)
    expect(await rejected.textContent()).toContain('Phiếu thiếu hoặc sai thông tin bắt buộc')

    // The office's screen fits a 1366×768 laptop: no sideways scrolling.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, 'sync-screen.png')
  })

  it('keeps the last sync after a restart, and leads to the village and the rejected household', async () => {
    await h.restartMain()
    await page.reload()
    await page.getByRole('button', { name: 'Cài đặt' }).click()
    await page.getByRole('menuitem', { name: 'Đồng bộ dữ liệu…' }).click()
    await expect
      .poll(() => page.getByTestId('sync-last-run').textContent())
      .toContain('Xong, có hồ sơ bị từ chối')

    await page.getByTestId('sync-rejected').getByRole('button', { name: BROKEN_HEAD }).click()
    await page.getByRole('heading', { name: BROKEN_HEAD }).first().waitFor()

    await page.getByRole('button', { name: 'Cài đặt' }).click()
    await page.getByRole('menuitem', { name: 'Đồng bộ dữ liệu…' }).click()
    await villageRow(KHUOI_MY?.code ?? '')
      .getByRole('button', { name: KHUOI_MY?.name })
      .click()
    await page.getByRole('searchbox', { name: 'Tìm hộ' }).waitFor()
    expect(h.pageErrors).toEqual([])
  })
  it('shows the real progress: the batch and records sent, then the pull', async () => {
    await recordVisit(
      h.ctx(),
      makeHouseholdResponse({ answers: { head_name: 'Triệu Văn Khìn', village: KHUOI_MY?.code } }),
      { villageCode: KHUOI_MY?.code ?? '' },
    )
    // The main process binds the network when it starts: hold its uploads and pulls so the
    // screen is seen mid-run, then let each one go.
    const held: (() => void)[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = async (input, init) => {
      const url = String(input)
      if (url.includes(SEALED_BATCH_PATH) || url.includes(PULL_PATH)) {
        await new Promise<void>((resolve) => held.push(resolve))
      }
      return realFetch(input, init)
    }
    try {
      await h.restartMain()
    } finally {
      globalThis.fetch = realFetch
    }
    await page.reload()
    await page.getByRole('button', { name: 'Cài đặt' }).click()
    await page.getByRole('menuitem', { name: 'Đồng bộ dữ liệu…' }).click()
    await expect.poll(() => cell(KHUOI_MY?.code ?? '', 'pending').textContent()).toBe('1')

    await page.getByTestId('sync-screen-run').click()

    const progress = page.getByTestId('sync-progress')
    await expect.poll(() => progress.textContent()).toBe('Đang gửi lô 1/1 — đã gửi 0/1 hồ sơ')
    await screenshot(page, 'sync-screen-progress.png')
    held.shift()?.()
    await expect.poll(() => progress.textContent()).toBe('Đang nhận thay đổi từ máy chủ…')
    // The pull may ask more than once: let every request through from now on.
    const release = setInterval(() => held.shift()?.(), 20)
    try {
      await page.getByTestId('sync-result').waitFor()
    } finally {
      clearInterval(release)
    }
    expect(await page.getByTestId('sync-result').textContent()).toContain('Đã gửi 1 hồ sơ')
    expect(h.pageErrors).toEqual([])
  })
})
