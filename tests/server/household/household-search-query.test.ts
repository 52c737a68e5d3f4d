import { describe, expect, it } from 'vitest'
import {
  ftsMatchExpression,
  MAX_VILLAGES_PER_TOKEN,
  searchTerms,
  tsQueryText,
  type VillageWords,
} from '../../../src/server/household/household-search.query'

const VILLAGES: VillageWords[] = [
  { code: '00700-01', words: ['thon', 'khuoi', 'my'] },
  { code: '00700-02', words: ['thon', 'ta', 'lung'] },
  { code: '00700-05', words: ['to', 'dan', 'pho', 'ngoc', 'ha'] },
]

/**
 * The search expressions the list sends to each store's index: word tokens as prefixes
 * (or a village they name), numbers whole, filters as facets on SQLite.
 */
describe('household search expressions', () => {
  it('folds a query into word prefixes and whole numbers, naming the villages a word starts', () => {
    expect(searchTerms('Khuổi  Nguyễn +84 912 345 678', VILLAGES)).toEqual([
      { token: 'khuoi', exact: false, villageCodes: ['00700-01'] },
      { token: 'nguyen', exact: false, villageCodes: [] },
      { token: '0912345678', exact: true, villageCodes: [] },
    ])
    // "thon" starts a word of every village here, which is still a few.
    expect(searchTerms('thon', VILLAGES)[0]?.villageCodes).toEqual(['00700-01', '00700-02'])
  })

  it('takes a word shared by many villages as a word only', () => {
    const many = Array.from({ length: MAX_VILLAGES_PER_TOKEN + 1 }, (_, i) => ({
      code: `00700-${String(i + 1).padStart(2, '0')}`,
      words: ['thon', `so${i}`],
    }))
    expect(searchTerms('thon', many)[0]?.villageCodes).toEqual([])
    expect(searchTerms('so1', many)[0]?.villageCodes.length).toBeGreaterThan(0)
  })

  it('writes the FTS5 expression with quoted tokens and the filters as facets', () => {
    const terms = searchTerms('khuoi 0912345678', VILLAGES)
    expect(
      ftsMatchExpression(terms, {
        communeCode: '00700',
        villageCode: '00700-01',
        visitResult: 'completed',
        reviewState: 'has_issues',
      }),
    ).toBe(
      '({words} : "khuoi" * OR {facets} : ("v00700x01")) AND {words} : "0912345678"' +
        ' AND {facets} : "c00700" AND {facets} : "v00700x01" AND {facets} : "rcompleted"' +
        ' AND {facets} : "shasxissues"',
    )
    expect(ftsMatchExpression([], { visitResult: 'absent' })).toBe('{facets} : "rabsent"')
  })

  it('writes the PostgreSQL tsquery with household words weighted A and villages B', () => {
    expect(tsQueryText(searchTerms('khuoi van 0912345678', VILLAGES))).toBe(
      '(khuoi:*A | v00700x01:B) & van:*A & 0912345678:A',
    )
  })
})
