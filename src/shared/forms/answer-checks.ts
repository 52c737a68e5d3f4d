import { citizenIdBirthYear, decodeCitizenId } from '../vietnam/citizen-id'
import { checkPhone } from '../vietnam/phone'
import type { Question } from './form-definition.schema'
import type { Answer, Answers } from './form-response.schema'
import type { IssueCode } from './validation-issue'

/** One problem with one answer, before it is placed (household or row). */
export interface AnswerProblem {
  severity: 'error' | 'warning'
  code: IssueCode
  params?: Record<string, string | number>
}

/** An answer after its type checks: the value to keep (normalised) and any problems. */
export interface CheckedAnswer {
  value: Answer
  problems: AnswerProblem[]
}

/** Longest text kept when a question sets no maxLength. */
export const DEFAULT_MAX_TEXT = 1000

export interface AnswerCheckContext {
  /** Allowed values for questions whose choices come from reference data. */
  villages?: readonly string[]
  /** The other answers of the same row (for citizen-id cross-checks). */
  siblings: Answers
}

/** Type and format checks of a non-blank answer, by question type. */
export function checkAnswer(q: Question, value: Answer, ctx: AnswerCheckContext): CheckedAnswer {
  switch (q.type) {
    case 'text': {
      if (typeof value !== 'string') return refused(value, 'type')
      const max = q.maxLength ?? DEFAULT_MAX_TEXT
      if (value.length > max) return refused(value, 'too_long', { max })
      return { value: value.trim(), problems: [] }
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return refused(value, 'type')
      if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
        return refused(value, 'out_of_range', { min: q.min ?? '', max: q.max ?? '' })
      }
      return { value, problems: [] }
    }
    case 'yes_no':
      return typeof value === 'boolean' ? { value, problems: [] } : refused(value, 'type')
    case 'date':
      return typeof value === 'string' && isIsoDate(value)
        ? { value, problems: [] }
        : refused(value, 'date_format')
    case 'select_one':
      if (typeof value !== 'string') return refused(value, 'type')
      return allowedChoices(q, ctx).has(value)
        ? { value, problems: [] }
        : refused(value, 'choice_unknown')
    case 'select_multiple':
      return checkMultiple(q, value, ctx)
    case 'phone':
      return checkPhoneAnswer(value)
    case 'citizen_id':
      return checkCitizenIdAnswer(q, value, ctx.siblings)
  }
}

function refused(value: Answer, code: IssueCode, params?: AnswerProblem['params']): CheckedAnswer {
  return { value, problems: [{ severity: 'error', code, ...(params ? { params } : {}) }] }
}

/** Sets made once per parsed question and village list: ingest checks thousands of answers. */
const choiceSets = new WeakMap<object, ReadonlySet<string>>()
const NO_VILLAGES: readonly string[] = []

function allowedChoices(q: Question, ctx: AnswerCheckContext): ReadonlySet<string> {
  const key = q.choicesFrom === 'villages' ? (ctx.villages ?? NO_VILLAGES) : q
  let allowed = choiceSets.get(key)
  if (!allowed) {
    allowed =
      q.choicesFrom === 'villages'
        ? new Set(ctx.villages ?? [])
        : new Set((q.choices ?? []).map((c) => c.value))
    choiceSets.set(key, allowed)
  }
  return allowed
}

function checkMultiple(q: Question, value: Answer, ctx: AnswerCheckContext): CheckedAnswer {
  if (!Array.isArray(value)) return { value, problems: [{ severity: 'error', code: 'type' }] }
  const allowed = allowedChoices(q, ctx)
  const unique = [...new Set(value)]
  if (unique.some((v) => !allowed.has(v))) {
    return { value, problems: [{ severity: 'error', code: 'choice_unknown' }] }
  }
  const exclusive = (q.choices ?? []).filter((c) => c.exclusive).map((c) => c.value)
  if (unique.length > 1 && unique.some((v) => exclusive.includes(v))) {
    return { value, problems: [{ severity: 'error', code: 'choice_exclusive' }] }
  }
  return { value: unique, problems: [] }
}

function checkPhoneAnswer(value: Answer): CheckedAnswer {
  if (typeof value !== 'string') return { value, problems: [{ severity: 'error', code: 'type' }] }
  const phone = checkPhone(value)
  if (!phone.ok) return { value, problems: [{ severity: 'error', code: 'phone_format' }] }
  const problems: AnswerProblem[] = phone.knownPrefix
    ? []
    : [{ severity: 'warning', code: 'phone_unknown_prefix' }]
  return { value: phone.normalized, problems }
}

function checkCitizenIdAnswer(q: Question, value: Answer, siblings: Answers): CheckedAnswer {
  if (typeof value !== 'string') return { value, problems: [{ severity: 'error', code: 'type' }] }
  const id = value.replace(/\s/g, '')
  const facts = decodeCitizenId(id)
  if (!facts) return { value, problems: [{ severity: 'error', code: 'citizen_id_format' }] }
  const problems: AnswerProblem[] = []
  if (!facts.provinceKnown)
    problems.push({ severity: 'warning', code: 'citizen_id_unknown_province' })
  const sex = q.checks?.sex ? siblings[q.checks.sex] : undefined
  if ((sex === 'male' || sex === 'female') && sex !== facts.sex) {
    problems.push({ severity: 'warning', code: 'citizen_id_sex_mismatch' })
  }
  const birthYear = q.checks?.birthYear ? siblings[q.checks.birthYear] : undefined
  if (typeof birthYear === 'number' && birthYear !== citizenIdBirthYear(facts)) {
    problems.push({
      severity: 'warning',
      code: 'citizen_id_birth_year_mismatch',
      params: { expected: citizenIdBirthYear(facts) },
    })
  }
  return { value: id, problems }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}
