import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadServerConfig } from '../../src/server/config/server-config'
import { loadOrCreateProvinceKeys } from '../../src/server/keys/province-keys'
import { seedProvince } from '../../src/server/seed/seed-province.service'
import { openServerDatabase } from '../../src/server/store/server-database'
import type { IndicatorScope } from '../../src/shared/api/http.contract'
import { ManualClock } from '../../src/shared/clock/clock'
import { type ApiSession, createCommuneViewer, signInApi } from './support/console-batches'
import { type ConsoleHarness, SHOTS, startConsoleHarness } from './support/console-browser'
import { completeFirstRunSetup, signInPage } from './support/console-session'

/**
 * The indicator dashboard in real Chromium at 1366×768, against a real server whose store
 * the seed generator filled through the real ingest (six communes of Tuyên Quang, six months
 * of visits): the province's tiles against the 2025 targets, communes compared, the trend,
 * the help the teams gave; a drill to a commune and one of its villages; a commune viewer
 * who sees only their commune.
 */

const VIEWER = {
  username: 'xem.xa',
  password: 'mat-khau-can-bo-xa-2025',
  displayName: 'Lò Thị Thu',
}

async function getJson<T>(baseUrl: string, session: ApiSession, urlPath: string): Promise<T> {
  const res = await fetch(`${baseUrl}${urlPath}`, { headers: { cookie: session.cookie } })
  const body = (await res.json()) as { ok: boolean; data?: T }
  if (!body.ok || body.data === undefined) throw new Error(`GET ${urlPath}: ${res.status}`)
  return body.data
}

/** The share as the console writes it in Vietnamese: `72%`. */
const percent = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 }).format(value)

describe('indicator dashboard in Chromium', () => {
  let h: ConsoleHarness
  let page: Page
  let admin: ApiSession
  let province: IndicatorScope

  beforeAll(async () => {
    h = await startConsoleHarness()
    page = h.page
    await completeFirstRunSetup(h.server)
    // The generator writes through the real ingest into the server's own store.
    const config = loadServerConfig({ PORT: '0', LANGSO_DATA_DIR: path.join(h.tmp, 'server') })
    const store = await openServerDatabase(config)
    try {
      const clock = new ManualClock(Date.parse('2026-01-05T02:00:00Z'))
      const provinceKeys = await loadOrCreateProvinceKeys(config.dataDir, clock)
      await seedProvince(
        { db: store.db, dialect: store.dialect, clock, provinceKeys },
        { households: 3000, communes: 6, seed: 'bang-chi-so' },
      )
    } finally {
      await store.close()
    }
    admin = await signInApi(h.server.url)
    province = await getJson(h.server.url, admin, '/api/v1/indicators/province')
  }, 240_000)
  afterAll(async () => {
    await h?.close()
  })

  const heading = (name: string | RegExp) => page.getByRole('heading', { name }).first()
  const tileValue = (id: string) => page.getByTestId(`tile-${id}-value`)
  const noSideScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

  it('shows the province against the 2025 targets, communes compared and the trend', async () => {
    await signInPage(page, h.server.url, undefined, '/indicators')
    await heading('Chỉ số chuyển đổi số — Tỉnh Tuyên Quang').waitFor()
    await page.getByRole('navigation').getByRole('link', { name: 'Chỉ số', exact: true }).waitFor()
    const smartphone = province.totals.indicators.find((i) => i.id === 'smartphone_adults')
    expect(await tileValue('smartphone_adults').textContent()).toBe(percent(smartphone?.value))
    const tile = (await page.getByTestId('tile-smartphone_adults').textContent()) ?? ''
    expect(tile).toContain('Mục tiêu 80%')
    expect(province.places).toHaveLength(6)
    // One bar per commune, the target drawn across.
    const bars = page.getByTestId('place-bars')
    await bars.locator('.recharts-bar-rectangle').first().waitFor()
    expect(await bars.locator('.recharts-bar-rectangle').count()).toBe(6)
    expect(await bars.textContent()).toContain('Mục tiêu 80%')
    expect(await page.getByTestId('indicator-trend').locator('.recharts-line-dot').count()).toBe(6)
    expect(await noSideScroll()).toBe(true)
    expect(h.pageErrors).toEqual([])
    await h.shot('console-indicators-province.png')
  }, 60_000)

  it('switches the bars and the trend to another indicator from its tile', async () => {
    await page.getByTestId('tile-fibre_households').click()
    await heading('So sánh các xã: Hộ có cáp quang').waitFor()
    await heading('Diễn biến theo tháng: Hộ có cáp quang').waitFor()
    expect(await page.getByTestId('tile-fibre_households').getAttribute('aria-pressed')).toBe(
      'true',
    )
  }, 30_000)

  it('shows the help the teams gave by kind, month, team and member, for a period', async () => {
    const section = page.getByTestId('support-section')
    await section
      .getByTestId('support-by-member')
      .locator('.recharts-bar-rectangle')
      .first()
      .waitFor()
    const help = await getJson<{ totals: { help: number } }>(
      h.server.url,
      admin,
      '/api/v1/indicators/support',
    )
    expect(help.totals.help).toBeGreaterThan(0)
    expect(await section.getByTestId('support-totals').textContent()).toContain(
      new Intl.NumberFormat('vi-VN').format(help.totals.help),
    )
    expect(await section.textContent()).toContain('Cài VNeID')
    // The section alone, from the page as a whole (scrolled to the top, so the fixed header
    // stays where it belongs).
    await page.mouse.move(0, 0)
    await page.evaluate(() => window.scrollTo(0, 0))
    const box = await section.boundingBox()
    if (!box) throw new Error('the support section is on the page')
    await page.screenshot({
      path: path.join(SHOTS, 'console-indicators-support.png'),
      fullPage: true,
      clip: box,
    })

    // A period: November only.
    await section.getByLabel('Từ tháng').click()
    await page.getByRole('option', { name: '11/2025', exact: true }).click()
    await section.getByLabel('Đến tháng').click()
    await page.getByRole('option', { name: '11/2025', exact: true }).click()
    const november = await getJson<{ totals: { help: number } }>(
      h.server.url,
      admin,
      '/api/v1/indicators/support?from=2025-11&to=2025-11',
    )
    await section
      .getByTestId('support-totals')
      .getByText(`${new Intl.NumberFormat('vi-VN').format(november.totals.help)} lượt hỗ trợ`)
      .waitFor()
    expect(november.totals.help).toBeLessThan(help.totals.help)
  }, 60_000)

  it('drills from the province to a commune and one of its villages', async () => {
    const best = [...province.places].sort(
      (a, b) =>
        (b.indicators.find((i) => i.id === 'fibre_households')?.value ?? 0) -
        (a.indicators.find((i) => i.id === 'fibre_households')?.value ?? 0),
    )[0]
    if (!best) throw new Error('the province has communes')
    // Bars are ordered best first: the first is the commune with the most fibre.
    await page.getByTestId('place-bars').locator('.recharts-bar-rectangle').first().click()
    await heading(`Chỉ số chuyển đổi số — ${best.name}`).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/indicators/${best.code}`)
    await heading(/^So sánh các thôn/).waitFor()
    await page.getByTestId('place-bars').locator('.recharts-bar-rectangle').first().waitFor()
    expect(await noSideScroll()).toBe(true)
    // The pointer off the charts, so that no tooltip covers them.
    await page.mouse.move(0, 0)
    await h.shot('console-indicators-commune.png')

    await page.getByTestId('place-bars').locator('.recharts-bar-rectangle').first().click()
    await page.waitForURL(new RegExp(`/indicators/${best.code}/`))
    const village = await getJson<IndicatorScope>(
      h.server.url,
      admin,
      `/api/v1/indicators/villages/${decodeURIComponent(new URL(page.url()).pathname.split('/')[3] ?? '')}`,
    )
    await heading(`Chỉ số chuyển đổi số — ${village.village?.name}`).waitFor()
    const coverage = village.totals.indicators.find((i) => i.id === 'coverage')
    expect(await tileValue('coverage').textContent()).toBe(percent(coverage?.value))
    await page.getByTestId('indicator-trend').locator('.recharts-line-dot').first().waitFor()
    await page.mouse.move(0, 0)
    await h.shot('console-indicators-village.png')
    // Back up through the breadcrumbs.
    await page.getByRole('link', { name: best.name, exact: true }).click()
    await heading(`Chỉ số chuyển đổi số — ${best.name}`).waitFor()
    await page.getByRole('link', { name: 'Tỉnh Tuyên Quang', exact: true }).click()
    await heading('Chỉ số chuyển đổi số — Tỉnh Tuyên Quang').waitFor()
    expect(h.pageErrors).toEqual([])
  }, 60_000)

  it('speaks English on demand', async () => {
    await page.getByText('EN', { exact: true }).click()
    await heading('Digital transformation indicators — Tuyên Quang province').waitFor()
    await heading('Communes compared: Own a smartphone').waitFor()
    expect(await page.getByTestId('tile-smartphone_adults').textContent()).toContain('Target 80%')
    await page.getByText('VI', { exact: true }).click()
    await heading('Chỉ số chuyển đổi số — Tỉnh Tuyên Quang').waitFor()
  }, 30_000)

  it('shows a commune viewer their own commune only', async () => {
    const own = province.places[1]
    if (!own) throw new Error('the province has communes')
    await createCommuneViewer(h.server.url, admin, { ...VIEWER, communeCode: own.code })
    const viewer = await h.browser.newPage()
    try {
      await signInPage(viewer, h.server.url, VIEWER, '/indicators')
      await viewer.getByRole('heading', { name: `Chỉ số chuyển đổi số — ${own.name}` }).waitFor()
      // The province is named but not a link; their villages are compared.
      expect(
        await viewer.getByRole('link', { name: 'Tỉnh Tuyên Quang', exact: true }).count(),
      ).toBe(0)
      await viewer.getByTestId('place-bars').locator('.recharts-bar-rectangle').first().waitFor()
      await h.shot('console-indicators-viewer.png', viewer)
      // Another commune's page says why, with nothing to try again.
      const other = province.places[0]
      await viewer.goto(`${h.server.url}/indicators/${other?.code}`)
      await viewer.getByText('không được xem xã này').first().waitFor()
      expect(await viewer.getByRole('button', { name: 'Thử lại' }).count()).toBe(0)
    } finally {
      await viewer.close()
    }
  }, 60_000)
})
