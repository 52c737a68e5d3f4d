import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answer, FormResponse } from '../../../src/shared/forms/form-response.schema'
import { withoutCarried } from '../../../src/shared/sync/merge/carried-answers'
import {
  type MergeSide,
  mergeResponses,
  ROW_PRESENCE,
  sameAnswer,
} from '../../../src/shared/sync/merge/merge-responses'

const ROW_A = '019ab5e6-6c00-7000-8000-0000000000a1'
const ROW_B = '019ab5e6-6c00-7000-8000-0000000000b2'
const ROW_C = '019ab5e6-6c00-7000-8000-0000000000c3'
const OLD: MergeSide = { revisionId: 'rev-a', hlc: '001764000000000-00000-00000000000000a1' }
const NEW: MergeSide = { revisionId: 'rev-b', hlc: '001764000005000-00000-00000000000000b2' }

function response(
  answers: Record<string, Answer>,
  members: [string, Record<string, Answer>][] = [],
) {
  return {
    answers,
    repeats: { members: members.map(([id, a]) => ({ id, answers: a })) },
  } satisfies FormResponse
}

describe('mergeResponses', () => {
  const base = response({ head_name: 'Lò Văn A', phone: '0912345678', h_internet: 'fibre' }, [
    [ROW_A, { full_name: 'Lò Văn A', birth_year: 1980 }],
    [ROW_B, { full_name: 'Lò Thị B', birth_year: 1982 }],
  ])

  it('takes a field changed on one side only, from either side', () => {
    const current = response({ ...base.answers, phone: '0987654321' }, [
      [ROW_A, { full_name: 'Lò Văn A', birth_year: 1980 }],
      [ROW_B, { full_name: 'Lò Thị B', birth_year: 1982 }],
    ])
    const incoming = response({ ...base.answers, h_internet: 'mobile' }, [
      [ROW_A, { full_name: 'Lò Văn A', birth_year: 1981 }],
      [ROW_B, { full_name: 'Lò Thị B', birth_year: 1982 }],
    ])
    const merged = mergeResponses(base, current, incoming, { current: OLD, incoming: NEW })
    expect(merged.conflicts).toEqual([])
    expect(merged.response.answers).toEqual({
      head_name: 'Lò Văn A',
      phone: '0987654321',
      h_internet: 'mobile',
    })
    expect(merged.response.repeats.members?.[0]?.answers.birth_year).toBe(1981)
  })

  it('lets the newer stamp win a field both changed, and reports the conflict', () => {
    const current = response({ ...base.answers, phone: '0900000001' })
    const incoming = response({ ...base.answers, phone: '0900000002' })
    const merged = mergeResponses(base, current, incoming, { current: NEW, incoming: OLD })
    expect(merged.response.answers.phone).toBe('0900000001')
    expect(merged.conflicts).toEqual([
      {
        scope: 'household',
        rowId: null,
        repeatId: null,
        questionId: 'phone',
        baseValue: '0912345678',
        winnerValue: '0900000001',
        loserValue: '0900000002',
        winnerRevisionId: NEW.revisionId,
        loserRevisionId: OLD.revisionId,
      },
    ])
  })

  it('does not count the same change on both sides, nor equal arrays, as a conflict', () => {
    const current = response({ ...base.answers, h_support_needs: ['vneid', 'banking'] })
    const incoming = response({ ...base.answers, h_support_needs: ['vneid', 'banking'] })
    const merged = mergeResponses(base, current, incoming, { current: OLD, incoming: NEW })
    expect(merged.conflicts).toEqual([])
    expect(merged.response.answers.h_support_needs).toEqual(['vneid', 'banking'])
  })

  it('keeps rows added on either side, drops an untouched row removed on one side, orders by the newer side', () => {
    const current = response(base.answers, [
      [ROW_B, { full_name: 'Lò Thị B', birth_year: 1982 }],
      [ROW_A, { full_name: 'Lò Văn A', birth_year: 1980 }],
      [ROW_C, { full_name: 'Lò Văn C', birth_year: 2010 }],
    ])
    const incoming = response(base.answers, [[ROW_A, { full_name: 'Lò Văn A', birth_year: 1980 }]])
    const merged = mergeResponses(base, current, incoming, { current: OLD, incoming: NEW })
    expect(merged.response.repeats.members?.map((r) => r.id)).toEqual([ROW_A, ROW_C])
    expect(merged.conflicts).toEqual([])
  })

  it('keeps a row one side removed and the other edited, reporting the removal as the loser', () => {
    const current = response(base.answers, [
      [ROW_A, { full_name: 'Lò Văn A', birth_year: 1980 }],
      [ROW_B, { full_name: 'Lò Thị Bé', birth_year: 1982 }],
    ])
    const incoming = response(base.answers, [[ROW_A, { full_name: 'Lò Văn A', birth_year: 1980 }]])
    const merged = mergeResponses(base, current, incoming, { current: OLD, incoming: NEW })
    expect(merged.response.repeats.members?.map((r) => r.id)).toEqual([ROW_A, ROW_B])
    expect(merged.conflicts).toMatchObject([
      { scope: 'member', rowId: ROW_B, questionId: ROW_PRESENCE, winnerRevisionId: 'rev-a' },
    ])
  })

  it('without a common base, differing fields go to the newer side as conflicts', () => {
    const current = response({ head_name: 'Lò Văn A', address: 'Xóm 1' })
    const incoming = response({ head_name: 'Lò Văn Á', phone: '0912345678' })
    const merged = mergeResponses(null, current, incoming, { current: OLD, incoming: NEW })
    expect(merged.response.answers).toEqual({
      head_name: 'Lò Văn Á',
      address: 'Xóm 1',
      phone: '0912345678',
    })
    expect(merged.conflicts.map((c) => c.questionId)).toEqual(['head_name'])
  })
})

const QUESTIONS = ['q1', 'q2', 'q3', 'q4']
const ROWS = [ROW_A, ROW_B, ROW_C]
const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  fc.constantFrom('x', 'y', 'z'),
  fc.integer({ min: 0, max: 3 }),
  fc.boolean(),
  fc.constantFrom<string[]>(['a'], ['a', 'b'], ['b']),
)
const answersArb = fc.dictionary(fc.constantFrom(...QUESTIONS), answerArb)
const responseArb: fc.Arbitrary<FormResponse> = fc.record({
  answers: answersArb,
  repeats: fc
    .uniqueArray(fc.constantFrom(...ROWS), { maxLength: 3 })
    .chain((ids) =>
      fc
        .tuple(...ids.map(() => answersArb))
        .map((rows) => ({ members: ids.map((id, k) => ({ id, answers: rows[k] ?? {} })) })),
    ),
})
/** Two edits of a base: each field of the base is kept or replaced on each side. */
const scenarioArb = fc.record({ base: fc.option(responseArb), a: responseArb, b: responseArb })

describe('mergeResponses properties', () => {
  it('gives the same state whichever of two concurrent revisions arrives first', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, a, b }) => {
        const ab = mergeResponses(base, a, b, { current: OLD, incoming: NEW })
        const ba = mergeResponses(base, b, a, { current: NEW, incoming: OLD })
        expect(ab.response).toEqual(ba.response)
        expect(ab.conflicts).toEqual(ba.conflicts)
      }),
    )
  })

  it('is idempotent: merging a state with itself, or re-merging the result, changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, a, b }) => {
        const self = mergeResponses(base, a, a, { current: OLD, incoming: NEW })
        expect(self.response).toEqual(normalised(a))
        expect(self.conflicts).toEqual([])
        const once = mergeResponses(base, a, b, { current: OLD, incoming: NEW })
        const twice = mergeResponses(base, once.response, b, { current: NEW, incoming: NEW })
        expect(twice.response).toEqual(once.response)
      }),
    )
  })

  it('loses no change silently: every field both sides changed differently is a conflict', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, a, b }) => {
        const merged = mergeResponses(base, a, b, { current: OLD, incoming: NEW })
        for (const q of QUESTIONS) {
          const was = base?.answers[q]
          const changedBoth =
            !sameAnswer(was, a.answers[q]) &&
            !sameAnswer(was, b.answers[q]) &&
            !sameAnswer(a.answers[q], b.answers[q])
          const reported = merged.conflicts.some(
            (c) => c.scope === 'household' && c.questionId === q,
          )
          expect(reported).toBe(changedBoth)
          // Otherwise the merged value is one that a side made (or the base's).
          if (!changedBoth) {
            const v = merged.response.answers[q]
            const fromSide = [a.answers[q], b.answers[q]].some((x) => sameAnswer(x, v))
            expect(fromSide).toBe(true)
          }
        }
      }),
    )
  })
})

/** A response with answers in key order, as the merge writes them. */
function normalised(r: FormResponse): FormResponse {
  const sortKeys = (a: Record<string, Answer>) =>
    Object.fromEntries(Object.entries(a).sort(([x], [y]) => x.localeCompare(y)))
  return {
    answers: sortKeys(r.answers),
    repeats: Object.fromEntries(
      Object.entries(r.repeats).map(([k, rows]) => [
        k,
        rows.map((row) => ({ id: row.id, answers: sortKeys(row.answers) })),
      ]),
    ),
  }
}

describe('withoutCarried', () => {
  const base = response({ head_name: 'Lò Văn A', address: 'Bản Mới' }, [
    [ROW_A, { full_name: 'Lò Văn A' }],
  ])
  // Another revision set the address; the edit pulled it merged and changed the name only.
  const other = { base, response: response({ ...base.answers, address: 'Bản Cũ' }) }
  const incoming = response({ head_name: 'Lò Văn A', address: 'Bản Cũ' }, [
    [ROW_A, { full_name: 'Lò Văn Ánh' }],
  ])

  it("sets an answer another revision changed to the same value to the state's value", () => {
    const current = response({ ...base.answers, address: 'Bản Nà' }, [
      [ROW_A, { full_name: 'Lò Văn A' }],
    ])
    const own = withoutCarried(base, incoming, current, [other])
    expect(own.answers.address).toBe('Bản Nà')
    expect(own.repeats.members?.[0]?.answers.full_name).toBe('Lò Văn Ánh')
    const merged = mergeResponses(base, current, own, { current: OLD, incoming: NEW })
    expect(merged.conflicts).toEqual([])
    expect(merged.response.answers.address).toBe('Bản Nà')
  })

  it('keeps every change when no other revision made it', () => {
    expect(withoutCarried(base, incoming, base, [])).toEqual(incoming)
    const unrelated = { base, response: response({ ...base.answers, address: 'Bản Khác' }) }
    expect(withoutCarried(base, incoming, base, [unrelated])).toEqual(incoming)
  })
})

describe('mergeResponses with the side that set each current field', () => {
  it('weighs a field both changed against the revision that set it, not the head', () => {
    const base = response({ phone: '0900000000' })
    const current = response({ phone: '0900000001' })
    const incoming = response({ phone: '0900000002' })
    const older: MergeSide = { revisionId: 'rev-0', hlc: '001764000001000-00000-00000000000000c3' }
    const merged = mergeResponses(base, current, incoming, {
      current: { revisionId: 'rev-z', hlc: '001764000009000-00000-00000000000000d4' },
      incoming: { revisionId: 'rev-i', hlc: '001764000002000-00000-00000000000000e5' },
      currentFieldSide: () => older,
    })
    expect(merged.response.answers.phone).toBe('0900000002')
    expect(merged.conflicts[0]).toMatchObject({
      winnerRevisionId: 'rev-i',
      loserRevisionId: 'rev-0',
    })
  })
})
