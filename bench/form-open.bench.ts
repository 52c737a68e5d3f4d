/**
 * Opening a 20-member household form: time to interactive in Chromium, over the real
 * main-process handlers and the built renderer (the e2e harness). Prints figures; asserts
 * nothing. Needs `npx electron-vite build` first.
 *
 *   npx tsx bench/form-open.bench.ts [runs]
 *
 * - cold open: the window (re)loads with the visit open (the crash-recovery path): from
 *   navigation start to the form focused on the remembered question;
 * - resume: one click on "Tiếp tục" on the start screen until the form is focused;
 * - switch member: one click on another member in the roster until their questions are in;
 * - relevance: one key that answers a question until the question it reveals is drawn.
 */
import type { Page } from 'playwright-core'
import { startDesktopHarness } from '../tests/e2e/support/desktop-harness'
import { makeHouseholdResponse } from '../tests/support/household-fixtures'

const MEMBERS = 20
const RUNS = Number(process.argv[2] ?? 15)
const READY = '[data-form-ready="true"]'

/** Milliseconds from clicking `click` until `ready` matches, measured inside the page. */
function timeUntil(page: Page, click: string, ready: string): Promise<number> {
  return page.evaluate(
    ([clickSelector, readySelector]) =>
      new Promise<number>((resolve, reject) => {
        const target = document.querySelector<HTMLElement>(clickSelector)
        if (!target) {
          reject(new Error(`nothing matches ${clickSelector}`))
          return
        }
        const t0 = performance.now()
        const done = () => {
          if (!document.querySelector(readySelector)) return false
          observer.disconnect()
          resolve(performance.now() - t0)
          return true
        }
        const observer = new MutationObserver(() => done())
        observer.observe(document.body, { subtree: true, childList: true, attributes: true })
        target.click()
        done()
      }),
    [click, ready] as const,
  )
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  const f = (n: number) => n.toFixed(1).padStart(7)
  return `${name.padEnd(34)} median ${f(at(0.5))} ms   p99 ${f(at(0.99))} ms   min ${f(sorted[0] ?? NaN)} ms   (n=${samples.length})`
}

async function main(): Promise<void> {
  const h = await startDesktopHarness({ viewport: { width: 1366, height: 768 } })
  try {
    const lan = await h.call('team.add', { name: 'Hoàng Thị Lan' })
    await h.call('team.setCurrent', { id: lan.id })
    const draft = await h.call('drafts.start', { villageCode: '00700-01' })
    const response = makeHouseholdResponse({
      members: Array.from({ length: MEMBERS }, (_, i) => ({
        full_name: `Thành viên số ${i + 1}`,
        relation: i === 0 ? 'head' : 'child',
        birth_year: 1950 + i * 3,
      })),
    })
    const rows = response.repeats.members ?? []
    const last = rows.at(-1)
    if (!last) throw new Error('no members')
    await h.call('drafts.update', {
      id: draft.id,
      response,
      cursor: { sectionId: 'members', rowId: last.id, questionId: 'm_vneid' },
    })
    const { page } = h
    // tsx keeps function names with a helper the page does not have; give it one.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })

    const cold: number[] = []
    await page.goto(`${h.renderer.url}/`)
    await page.evaluate((id) => localStorage.setItem('langso.openDraft', id), draft.id)
    for (let i = 0; i < RUNS; i += 1) {
      await page.reload()
      await page.locator(READY).waitFor()
      cold.push(await page.evaluate(() => performance.now()))
    }

    const resume: number[] = []
    for (let i = 0; i < RUNS; i += 1) {
      await page.getByRole('button', { name: 'Về màn hình đầu' }).click()
      await page.getByTestId('open-drafts').waitFor()
      resume.push(await timeUntil(page, '[data-testid="open-drafts"] button', READY))
    }

    const switching: number[] = []
    for (let i = 0; i < RUNS; i += 1) {
      const index = i % (MEMBERS - 1)
      switching.push(
        await timeUntil(
          page,
          `[data-member-item="${index}"]`,
          `[data-member-row="${index}"] [data-question="m_skills"]`,
        ),
      )
    }

    // m_phone "basic" reveals "why no smartphone"; "smartphone" hides it again.
    const relevance: number[] = []
    const block = '[data-member-row="0"] [data-question="m_phone"]'
    await page.locator('[data-member-item="0"]').click()
    await page.locator(block).waitFor()
    for (let i = 0; i < RUNS; i += 1) {
      relevance.push(
        await timeUntil(
          page,
          `${block} input[value="basic"]`,
          '[data-member-row="0"] [data-question="m_no_smartphone_reason"]',
        ),
      )
      await page.locator(`${block} input[value="smartphone"]`).check()
    }

    console.log(
      `Form open, ${MEMBERS}-member household, Chromium ${h.browser.browser()?.version() ?? ''} at 1366×768`,
    )
    console.log(summary('cold open (load → focused)', cold))
    console.log(summary('resume from start screen', resume))
    console.log(summary('switch member', switching))
    console.log(summary('answer → dependent question drawn', relevance))
    if (h.pageErrors.length > 0) console.log('page errors:', h.pageErrors)
  } finally {
    await h.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
