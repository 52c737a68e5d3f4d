import { checkAnswer } from './answer-checks'
import { holds, isBlank } from './expression'
import {
  type FormDefinition,
  flattenQuestions,
  type Item,
  type Question,
  type Section,
} from './form-definition.schema'
import type { Answers, FormResponse, RepeatRow } from './form-response.schema'
import { computeRelevance, type EvaluationContext, type Relevance } from './relevance'
import type { ValidationIssue } from './validation-issue'
import { answerIssue } from './validation-issue'

export interface ValidationContext extends EvaluationContext {
  /** Village codes accepted by questions with `choicesFrom: "villages"`; any when absent. */
  villages?: readonly string[]
}

export interface ValidationResult {
  /** The response as it is kept: hidden and blank answers dropped, values normalised. */
  response: FormResponse
  issues: ValidationIssue[]
  errors: number
  warnings: number
}

/**
 * The one validation used by the desktop (before saving) and the server (at ingest):
 * relevance, required answers, types and formats, constraints, and the Vietnamese citizen
 * id and phone rules. Errors block; warnings are reported and the answer kept.
 */
export function validateResponse(
  form: FormDefinition,
  response: FormResponse,
  ctx: ValidationContext,
): ValidationResult {
  const relevance = computeRelevance(form, response, ctx)
  const issues: ValidationIssue[] = []
  const cleaned: FormResponse = { answers: {}, repeats: {} }
  const villages = ctx.villages

  for (const section of form.sections) {
    if (section.kind === 'fields') {
      const answers = checkQuestions(
        section,
        response.answers,
        relevance,
        undefined,
        villages,
        issues,
      )
      Object.assign(cleaned.answers, answers)
      continue
    }
    if (!relevance.isRelevant(section.id)) continue
    const rows = response.repeats[section.id] ?? []
    checkRowSet(section, rows, issues)
    checkRowCounts(section, rows, relevance, issues)
    cleaned.repeats[section.id] = rows.map((row, index) => ({
      id: row.id,
      answers: checkQuestions(section, row.answers, relevance, { row, index }, villages, issues),
    }))
  }
  const errors = issues.filter((i) => i.severity === 'error').length
  return { response: cleaned, issues, errors, warnings: issues.length - errors }
}

function checkRowSet(
  section: Section,
  rows: readonly RepeatRow[],
  issues: ValidationIssue[],
): void {
  if (section.maxRows !== undefined && rows.length > section.maxRows) {
    issues.push({
      severity: 'error',
      code: 'repeat_too_many_rows',
      questionId: section.id,
      params: { max: section.maxRows },
    })
  }
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    if (seen.has(row.id)) {
      issues.push({ severity: 'error', code: 'type', questionId: section.id, rowIndex: index })
    }
    seen.add(row.id)
  })
}

/** Row-count rules ("exactly one head"): rows are counted where the rule holds in the row. */
function checkRowCounts(
  section: Section,
  rows: readonly RepeatRow[],
  relevance: Relevance,
  issues: ValidationIssue[],
): void {
  for (const rule of section.rowCounts ?? []) {
    const count = rows.filter((row) => holds(rule.where, relevance.scope(row.id))).length
    const tooFew = rule.min !== undefined && count < rule.min
    const tooMany = rule.max !== undefined && count > rule.max
    if (!tooFew && !tooMany) continue
    const params: Record<string, string | number> = { rule: rule.id, count }
    if (rule.min !== undefined) params.min = rule.min
    if (rule.max !== undefined) params.max = rule.max
    issues.push({ severity: 'error', code: 'repeat_row_count', questionId: section.id, params })
  }
}

/** A section's questions, flattened once per parsed form: ingest validates thousands of rows. */
const sectionQuestions = new WeakMap<readonly Item[], Question[]>()
function questionsOf(section: Section): Question[] {
  let questions = sectionQuestions.get(section.items)
  if (!questions) {
    questions = flattenQuestions(section.items)
    sectionQuestions.set(section.items, questions)
  }
  return questions
}

function checkQuestions(
  section: Section,
  answers: Answers,
  relevance: Relevance,
  at: { row: RepeatRow; index: number } | undefined,
  villages: readonly string[] | undefined,
  issues: ValidationIssue[],
): Answers {
  const kept: Answers = {}
  const rowId = at?.row.id
  const place = at ? { repeat: section.id, rowId: at.row.id, rowIndex: at.index } : {}
  for (const q of questionsOf(section)) {
    if (!relevance.isRelevant(q.id, rowId)) continue
    const raw = answers[q.id]
    if (raw === undefined || isBlank(raw)) {
      if (q.required) issues.push(answerIssue(q.id, place, { severity: 'error', code: 'required' }))
      continue
    }
    const checked = checkAnswer(q, raw, { villages, siblings: answers })
    for (const problem of checked.problems) issues.push(answerIssue(q.id, place, problem))
    if (checked.problems.some((p) => p.severity === 'error')) continue
    if (q.constraint && !holds(q.constraint, relevance.scope(rowId, checked.value))) {
      issues.push(answerIssue(q.id, place, { severity: 'error', code: 'constraint' }))
      continue
    }
    kept[q.id] = checked.value
  }
  return kept
}
