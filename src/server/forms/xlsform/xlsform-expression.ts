import type { Expr } from '../../../shared/forms/expression.schema'

/**
 * Translates the subset of XLSForm (XPath) expressions our forms support into the JSON rule
 * tree, with a small hand-written tokenizer and recursive-descent parser — never eval.
 *
 * Supported: `${q}`, `.`, 'text' and "text", numbers, = != < <= > >=, and, or, not(),
 * + -, parentheses, selected(${q}, 'v'), count-selected(${q}), true(), false(), and our
 * extensions visit-year() and current-year(). Anything else is refused with a message.
 *
 * XLSForm idioms become their meaning in our rules: `${q} != ''` is "answered",
 * `${q} = ''` "not answered"; for a yes/no question 'yes'/'no' are the booleans; for a
 * select_one, selected() is equality.
 */

/** How a question's answers compare, as far as rules are concerned. */
export type RuleQuestionKind = 'yes_no' | 'select_one' | 'select_multiple' | 'other'

export type TranslateResult = { ok: true; expr: Expr } | { ok: false; message: string }

/** Longest rule accepted, in characters: a form rule is a line, not a program. */
export const MAX_RULE_LENGTH = 2000

/** Thrown inside the parser and turned into a failed result at the boundary. */
class RuleSyntaxError extends Error {}

type Token =
  | { t: 'ref'; name: string }
  | { t: 'self' }
  | { t: 'num'; value: number }
  | { t: 'str'; value: string }
  | { t: 'op'; value: string }
  | { t: 'word'; value: string }
  | { t: 'end' }

/**
 * @param questions every question of the form by name, so that references can be checked
 * and yes/no and select questions compared the way XLSForm means
 */
export function translateXlsFormExpression(
  source: string,
  questions: ReadonlyMap<string, RuleQuestionKind>,
): TranslateResult {
  if (source.length > MAX_RULE_LENGTH) {
    return { ok: false, message: `the rule is longer than ${MAX_RULE_LENGTH} characters` }
  }
  try {
    const parser = new Parser(tokenize(source), questions)
    const expr = parser.parseOr()
    parser.expectEnd()
    return { ok: true, expr }
  } catch (error) {
    if (error instanceof RuleSyntaxError) return { ok: false, message: error.message }
    throw error
  }
}

const OPERATORS = ['!=', '<=', '>=', '=', '<', '>', '+', '-', '(', ')', ',']

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const rest = source.slice(i)
    const space = /^\s+/.exec(rest)
    const ref = /^\$\{([^}]*)\}/.exec(rest)
    const num = /^\d+(\.\d+)?/.exec(rest)
    const str = /^'([^']*)'|^"([^"]*)"/.exec(rest)
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest)
    const op = OPERATORS.find((o) => rest.startsWith(o))
    let length: number
    if (space) length = space[0].length
    else if (ref) {
      tokens.push({ t: 'ref', name: (ref[1] ?? '').trim() })
      length = ref[0].length
    } else if (rest.startsWith('..'))
      throw new RuleSyntaxError('".." (the parent) is not supported')
    else if (rest[0] === '.' && !/^\.\d/.test(rest)) {
      tokens.push({ t: 'self' })
      length = 1
    } else if (num) {
      tokens.push({ t: 'num', value: Number(num[0]) })
      length = num[0].length
    } else if (str) {
      tokens.push({ t: 'str', value: str[1] ?? str[2] ?? '' })
      length = str[0].length
    } else if (word) {
      tokens.push({ t: 'word', value: word[0] })
      length = word[0].length
    } else if (op) {
      tokens.push({ t: 'op', value: op })
      length = op.length
    } else if (rest[0] === "'" || rest[0] === '"') throw new RuleSyntaxError('a text is not closed')
    else throw new RuleSyntaxError(`"${rest[0]}" is not supported`)
    i += length
  }
  tokens.push({ t: 'end' })
  return tokens
}

type Comparison = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'

const COMPARISONS: Partial<Record<string, Comparison>> = {
  '=': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
}

class Parser {
  private at = 0

  constructor(
    private readonly tokens: Token[],
    private readonly questions: ReadonlyMap<string, RuleQuestionKind>,
  ) {}

  parseOr(): Expr {
    return this.chain('or', () => this.parseAnd())
  }

  expectEnd(): void {
    const token = this.peek()
    if (token.t !== 'end') throw new RuleSyntaxError(`unexpected ${describe(token)}`)
  }

  private parseAnd(): Expr {
    return this.chain('and', () => this.parseComparison())
  }

  private chain(word: 'and' | 'or', operand: () => Expr): Expr {
    const args = [operand()]
    while (this.isWord(word)) {
      this.at += 1
      args.push(operand())
    }
    return args.length === 1 ? (args[0] as Expr) : { op: word, args }
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive()
    const token = this.peek()
    const op = token.t === 'op' ? COMPARISONS[token.value] : undefined
    if (!op) return left
    this.at += 1
    const right = this.parseAdditive()
    const after = this.peek()
    if (after.t === 'op' && COMPARISONS[after.value]) {
      throw new RuleSyntaxError('chained comparisons need "and" between them')
    }
    return this.comparison(op, left, right)
  }

  /** Applies the XLSForm idioms for blank text and yes/no answers. */
  private comparison(op: Comparison, left: Expr, right: Expr): Expr {
    if ((op === 'eq' || op === 'ne') && isBlankText(right)) {
      return op === 'ne' ? answered(left) : { op: 'not', args: [answered(left)] }
    }
    if ((op === 'eq' || op === 'ne') && isBlankText(left)) return this.comparison(op, right, left)
    return { op, args: [left, this.asBoolean(left, right)] }
  }

  /** 'yes'/'no' compared with a yes/no question mean true/false. */
  private asBoolean(other: Expr, value: Expr): Expr {
    if (!('ref' in other) || this.questions.get(other.ref) !== 'yes_no') return value
    if ('lit' in value && (value.lit === 'yes' || value.lit === 'no')) {
      return { lit: value.lit === 'yes' }
    }
    return value
  }

  private parseAdditive(): Expr {
    let left = this.parseUnary()
    for (;;) {
      const token = this.peek()
      if (token.t !== 'op' || (token.value !== '+' && token.value !== '-')) return left
      this.at += 1
      left = { op: token.value === '+' ? 'add' : 'sub', args: [left, this.parseUnary()] }
    }
  }

  private parseUnary(): Expr {
    const token = this.peek()
    if (token.t === 'op' && token.value === '-') {
      this.at += 1
      const operand = this.parseUnary()
      if ('lit' in operand && typeof operand.lit === 'number') return { lit: -operand.lit }
      return { op: 'sub', args: [{ lit: 0 }, operand] }
    }
    return this.parsePrimary()
  }

  private parsePrimary(): Expr {
    const token = this.next()
    switch (token.t) {
      case 'num':
        return { lit: token.value }
      case 'str':
        return { lit: token.value }
      case 'self':
        return { ref: '.' }
      case 'ref':
        return this.reference(token.name)
      case 'word':
        return this.call(token.value)
      case 'op':
        if (token.value === '(') {
          const inner = this.parseOr()
          this.expectOp(')')
          return inner
        }
        throw new RuleSyntaxError(`unexpected "${token.value}"`)
      case 'end':
        throw new RuleSyntaxError('the rule ends too early')
    }
  }

  private reference(name: string): Expr {
    if (!this.questions.has(name))
      throw new RuleSyntaxError(`\${${name}} is not a question of the form`)
    return { ref: name }
  }

  private call(name: string): Expr {
    if (name === 'and' || name === 'or' || name === 'div' || name === 'mod') {
      throw new RuleSyntaxError(`unexpected "${name}"`)
    }
    if (!this.isOp('(')) {
      throw new RuleSyntaxError(`"${name}" is not supported: refer to questions as \${name}`)
    }
    this.at += 1
    const args: Expr[] = []
    if (!this.isOp(')')) {
      args.push(this.parseOr())
      while (this.isOp(',')) {
        this.at += 1
        args.push(this.parseOr())
      }
    }
    this.expectOp(')')
    return this.applyFunction(name, args)
  }

  private applyFunction(name: string, args: Expr[]): Expr {
    const arity = (n: number) => {
      if (args.length !== n) throw new RuleSyntaxError(`${name}() takes ${n} argument(s)`)
    }
    switch (name) {
      case 'not':
        arity(1)
        return { op: 'not', args }
      case 'true':
      case 'false':
        arity(0)
        return { lit: name === 'true' }
      case 'visit-year':
      case 'current-year':
        arity(0)
        return { ctx: name === 'visit-year' ? 'visit_year' : 'current_year' }
      case 'count-selected':
        arity(1)
        return { op: 'count', args }
      case 'selected':
        arity(2)
        return this.selected(args[0] as Expr, args[1] as Expr)
      default:
        throw new RuleSyntaxError(`the function ${name}() is not supported`)
    }
  }

  private selected(question: Expr, value: Expr): Expr {
    if (!('ref' in question)) {
      throw new RuleSyntaxError(`selected() needs a question: selected(\${q}, 'value')`)
    }
    const kind = question.ref === '.' ? 'select_multiple' : this.questions.get(question.ref)
    if (kind === 'select_multiple') return { op: 'has', args: [question, value] }
    if (kind === 'select_one') return { op: 'eq', args: [question, value] }
    if (kind === 'yes_no') return { op: 'eq', args: [question, this.asBoolean(question, value)] }
    throw new RuleSyntaxError(`selected() needs a select question, not \${${question.ref}}`)
  }

  private peek(): Token {
    return this.tokens[this.at] ?? { t: 'end' }
  }

  private next(): Token {
    const token = this.peek()
    if (token.t !== 'end') this.at += 1
    return token
  }

  private isWord(value: string): boolean {
    const token = this.peek()
    return token.t === 'word' && token.value === value
  }

  private isOp(value: string): boolean {
    const token = this.peek()
    return token.t === 'op' && token.value === value
  }

  private expectOp(value: string): void {
    if (!this.isOp(value))
      throw new RuleSyntaxError(`expected "${value}", found ${describe(this.peek())}`)
    this.at += 1
  }
}

function isBlankText(expr: Expr): boolean {
  return 'lit' in expr && expr.lit === ''
}

function answered(expr: Expr): Expr {
  return { op: 'answered', args: [expr] }
}

function describe(token: Token): string {
  switch (token.t) {
    case 'end':
      return 'the end of the rule'
    case 'ref':
      return `\${${token.name}}`
    case 'self':
      return '"."'
    case 'num':
      return String(token.value)
    case 'str':
      return `'${token.value}'`
    default:
      return `"${token.value}"`
  }
}
