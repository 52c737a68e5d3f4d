import { describe, expect, it } from 'vitest'
import {
  choiceKeyHint,
  formShortcut,
  questionKeyAction,
} from '../../../../src/renderer/desktop/household-form/form-keyboard'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import {
  flattenQuestions,
  type Question,
} from '../../../../src/shared/forms/form-definition.schema'

const questions = new Map(
  defaultHouseholdForm.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
)
const q = (id: string): Question => {
  const found = questions.get(id)
  if (!found) throw new Error(`no question ${id}`)
  return found
}
const press = (
  key: string,
  mods: Partial<{ ctrl: boolean; alt: boolean; meta: boolean; shift: boolean; code: string }> = {},
) => ({
  key,
  code: mods.code ?? (/^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key),
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
})

describe('questionKeyAction', () => {
  it('moves on with Enter and back with Shift+Enter, from any control', () => {
    expect(questionKeyAction(q('head_name'), [], undefined, press('Enter'), 'text')).toEqual({
      kind: 'next',
    })
    expect(
      questionKeyAction(
        q('visit_result'),
        [],
        undefined,
        press('Enter', { shift: true }),
        'choice',
      ),
    ).toEqual({
      kind: 'previous',
    })
  })

  it('leaves digits and letters to the typing in a text box', () => {
    expect(questionKeyAction(q('birth_year'), [], undefined, press('1'), 'text')).toBeNull()
    expect(questionKeyAction(q('consent'), [], undefined, press('c'), 'text')).toBeNull()
  })

  it('picks the n-th choice of a single choice with the number keys', () => {
    const visitResult = q('visit_result')
    const choices = visitResult.choices ?? []
    expect(questionKeyAction(visitResult, choices, undefined, press('2'), 'choice')).toEqual({
      kind: 'set',
      value: 'absent',
    })
    // Past the last choice, the key does nothing.
    expect(questionKeyAction(visitResult, choices, undefined, press('9'), 'choice')).toBeNull()
    expect(questionKeyAction(visitResult, choices, undefined, press('0'), 'choice')).toBeNull()
  })

  it('answers yes/no with 1/2, Y/N and the Vietnamese C/K', () => {
    const consent = q('consent')
    for (const key of ['1', 'y', 'Y', 'c', 'C']) {
      expect(questionKeyAction(consent, [], undefined, press(key), 'choice')).toEqual({
        kind: 'set',
        value: true,
      })
    }
    for (const key of ['2', 'n', 'k', 'K']) {
      expect(questionKeyAction(consent, [], true, press(key), 'choice')).toEqual({
        kind: 'set',
        value: false,
      })
    }
    expect(questionKeyAction(consent, [], undefined, press('x'), 'choice')).toBeNull()
  })

  it('ticks and unticks the n-th choice of a multiple choice, keeping "none" exclusive', () => {
    const accounts = q('m_payment_accounts')
    const choices = accounts.choices ?? []
    expect(questionKeyAction(accounts, choices, undefined, press('1'), 'choice')).toEqual({
      kind: 'set',
      value: ['bank'],
    })
    expect(questionKeyAction(accounts, choices, ['bank'], press('2'), 'choice')).toEqual({
      kind: 'set',
      value: ['bank', 'ewallet'],
    })
    // Unticking the last one leaves no answer at all.
    expect(questionKeyAction(accounts, choices, ['bank'], press('1'), 'choice')).toEqual({
      kind: 'set',
      value: undefined,
    })
    // "Không có" (4th) clears the others; another choice then clears "Không có".
    expect(questionKeyAction(accounts, choices, ['bank', 'ewallet'], press('4'), 'choice')).toEqual(
      {
        kind: 'set',
        value: ['none'],
      },
    )
    expect(questionKeyAction(accounts, choices, ['none'], press('1'), 'choice')).toEqual({
      kind: 'set',
      value: ['bank'],
    })
  })

  it('takes a choice answer back with Delete or Backspace, but leaves text boxes alone', () => {
    const consent = q('consent')
    expect(questionKeyAction(consent, [], true, press('Delete'), 'choice')).toEqual({
      kind: 'set',
      value: undefined,
    })
    expect(questionKeyAction(q('m_skills'), [], ['search'], press('Backspace'), 'choice')).toEqual({
      kind: 'set',
      value: undefined,
    })
    expect(questionKeyAction(q('head_name'), [], 'An', press('Backspace'), 'text')).toBeNull()
  })

  it('ignores keys held with Ctrl, Alt or Cmd (those are shortcuts)', () => {
    const visitResult = q('visit_result')
    expect(
      questionKeyAction(
        visitResult,
        visitResult.choices ?? [],
        undefined,
        press('1', { alt: true }),
        'choice',
      ),
    ).toBeNull()
    expect(
      questionKeyAction(visitResult, [], undefined, press('Enter', { ctrl: true }), 'choice'),
    ).toBeNull()
  })
})

describe('formShortcut', () => {
  it('finalises with Ctrl+Enter, Ctrl+S and Cmd+Enter', () => {
    expect(formShortcut(press('Enter', { ctrl: true }))).toBe('finalize')
    expect(formShortcut(press('s', { ctrl: true }))).toBe('finalize')
    expect(formShortcut(press('Enter', { meta: true }))).toBe('finalize')
  })

  it('adds a member with Alt+M or Ctrl+M, whatever character the layout types', () => {
    expect(formShortcut(press('m', { alt: true }))).toBe('addMember')
    expect(formShortcut(press('µ', { alt: true, code: 'KeyM' }))).toBe('addMember')
    expect(formShortcut(press('m', { ctrl: true }))).toBe('addMember')
  })

  it('leaves plain keys alone', () => {
    expect(formShortcut(press('Enter'))).toBeNull()
    expect(formShortcut(press('m'))).toBeNull()
    expect(formShortcut(press('s'))).toBeNull()
  })
})

describe('choiceKeyHint', () => {
  it('numbers the first nine choices from 1', () => {
    expect(choiceKeyHint(0)).toBe('1')
    expect(choiceKeyHint(8)).toBe('9')
    expect(choiceKeyHint(9)).toBeNull()
  })
})
