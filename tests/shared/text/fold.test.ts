import { describe, expect, it } from 'vitest'
import { foldText, matchesQuery, queryTokens } from '../../../src/shared/text/fold'

describe('foldText', () => {
  it('strips Vietnamese diacritics and case', () => {
    expect(foldText('Nguyễn Văn A')).toBe('nguyen van a')
    expect(foldText('Trần Thị Ánh')).toBe('tran thi anh')
    expect(foldText('Hoàng Thị Huệ')).toBe('hoang thi hue')
  })

  it('maps đ and Đ to d', () => {
    expect(foldText('Đặng Văn Đức')).toBe('dang van duc')
  })

  it('folds composed and decomposed input the same way', () => {
    expect(foldText('Nguy\u1ec5n')).toBe(foldText('Nguye\u0302\u0303n'))
  })

  it('turns punctuation into single spaces', () => {
    expect(foldText('  Số 12,  xóm Đông -- thôn 3 ')).toBe('so 12 xom dong thon 3')
  })
})

describe('queryTokens', () => {
  it('matches regardless of accents and word order', () => {
    const haystack = foldText('Nguyễn Thị Ánh')
    expect(matchesQuery(haystack, queryTokens('nguyen thi anh'))).toBe(true)
    expect(matchesQuery(haystack, queryTokens('Ánh Nguyễn'))).toBe(true)
    expect(matchesQuery(haystack, queryTokens('nguyen van'))).toBe(false)
  })

  it('joins digit groups of a phone number', () => {
    expect(queryTokens('0912 345 678')).toEqual(['0912345678'])
    expect(queryTokens('+84 912 345 678')).toEqual(['0912345678'])
  })

  it('ignores empty queries', () => {
    expect(queryTokens('   ')).toEqual([])
  })
})
