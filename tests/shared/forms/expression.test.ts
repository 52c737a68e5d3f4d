import { describe, expect, it } from 'vitest'
import { evaluate, holds, type Scope } from '../../../src/shared/forms/expression'
import { exprSchema } from '../../../src/shared/forms/expression.schema'

const scope = (answers: Record<string, unknown>, self?: unknown): Scope =>
  ({
    lookup: (id: string) => (answers[id] ?? null) as never,
    self: self as never,
    context: { visit_year: 2026, current_year: 2026 },
  }) as Scope

describe('evaluate', () => {
  it('compares answers with literals', () => {
    const s = scope({ visit_result: 'completed', h_internet: 'fibre' })
    expect(holds({ op: 'eq', args: [{ ref: 'visit_result' }, { lit: 'completed' }] }, s)).toBe(true)
    expect(holds({ op: 'ne', args: [{ ref: 'h_internet' }, { lit: 'fibre' }] }, s)).toBe(false)
  })

  it('treats comparisons with a missing answer as false', () => {
    const s = scope({})
    expect(holds({ op: 'ne', args: [{ ref: 'h_internet' }, { lit: 'fibre' }] }, s)).toBe(false)
    expect(holds({ op: 'not', args: [{ op: 'eq', args: [{ ref: 'x' }, { lit: 1 }] }] }, s)).toBe(
      true,
    )
  })

  it('computes ages from the context year', () => {
    const age = {
      op: 'sub' as const,
      args: [{ ctx: 'visit_year' as const }, { ref: 'birth_year' }],
    }
    expect(evaluate(age, scope({ birth_year: 2000 }))).toBe(26)
    expect(evaluate(age, scope({}))).toBeNull()
    expect(holds({ op: 'ge', args: [age, { lit: 10 }] }, scope({ birth_year: 2020 }))).toBe(false)
  })

  it('handles selections', () => {
    const s = scope({ accounts: ['bank', 'ewallet'] })
    expect(holds({ op: 'has', args: [{ ref: 'accounts' }, { lit: 'bank' }] }, s)).toBe(true)
    expect(evaluate({ op: 'count', args: [{ ref: 'accounts' }] }, s)).toBe(2)
    expect(evaluate({ op: 'count', args: [{ ref: 'missing' }] }, s)).toBe(0)
  })

  it('supports in, and, or, answered and the checked value', () => {
    const s = scope({ v: 'level2', n: '' }, 5)
    expect(holds({ op: 'in', args: [{ ref: 'v' }, { lit: 'level1' }, { lit: 'level2' }] }, s)).toBe(
      true,
    )
    expect(holds({ op: 'answered', args: [{ ref: 'n' }] }, s)).toBe(false)
    expect(
      holds(
        { op: 'and', args: [{ lit: true }, { op: 'gt', args: [{ ref: '.' }, { lit: 4 }] }] },
        s,
      ),
    ).toBe(true)
    expect(holds({ op: 'or', args: [{ lit: false }, { lit: 1 }] }, s)).toBe(false)
  })

  it('does not crash on mismatched types', () => {
    expect(holds({ op: 'lt', args: [{ lit: 'a' }, { lit: 1 }] }, scope({}))).toBe(false)
    expect(evaluate({ op: 'add', args: [{ lit: 'a' }, { lit: 1 }] }, scope({}))).toBeNull()
  })
})

describe('exprSchema', () => {
  it('rejects code strings and unknown operators', () => {
    expect(exprSchema.safeParse('1 + 1').success).toBe(false)
    expect(exprSchema.safeParse({ op: 'eval', args: [{ lit: 'process.exit()' }] }).success).toBe(
      false,
    )
    expect(exprSchema.safeParse({ fn: 'alert' }).success).toBe(false)
  })

  it('checks operator arity', () => {
    expect(exprSchema.safeParse({ op: 'eq', args: [{ lit: 1 }] }).success).toBe(false)
    expect(exprSchema.safeParse({ op: 'not', args: [{ lit: true }] }).success).toBe(true)
  })
})
