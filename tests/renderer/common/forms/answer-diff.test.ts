import { describe, expect, it } from 'vitest'
import {
  changeLines,
  diffResponses,
  isUnchanged,
  sameAnswer,
} from '../../../../src/renderer/common/forms/answer-diff'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import type { FormResponse } from '../../../../src/shared/forms/form-response.schema'

const A = '01900000-0000-7000-8000-00000000000a'
const B = '01900000-0000-7000-8000-00000000000b'
const C = '01900000-0000-7000-8000-00000000000c'

const before: FormResponse = {
  answers: {
    head_name: 'Nguyễn Văn Hùng',
    h_internet: 'other',
    h_support_needs: ['vneid', 'skills'],
  },
  repeats: {
    members: [
      { id: A, answers: { full_name: 'Nguyễn Văn Hùng', m_phone: 'basic', birth_year: 1978 } },
      { id: B, answers: { full_name: 'Lò Thị Mai', m_phone: 'smartphone' } },
    ],
  },
}

describe('sameAnswer', () => {
  it('treats every kind of blank as the same "no answer"', () => {
    expect(sameAnswer(undefined, null)).toBe(true)
    expect(sameAnswer('', undefined)).toBe(true)
    expect(sameAnswer('  ', [])).toBe(true)
    expect(sameAnswer('', 'x')).toBe(false)
  })

  it('compares ticks in any order, text trimmed, and never 1 as "1" or true', () => {
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(true)
    expect(sameAnswer(['a'], ['a', 'b'])).toBe(false)
    expect(sameAnswer('Mai ', 'Mai')).toBe(true)
    expect(sameAnswer(1, '1')).toBe(false)
    expect(sameAnswer(true, 'true')).toBe(false)
    expect(sameAnswer(false, false)).toBe(true)
  })
})

describe('diffResponses', () => {
  it('finds nothing between a response and itself', () => {
    expect(isUnchanged(diffResponses(before, structuredClone(before)))).toBe(true)
  })

  it('reports changed household answers and changed, added and removed members by row id', () => {
    const after: FormResponse = {
      answers: {
        head_name: 'Nguyễn Văn Hùng',
        h_internet: 'fibre',
        h_support_needs: ['skills', 'vneid'],
        phone: '0912345678',
      },
      repeats: {
        members: [
          // Renamed and reordered: still the same person (same row id).
          { id: B, answers: { full_name: 'Lò Thị Mai Anh', m_phone: 'smartphone' } },
          { id: C, answers: { full_name: 'Nguyễn Minh Đức' } },
        ],
      },
    }
    const diff = diffResponses(before, after)
    expect([...diff.household.entries()]).toEqual([
      ['h_internet', { before: 'other', after: 'fibre' }],
      ['phone', { before: undefined, after: '0912345678' }],
    ])
    expect([...diff.rows.keys()]).toEqual([B])
    expect(diff.rows.get(B)?.get('full_name')).toEqual({
      before: 'Lò Thị Mai',
      after: 'Lò Thị Mai Anh',
    })
    expect([...diff.addedRows]).toEqual([C])
    expect(diff.removedRows.map((r) => r.row.id)).toEqual([A])
    expect(isUnchanged(diff)).toBe(false)

    const lines = changeLines(defaultHouseholdForm, after, diff)
    // Household answers in the form's order (phone is asked before h_internet), then members.
    expect(
      lines.map((l) =>
        l.kind === 'answer' ? `${l.row?.id ?? 'hh'}:${l.questionId}` : `${l.kind}:${l.row.id}`,
      ),
    ).toEqual([
      'hh:phone',
      'hh:h_internet',
      `${B}:full_name`,
      `member_added:${C}`,
      `member_removed:${A}`,
    ])
  })
})
