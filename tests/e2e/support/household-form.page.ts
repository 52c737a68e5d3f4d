import type { Locator, Page } from 'playwright-core'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { flattenQuestions, type Question } from '../../../src/shared/forms/form-definition.schema'
import type { Answer, Answers } from '../../../src/shared/forms/form-response.schema'

/** Choices up to this count are radios on the form screen, more are a drop-down list. */
const MAX_RADIO_CHOICES = 6

const questions = new Map(
  defaultHouseholdForm.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
)

function question(id: string): Question {
  const q = questions.get(id)
  if (!q) throw new Error(`the default form has no question "${id}"`)
  return q
}

function choiceText(q: Question, value: string): string {
  const choice = q.choices?.find((c) => c.value === value)
  if (!choice) throw new Error(`question "${q.id}" has no choice "${value}"`)
  return choice.label.vi
}

function pageOf(scope: Page | Locator): Page {
  return 'goto' in scope ? scope : scope.page()
}

/** The block of one question, on the household level (scope = page) or inside a member. */
export function questionBlock(scope: Page | Locator, id: string): Locator {
  return scope.locator(`[data-question="${id}"]`)
}

/** The open member's questions, when the member at `index` (0-based) is the one open. */
export function memberRow(page: Page, index: number): Locator {
  return page.locator(`[data-member-row="${index}"]`)
}

/**
 * Answers one question the way a person would (typing, clicking the Vietnamese choice
 * label), whatever control the form screen drew for its type.
 */
export async function answer(scope: Page | Locator, id: string, value: Answer): Promise<void> {
  const q = question(id)
  const block = questionBlock(scope, id)
  switch (q.type) {
    case 'text':
    case 'phone':
    case 'citizen_id':
    case 'integer':
      await block.getByRole('textbox').fill(String(value))
      return
    case 'date':
      await block.getByRole('textbox').fill(String(value).split('-').reverse().join('/'))
      return
    case 'yes_no':
      await block.getByRole('radio', { name: value ? 'Có' : 'Không', exact: true }).check()
      return
    case 'select_one': {
      const label = choiceText(q, String(value))
      if ((q.choices?.length ?? 0) <= MAX_RADIO_CHOICES) {
        await block.getByRole('radio', { name: label, exact: true }).check()
        return
      }
      await block.getByRole('textbox').click()
      await pageOf(scope).getByRole('option', { name: label, exact: true }).click()
      return
    }
    case 'select_multiple':
      for (const v of Array.isArray(value) ? value : []) {
        await block.getByRole('checkbox', { name: choiceText(q, v), exact: true }).check()
      }
      return
  }
}

/** Answers several questions in order (order matters: answers make later questions appear). */
export async function answerAll(scope: Page | Locator, answers: Answers): Promise<void> {
  for (const [id, value] of Object.entries(answers)) {
    if (value !== null) await answer(scope, id, value)
  }
}

/** The question (and member row) the keyboard focus is in, read from the page. */
export async function focusedQuestion(
  page: Page,
): Promise<{ questionId: string | null; rowId: string | null }> {
  return page.evaluate(() => {
    const block = document.activeElement?.closest<HTMLElement>('[data-question]')
    return { questionId: block?.dataset.question ?? null, rowId: block?.dataset.rowId ?? null }
  })
}

/** Waits until the keyboard focus is in question `id`; fails with where it is instead. */
export async function waitForFocusIn(page: Page, id: string): Promise<void> {
  const deadline = Date.now() + 5_000
  let last: string | null = null
  while (Date.now() < deadline) {
    last = (await focusedQuestion(page)).questionId
    if (last === id) return
    await page.waitForTimeout(20)
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? '')
  throw new Error(`focus should be in "${id}" but is in "${last}" (${active})`)
}

/** One question answered from the keyboard: text typed or keys pressed, then Enter. */
export type KeyStep = [questionId: string, input: { type: string } | { press: string[] } | null]

/** Answers questions in order with the keyboard only, checking the focus lands on each. */
export async function answerByKeyboard(page: Page, steps: readonly KeyStep[]): Promise<void> {
  for (const [id, input] of steps) {
    await waitForFocusIn(page, id)
    if (input && 'type' in input) await page.keyboard.type(input.type)
    if (input && 'press' in input) for (const key of input.press) await page.keyboard.press(key)
    await page.keyboard.press('Enter')
  }
}

/** Opens the member at `index` (0-based) from the roster list. */
export async function openMember(page: Page, index: number): Promise<Locator> {
  await page.locator(`[data-member-item="${index}"]`).click()
  const row = memberRow(page, index)
  await row.waitFor()
  return row
}

/** The text of the element that has the keyboard focus. */
export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
}
