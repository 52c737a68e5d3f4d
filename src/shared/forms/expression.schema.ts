import { z } from 'zod'

/**
 * A `relevant` / `constraint` rule: a small JSON expression tree evaluated by
 * `evaluate()` in expression.ts. Forms are data that may come from a server, so rules
 * are never code: no eval, no `new Function`.
 *
 * - `{ lit }`   a literal value
 * - `{ ref }`   an answer by question id; inside a repeat the row is searched first, then
 *               the household level; `ref: "."` is the question being checked (constraints)
 * - `{ ctx }`   a value from the evaluation context (the visit year, today's year)
 * - `{ op, args }` an operator over sub-expressions
 */
export type Expr =
  | { lit: string | number | boolean | null }
  | { ref: string }
  | { ctx: ContextVar }
  | { op: Operator; args: Expr[] }

export const CONTEXT_VARS = ['visit_year', 'current_year'] as const
export type ContextVar = (typeof CONTEXT_VARS)[number]

/**
 * Operators and their arity:
 * eq ne lt le gt ge (2) · add sub (2) · and or (1+) · not (1) · answered (1) ·
 * has (2: a select_multiple answer contains a value) · in (2+: first arg equals any other) ·
 * count (1: number of choices selected, or 0)
 */
export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'add',
  'sub',
  'and',
  'or',
  'not',
  'answered',
  'has',
  'in',
  'count',
] as const
export type Operator = (typeof OPERATORS)[number]

const ARITY: Record<Operator, { min: number; max: number }> = {
  eq: { min: 2, max: 2 },
  ne: { min: 2, max: 2 },
  lt: { min: 2, max: 2 },
  le: { min: 2, max: 2 },
  gt: { min: 2, max: 2 },
  ge: { min: 2, max: 2 },
  add: { min: 2, max: 2 },
  sub: { min: 2, max: 2 },
  and: { min: 1, max: Number.POSITIVE_INFINITY },
  or: { min: 1, max: Number.POSITIVE_INFINITY },
  not: { min: 1, max: 1 },
  answered: { min: 1, max: 1 },
  has: { min: 2, max: 2 },
  in: { min: 2, max: Number.POSITIVE_INFINITY },
  count: { min: 1, max: 1 },
}

/** Deepest rule nesting accepted; bounds evaluation cost of untrusted form files. */
export const MAX_EXPR_DEPTH = 32

export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.strictObject({ lit: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
    z.strictObject({ ref: z.string().min(1) }),
    z.strictObject({ ctx: z.enum(CONTEXT_VARS) }),
    z.strictObject({ op: z.enum(OPERATORS), args: z.array(exprSchema) }).superRefine((e, ctx) => {
      const { min, max } = ARITY[e.op]
      if (e.args.length < min || e.args.length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `operator "${e.op}" takes ${min}–${max} arguments`,
        })
      }
    }),
  ]),
)

/** Depth of an expression tree, for the MAX_EXPR_DEPTH check. */
export function exprDepth(expr: Expr): number {
  if ('op' in expr) return 1 + Math.max(0, ...expr.args.map(exprDepth))
  return 1
}

/** Question ids an expression reads (excluding "."), for reference checks. */
export function exprRefs(expr: Expr): string[] {
  if ('ref' in expr) return expr.ref === '.' ? [] : [expr.ref]
  if ('op' in expr) return expr.args.flatMap(exprRefs)
  return []
}
