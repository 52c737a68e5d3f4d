import type { ContextVar, Expr } from './expression.schema'
import type { Answer } from './form-response.schema'

/** A value during evaluation; `null` stands for "no answer". */
export type Value = Answer

/** Where `ref`s and `ctx`s are looked up while a rule is evaluated. */
export interface Scope {
  /** The answer to a question, or null when unanswered or not relevant. */
  lookup(questionId: string): Value
  /** The answer being checked by a constraint (`ref: "."`). */
  self?: Value
  context: Readonly<Record<ContextVar, number>>
}

/**
 * Evaluates a rule. Total and side-effect free: type mismatches and missing answers yield
 * null/false instead of throwing, so a form rule can never crash data entry.
 *
 * Comparisons with a missing answer are false (so "h_internet ≠ fibre" stays hidden until
 * h_internet is answered); `not` of such a comparison is true.
 */
export function evaluate(expr: Expr, scope: Scope): Value {
  if ('lit' in expr) return expr.lit
  if ('ref' in expr) return expr.ref === '.' ? (scope.self ?? null) : scope.lookup(expr.ref)
  if ('ctx' in expr) return scope.context[expr.ctx]
  const args = expr.args.map((a) => evaluate(a, scope))
  switch (expr.op) {
    case 'eq':
      return isBlank(args[0]) || isBlank(args[1]) ? false : same(args[0], args[1])
    case 'ne':
      return isBlank(args[0]) || isBlank(args[1]) ? false : !same(args[0], args[1])
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return compare(expr.op, args[0], args[1])
    case 'add':
    case 'sub':
      return arithmetic(expr.op, args[0], args[1])
    case 'and':
      return args.every((a) => a === true)
    case 'or':
      return args.some((a) => a === true)
    case 'not':
      return args[0] !== true
    case 'answered':
      return !isBlank(args[0])
    case 'has':
      return Array.isArray(args[0]) && typeof args[1] === 'string' && args[0].includes(args[1])
    case 'in':
      return !isBlank(args[0]) && args.slice(1).some((a) => same(args[0], a))
    case 'count':
      return Array.isArray(args[0]) ? args[0].length : 0
  }
}

/** True only for an explicit `true` result: a rule that cannot be decided is not met. */
export function holds(expr: Expr, scope: Scope): boolean {
  return evaluate(expr, scope) === true
}

/** No answer: missing, null, empty or whitespace-only text, or an empty selection. */
export function isBlank(value: Value | undefined): value is null | undefined | '' | [] {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  return false
}

function same(a: Value | undefined, b: Value | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return false
  return a === b
}

function compare(
  op: 'lt' | 'le' | 'gt' | 'ge',
  a: Value | undefined,
  b: Value | undefined,
): boolean {
  const bothNumbers = typeof a === 'number' && typeof b === 'number'
  const bothStrings = typeof a === 'string' && typeof b === 'string'
  if (!bothNumbers && !bothStrings) return false
  if (op === 'lt') return a < b
  if (op === 'le') return a <= b
  if (op === 'gt') return a > b
  return a >= b
}

function arithmetic(op: 'add' | 'sub', a: Value | undefined, b: Value | undefined): Value {
  if (typeof a !== 'number' || typeof b !== 'number') return null
  return op === 'add' ? a + b : a - b
}
