import { describe, expect, it } from 'vitest'
import {
  type RuleQuestionKind,
  translateXlsFormExpression,
} from '../../../../src/server/forms/xlsform/xlsform-expression'
import type { Expr } from '../../../../src/shared/forms/expression.schema'
import { exprSchema } from '../../../../src/shared/forms/expression.schema'
import { formatExpr } from '../../../../src/shared/forms/form-diff'

const QUESTIONS = new Map<string, RuleQuestionKind>([
  ['age', 'other'],
  ['birth_year', 'other'],
  ['name', 'other'],
  ['internet', 'select_one'],
  ['skills', 'select_multiple'],
  ['business', 'yes_no'],
])

function translate(source: string): Expr {
  const result = translateXlsFormExpression(source, QUESTIONS)
  if (!result.ok) throw new Error(`${source}: ${result.message}`)
  // Whatever comes out must be a valid rule of our forms.
  return exprSchema.parse(result.expr)
}

function refusal(source: string): string {
  const result = translateXlsFormExpression(source, QUESTIONS)
  if (result.ok) throw new Error(`${source} was accepted as ${JSON.stringify(result.expr)}`)
  return result.message
}

const ref = (id: string): Expr => ({ ref: id })
const lit = (value: string | number | boolean): Expr => ({ lit: value })

describe('translateXlsFormExpression', () => {
  it('translates references, literals and comparisons', () => {
    expect(translate(`\${internet} = 'fibre'`)).toEqual({
      op: 'eq',
      args: [ref('internet'), lit('fibre')],
    })
    expect(translate(`\${age} != 3`)).toEqual({ op: 'ne', args: [ref('age'), lit(3)] })
    expect(translate('. >= 1900')).toEqual({ op: 'ge', args: [ref('.'), lit(1900)] })
    expect(translate('.<=2.5')).toEqual({ op: 'le', args: [ref('.'), lit(2.5)] })
    expect(translate(`\${age} < -1`)).toEqual({ op: 'lt', args: [ref('age'), lit(-1)] })
    expect(translate(`"a b" = \${name}`)).toEqual({ op: 'eq', args: [lit('a b'), ref('name')] })
    expect(translate(`\${ age } > 10`)).toEqual({ op: 'gt', args: [ref('age'), lit(10)] })
  })

  it('gives and/or/not their XPath precedence and honours parentheses', () => {
    const a = { op: 'gt', args: [ref('age'), lit(10)] }
    const b = { op: 'lt', args: [ref('age'), lit(60)] }
    const c = { op: 'eq', args: [ref('internet'), lit('none')] }
    expect(translate(`\${age} > 10 and \${age} < 60 or \${internet} = "none"`)).toEqual({
      op: 'or',
      args: [{ op: 'and', args: [a, b] }, c],
    })
    expect(translate(`\${age} > 10 and (\${age} < 60 or \${internet} = 'none')`)).toEqual({
      op: 'and',
      args: [a, { op: 'or', args: [b, c] }],
    })
    expect(translate(`\${age} > 10 and \${age} < 60 and not(\${internet} = "none")`)).toEqual({
      op: 'and',
      args: [a, b, { op: 'not', args: [c] }],
    })
  })

  it('translates arithmetic, left to right', () => {
    expect(translate(`visit-year() - \${birth_year} >= 15`)).toEqual({
      op: 'ge',
      args: [{ op: 'sub', args: [{ ctx: 'visit_year' }, ref('birth_year')] }, lit(15)],
    })
    expect(translate(`\${age} - 1 + 2`)).toEqual({
      op: 'add',
      args: [{ op: 'sub', args: [ref('age'), lit(1)] }, lit(2)],
    })
    expect(translate(`-\${age} < 0`)).toEqual({
      op: 'lt',
      args: [{ op: 'sub', args: [lit(0), ref('age')] }, lit(0)],
    })
  })

  it('translates the select functions by the kind of question', () => {
    expect(translate(`selected(\${skills}, 'search')`)).toEqual({
      op: 'has',
      args: [ref('skills'), lit('search')],
    })
    expect(translate(`selected(\${internet}, 'fibre')`)).toEqual({
      op: 'eq',
      args: [ref('internet'), lit('fibre')],
    })
    expect(translate(`selected(\${business}, 'yes')`)).toEqual({
      op: 'eq',
      args: [ref('business'), lit(true)],
    })
    expect(translate(`count-selected(\${skills}) >= 4`)).toEqual({
      op: 'ge',
      args: [{ op: 'count', args: [ref('skills')] }, lit(4)],
    })
  })

  it('gives blank text and yes/no their meaning', () => {
    expect(translate(`\${name} != ''`)).toEqual({ op: 'answered', args: [ref('name')] })
    expect(translate(`'' = \${name}`)).toEqual({
      op: 'not',
      args: [{ op: 'answered', args: [ref('name')] }],
    })
    expect(translate(`\${business} = 'yes'`)).toEqual({
      op: 'eq',
      args: [ref('business'), lit(true)],
    })
    expect(translate(`\${business} != 'no'`)).toEqual({
      op: 'ne',
      args: [ref('business'), lit(false)],
    })
    expect(translate(`\${business} = true()`)).toEqual({
      op: 'eq',
      args: [ref('business'), lit(true)],
    })
  })

  it('refuses what it does not support, saying why', () => {
    expect(refusal('string-length(.) > 3')).toMatch(/string-length\(\) is not supported/)
    expect(refusal("regex(., '^[0-9]+$')")).toMatch(/regex\(\) is not supported/)
    expect(refusal(`\${age} * 2 > 3`)).toMatch(/"\*" is not supported/)
    expect(refusal(`\${age} div 2 > 3`)).toMatch(/unexpected "div"/)
    expect(refusal(`\${unknown} = 1`)).toMatch(/\$\{unknown\} is not a question/)
    expect(refusal('/data/age > 3')).toMatch(/"\/" is not supported/)
    expect(refusal('age > 3')).toMatch(/refer to questions as/)
    expect(refusal(`\${age} > `)).toMatch(/ends too early/)
    expect(refusal(`(\${age} > 3`)).toMatch(/expected "\)"/)
    expect(refusal(`\${age} > 3)`)).toMatch(/unexpected "\)"/)
    expect(refusal(`\${name} = 'open`)).toMatch(/not closed/)
    expect(refusal(`1 < \${age} < 3`)).toMatch(/chained comparisons/)
    expect(refusal(`selected(\${age}, "x")`)).toMatch(/select question/)
    expect(refusal('not(1, 2)')).toMatch(/not\(\) takes 1/)
    expect(refusal('../age = 1')).toMatch(/parent/)
    const long = [...Array(200).fill(`\${age} > 1`), '1'].join(' and ')
    expect(refusal(long)).toMatch(/longer than/)
  })

  it('reads back what formatExpr writes', () => {
    const rules = [
      `\${internet} != 'fibre' and count-selected(\${skills}) >= 4`,
      `(\${age} > 1 or not(\${business} = true())) and \${age} - (\${birth_year} - 1) <= visit-year()`,
      `selected(\${skills}, 'search') or \${name} != ''`,
    ]
    for (const rule of rules) expect(formatExpr(translate(rule))).toBe(rule)
  })
})
