import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { householdSearchText } from '../../../src/shared/household/household-facts'
import { queryTokens } from '../../../src/shared/text/fold'

const name = fc.constantFrom(
  'Nguyễn Văn Hùng',
  'Lò Thị Đào',
  'ĐẶNG  Quốc  Bảo',
  'Hà-Thị Cúc',
  '  Vàng A Dính ',
  "Lý O'Sáng",
  '',
)

const response = (head: string, members: string[], address: string | null): FormResponse => ({
  answers: { head_name: head, ...(address === null ? {} : { address }), phone: '0912 345 678' },
  repeats: { members: members.map((full_name, i) => ({ id: `m${i}`, answers: { full_name } })) },
})

describe('householdSearchText', () => {
  it('folds names, address and phone digits into single-spaced accent-free words', () => {
    expect(
      householdSearchText(response('Nguyễn Văn Hùng', ['Lò Thị Đào'], 'Số 12, xóm Khuổi My')),
    ).toBe('nguyen van hung lo thi dao so 12 xom khuoi my 0912345678')
  })

  it('lets every word of every name be found by a folded query, whatever the spacing', () => {
    fc.assert(
      fc.property(
        name,
        fc.array(name, { maxLength: 6 }),
        fc.option(name),
        (head, members, address) => {
          const text = householdSearchText(response(head, members, address))
          expect(text).not.toMatch(/^ | $| {2}/)
          const words = new Set(text.split(' '))
          for (const token of queryTokens([head, ...members, address ?? ''].join(' '))) {
            expect(words.has(token)).toBe(true)
          }
        },
      ),
    )
  })
})
