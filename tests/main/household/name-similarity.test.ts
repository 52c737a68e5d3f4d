import { describe, expect, it } from 'vitest'
import {
  keysSimilar,
  levenshtein,
  nameKey,
  nameSimilarity,
  SIMILAR_NAME_THRESHOLD,
} from '../../../src/main/household/name-similarity'

const similar = (a: string, b: string) => nameSimilarity(a, b) >= SIMILAR_NAME_THRESHOLD

describe('nameSimilarity', () => {
  it('ignores accents, case, spacing and word order', () => {
    expect(nameSimilarity('Nguyễn Văn Ánh', 'nguyen van anh')).toBe(1)
    expect(nameSimilarity('Ánh Nguyễn Văn', 'NGUYỄN  VĂN ÁNH')).toBe(1)
    expect(nameSimilarity('Đặng Thị Hoa', 'Dang Thi Hoa')).toBe(1)
  })

  it('flags one-letter slips in a full name, not different people', () => {
    expect(similar('Nguyễn Văn An', 'Nguyễn Văn Anh')).toBe(true)
    expect(similar('Hoàng Thị Mai', 'Hoàng Thị Mại')).toBe(true)
    expect(similar('Nguyễn Văn An', 'Trần Thị Bình')).toBe(false)
    expect(similar('Lò Văn Sinh', 'Lò Thị Na')).toBe(false)
    expect(similar('Nguyễn Văn Hùng', 'Nguyễn Văn')).toBe(false)
  })

  it('is zero for an empty name', () => {
    expect(nameSimilarity('', 'Nguyễn Văn An')).toBe(0)
    expect(nameSimilarity('  ', '')).toBe(0)
  })
})

describe('nameKey and keysSimilar', () => {
  it('keys a name by its folded, sorted words', () => {
    expect(nameKey('  Nguyễn Văn Ánh ')).toBe('anh nguyen van')
    expect(nameKey('')).toBe('')
  })

  it('agrees with nameSimilarity, ruling out very different lengths first', () => {
    const pairs = [
      ['Nguyễn Văn An', 'Nguyễn Văn Anh'],
      ['Nguyễn Văn An', 'Nguyễn Văn An Khang Thịnh'],
      ['Lò Văn Sinh', 'Lò Thị Na'],
    ] as const
    for (const [a, b] of pairs) {
      expect(keysSimilar(nameKey(a), nameKey(b), SIMILAR_NAME_THRESHOLD)).toBe(similar(a, b))
    }
  })
})

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3)
    expect(levenshtein('', 'abc')).toBe(3)
    expect(levenshtein('abc', 'abc')).toBe(0)
    expect(levenshtein('an', 'anh')).toBe(1)
  })

  it('stops past a bound, answering bound + 1', () => {
    expect(levenshtein('nguyen van hung', 'tran thi bich', 2)).toBe(3)
    expect(levenshtein('nguyen van an', 'nguyen van anh', 2)).toBe(1)
  })
})
