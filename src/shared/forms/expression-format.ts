import type { Expr, Operator } from './expression.schema'

const BINARY: Partial<Record<Operator, { symbol: string; precedence: number }>> = {
  or: { symbol: 'or', precedence: 1 },
  and: { symbol: 'and', precedence: 2 },
  eq: { symbol: '=', precedence: 3 },
  ne: { symbol: '!=', precedence: 3 },
  lt: { symbol: '<', precedence: 3 },
  le: { symbol: '<=', precedence: 3 },
  gt: { symbol: '>', precedence: 3 },
  ge: { symbol: '>=', precedence: 3 },
  add: { symbol: '+', precedence: 4 },
  sub: { symbol: '-', precedence: 4 },
}
const NOTHING: Expr = { lit: null }

/**
 * A rule in XLSForm syntax, e.g. `${h_internet} != 'fibre' and count-selected(${m_skills})
 * >= 4`; the XLSForm importer reads this syntax back.
 */
export function formatExpr(expr: Expr, outer = 0): string {
  if ('lit' in expr) return formatLiteral(expr.lit)
  if ('ref' in expr) return expr.ref === '.' ? '.' : `\${${expr.ref}}`
  if ('ctx' in expr) return `${expr.ctx.replace('_', '-')}()`
  const [first = NOTHING, ...rest] = expr.args
  switch (expr.op) {
    case 'not':
      return `not(${formatExpr(first)})`
    case 'answered':
      return formatExpr({ op: 'ne', args: [first, { lit: '' }] }, outer)
    case 'has':
      return `selected(${expr.args.map((a) => formatExpr(a)).join(', ')})`
    case 'count':
      return `count-selected(${formatExpr(first)})`
    case 'in':
      return formatExpr(
        { op: 'or', args: rest.map((r) => ({ op: 'eq', args: [first, r] })) },
        outer,
      )
  }
  const { symbol, precedence } = BINARY[expr.op] ?? { symbol: expr.op, precedence: 0 }
  // Right operands of non-associative operators bind tighter: `a - (b - c)` keeps brackets.
  const right = precedence >= 3 ? precedence + 1 : precedence
  const text = expr.args
    .map((a, i) => formatExpr(a, i === 0 ? precedence : right))
    .join(` ${symbol} `)
  return precedence < outer ? `(${text})` : text
}

function formatLiteral(value: string | number | boolean | null): string {
  if (typeof value === 'string') return value.includes("'") ? `"${value}"` : `'${value}'`
  if (typeof value === 'boolean') return value ? 'true()' : 'false()'
  return value === null ? "''" : String(value)
}
