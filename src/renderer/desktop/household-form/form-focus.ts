import type { DraftCursor } from '../../../shared/api/ipc.contract'
import type { KeyTarget } from './form-keyboard'

/**
 * Focus on the form page. Every question block carries `data-question` (its id),
 * `data-section` and, inside a member, `data-row-id`; these helpers read and move focus
 * by them, so the keyboard rules stay independent of how each control is drawn.
 */

const QUESTION = '[data-question]'

/** The question blocks on the page, in document (reading) order. */
export function questionBlocks(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(QUESTION)]
}

/** The block of the question an element belongs to. */
export function blockOf(element: Element | null): HTMLElement | null {
  return element?.closest<HTMLElement>(QUESTION) ?? null
}

/** Where an element sits on the form, as the draft's cursor; null outside any question. */
export function cursorOf(element: Element | null): DraftCursor | null {
  const block = blockOf(element)
  const questionId = block?.dataset.question
  const sectionId = block?.dataset.section
  if (!block || !questionId || !sectionId) return null
  const rowId = block.dataset.rowId
  return rowId ? { sectionId, rowId, questionId } : { sectionId, questionId }
}

/** The control of a block that takes the focus: the ticked radio, the tab stop, the box. */
function focusTarget(block: HTMLElement): HTMLElement | null {
  const selectors = [
    'input[type="radio"]:checked',
    'input[type="checkbox"][tabindex="0"]',
    'input:not([type="hidden"]):not([disabled]):not([tabindex="-1"])',
    'textarea:not([disabled])',
    'button:not([disabled])',
  ]
  for (const selector of selectors) {
    const found = block.querySelector<HTMLElement>(selector)
    if (found) return found
  }
  return null
}

/**
 * Focuses a question and brings it into view (`center` when jumping from far away, as on
 * reopening a draft; `nearest` while moving question by question).
 */
export function focusBlock(block: HTMLElement, scroll: 'center' | 'nearest' = 'nearest'): boolean {
  const target = focusTarget(block)
  if (!target) return false
  target.focus({ preventScroll: true })
  block.scrollIntoView({ block: scroll })
  return true
}

/** The block `step` places after (or before) `from`; null past either end. */
export function siblingBlock(
  root: ParentNode,
  from: HTMLElement,
  step: 1 | -1,
): HTMLElement | null {
  const blocks = questionBlocks(root)
  const index = blocks.indexOf(from)
  if (index < 0) return null
  return blocks[index + step] ?? null
}

/** Radios and checkboxes answer to choice keys; everything else is typed into. */
export function keyTargetOf(element: EventTarget | null): KeyTarget {
  if (element instanceof HTMLInputElement) {
    return element.type === 'radio' || element.type === 'checkbox' ? 'choice' : 'text'
  }
  return 'text'
}
