import { describe, expect, it } from 'vitest'
import {
  addRow,
  insertRow,
  integerAnswer,
  moveRow,
  newResponse,
  nextMultiSelection,
  removeRow,
  setAnswer,
  textAnswer,
  villageAnswer,
} from '../../../../src/renderer/desktop/household-form/form-state'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import { flattenQuestions } from '../../../../src/shared/forms/form-definition.schema'
import { computeRelevance } from '../../../../src/shared/forms/relevance'
import { sequentialIds } from '../../../../src/shared/ids/uuid'

const form = defaultHouseholdForm
const ids = sequentialIds()
const paymentChoices =
  flattenQuestions(form.sections.flatMap((s) => s.items)).find((q) => q.id === 'm_payment_accounts')
    ?.choices ?? []

describe('newResponse', () => {
  it('starts with the village chosen and an empty roster', () => {
    const response = newResponse(form, '00700-03')
    expect(response.answers).toEqual({ village: '00700-03' })
    expect(response.repeats).toEqual({ members: [] })
    expect(villageAnswer(form, response)).toBe('00700-03')
  })
})

describe('setAnswer', () => {
  it('sets and removes a household answer without touching the original', () => {
    const start = newResponse(form, '00700-01')
    const named = setAnswer(start, 'head_name', 'Nguyễn Văn A')
    expect(named.answers.head_name).toBe('Nguyễn Văn A')
    expect(start.answers.head_name).toBeUndefined()
    expect('head_name' in setAnswer(named, 'head_name', undefined).answers).toBe(false)
  })

  it('sets an answer in one member only', () => {
    const [a, b] = [ids(), ids()]
    let response = addRow(addRow(newResponse(form, '00700-01'), 'members', a), 'members', b)
    response = setAnswer(response, 'full_name', 'Lò Thị Mai', { repeat: 'members', rowId: b })
    expect(response.repeats.members?.map((row) => row.answers)).toEqual([
      {},
      { full_name: 'Lò Thị Mai' },
    ])
  })
})

describe('rows', () => {
  it('adds members at the end and removes one by id, keeping the others in order', () => {
    const [a, b, c] = [ids(), ids(), ids()]
    let response = newResponse(form, '00700-01')
    for (const id of [a, b, c]) response = addRow(response, 'members', id)
    expect(removeRow(response, 'members', b).repeats.members?.map((row) => row.id)).toEqual([a, c])
  })
})

describe('relevance while typing', () => {
  it('asks the members only once the visit is completed with consent', () => {
    let response = newResponse(form, '00700-01')
    const ctx = { visitDate: '2025-11-24' }
    expect(computeRelevance(form, response, ctx).isRelevant('members')).toBe(false)
    response = setAnswer(setAnswer(response, 'visit_result', 'completed'), 'consent', true)
    expect(computeRelevance(form, response, ctx).isRelevant('members')).toBe(true)
  })
})

describe('nextMultiSelection', () => {
  it('clears the other choices when "none" is ticked', () => {
    expect(
      nextMultiSelection(paymentChoices, ['bank', 'ewallet'], ['bank', 'ewallet', 'none']),
    ).toEqual(['none'])
  })

  it('clears "none" when another choice is ticked', () => {
    expect(nextMultiSelection(paymentChoices, ['none'], ['none', 'bank'])).toEqual(['bank'])
  })

  it('keeps ordinary ticking and unticking as it is', () => {
    expect(nextMultiSelection(paymentChoices, ['bank'], ['bank', 'ewallet'])).toEqual([
      'bank',
      'ewallet',
    ])
    expect(nextMultiSelection(paymentChoices, ['bank', 'ewallet'], ['ewallet'])).toEqual([
      'ewallet',
    ])
  })
})

describe('typed boxes', () => {
  it('treats an empty box as no answer', () => {
    expect(textAnswer('')).toBeUndefined()
    expect(textAnswer(' a ')).toBe(' a ')
    expect(integerAnswer('')).toBeUndefined()
    expect(integerAnswer(1985)).toBe(1985)
    expect(integerAnswer(19.5)).toBeUndefined()
  })
})

describe('roster order', () => {
  const names = (r: ReturnType<typeof newResponse>) =>
    (r.repeats.members ?? []).map((row) => row.answers.full_name)
  const roster = () => {
    let r = newResponse(form, '00700-01')
    for (const name of ['An', 'Bình', 'Chi']) {
      const id = ids()
      r = addRow(r, 'members', id, { full_name: name })
    }
    return r
  }

  it('moves a member up and down, and not past either end', () => {
    const r = roster()
    const [first, second, third] = r.repeats.members ?? []
    expect(names(moveRow(r, 'members', second?.id ?? '', -1))).toEqual(['Bình', 'An', 'Chi'])
    expect(names(moveRow(r, 'members', second?.id ?? '', 1))).toEqual(['An', 'Chi', 'Bình'])
    expect(moveRow(r, 'members', first?.id ?? '', -1)).toBe(r)
    expect(moveRow(r, 'members', third?.id ?? '', 1)).toBe(r)
    expect(names(r)).toEqual(['An', 'Bình', 'Chi'])
  })

  it('puts a removed member back where they were (undo)', () => {
    const r = roster()
    const bình = r.repeats.members?.[1]
    if (!bình) throw new Error('no second member')
    const removed = removeRow(r, 'members', bình.id)
    expect(names(removed)).toEqual(['An', 'Chi'])
    const restored = insertRow(removed, 'members', bình, 1)
    expect(restored.repeats.members).toEqual(r.repeats.members)
    // Putting back a row that is already there does not double it.
    expect(names(insertRow(restored, 'members', bình, 0))).toEqual(['Bình', 'An', 'Chi'])
  })
})
