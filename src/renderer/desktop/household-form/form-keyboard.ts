import type { Choice, Question } from '../../../shared/forms/form-definition.schema'
import type { Answer } from '../../../shared/forms/form-response.schema'
import {
  digitOf,
  hasCommandKey,
  hasModifier,
  isLetter,
  type KeyPress,
} from '../../common/keyboard/key-press'
import { multiAnswer, nextMultiSelection } from './form-state'

/**
 * The form's keyboard rules, as pure functions of a key press so they can be tested
 * without a browser. The screen turns their answers into focus moves and answers.
 */

/** Form-wide shortcuts, wherever the focus is inside the form. */
export type FormShortcut = 'finalize' | 'addMember'

export function formShortcut(press: KeyPress): FormShortcut | null {
  if (hasCommandKey(press) && press.key === 'Enter') return 'finalize'
  if (hasCommandKey(press) && !press.altKey && isLetter(press, 's')) return 'finalize'
  if ((press.altKey || hasCommandKey(press)) && isLetter(press, 'm')) return 'addMember'
  return null
}

/** What the focus was on when the key was pressed: a radio or checkbox, or a text box. */
export type KeyTarget = 'choice' | 'text'

export type QuestionKeyAction =
  | { kind: 'next' }
  | { kind: 'previous' }
  /** The question's new answer (`undefined`: no answer). */
  | { kind: 'set'; value: Answer | undefined }

/** Keys that answer yes or no: 1 / Y / C (Có) and 2 / N / K (Không). */
function yesNoKey(press: KeyPress): boolean | null {
  if (press.key === '1' || isLetter(press, 'y') || isLetter(press, 'c')) return true
  if (press.key === '2' || isLetter(press, 'n') || isLetter(press, 'k')) return false
  return null
}

/**
 * A key pressed inside a question. Enter moves on (Shift+Enter back) from any control;
 * on a choice control, 1–9 pick the n-th choice of a single choice and tick or untick the
 * n-th of a multiple choice, yes/no questions also take Y/N and C/K, and Delete clears the
 * answer. In a text box
 * every other key is typing, so it is left alone.
 */
export function questionKeyAction(
  question: Question,
  choices: readonly Choice[],
  value: Answer | undefined,
  press: KeyPress,
  target: KeyTarget,
): QuestionKeyAction | null {
  if (hasModifier(press)) return null
  if (press.key === 'Enter') return press.shiftKey ? { kind: 'previous' } : { kind: 'next' }
  if (target === 'text') return null
  // A radio cannot be unticked by itself: Delete or Backspace takes the answer back.
  if (press.key === 'Delete' || press.key === 'Backspace') return { kind: 'set', value: undefined }
  if (question.type === 'yes_no') {
    const answer = yesNoKey(press)
    return answer === null ? null : { kind: 'set', value: answer }
  }
  const digit = digitOf(press)
  const choice = digit === null ? undefined : choices[digit - 1]
  if (!choice) return null
  if (question.type === 'select_one') return { kind: 'set', value: choice.value }
  if (question.type === 'select_multiple') {
    const previous = multiAnswer(value)
    const next = previous.includes(choice.value)
      ? previous.filter((v) => v !== choice.value)
      : [...previous, choice.value]
    const kept = nextMultiSelection(choices, previous, next)
    return { kind: 'set', value: kept.length > 0 ? kept : undefined }
  }
  return null
}

/** The key hint shown next to the n-th choice (0-based index), or null past the ninth. */
export function choiceKeyHint(index: number): string | null {
  return index < 9 ? String(index + 1) : null
}
