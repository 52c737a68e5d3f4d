import { type FormDefinition, flattenQuestions } from '../../../shared/forms/form-definition.schema'
import type {
  Answer,
  Answers,
  FormResponse,
  RepeatRow,
} from '../../../shared/forms/form-response.schema'

/** One answer that differs between two visits; `undefined` is "no answer". */
export interface AnswerChange {
  before: Answer | undefined
  after: Answer | undefined
}

/**
 * What changed from one state of a household to the next. Members are matched by their
 * row id, which stays the same across visits, so a renamed member is a change, not a
 * removal and an addition.
 */
export interface ResponseDiff {
  /** Household-level answers by question id. */
  household: ReadonlyMap<string, AnswerChange>
  /** Changed answers of members present in both, by row id then question id. */
  rows: ReadonlyMap<string, ReadonlyMap<string, AnswerChange>>
  /** Row ids of members who were not there before. */
  addedRows: ReadonlySet<string>
  /** Members who were there before and are gone now, per repeat, in their old order. */
  removedRows: readonly { repeat: string; row: RepeatRow }[]
}

/** Blank answers (missing, null, empty text, nothing ticked) all mean "no answer". */
export function isBlankAnswer(value: Answer | undefined): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  return Array.isArray(value) && value.length === 0
}

/**
 * Whether two answers say the same thing: blanks are equal, text is compared trimmed and
 * the ticks of a multiple choice in any order.
 */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (isBlankAnswer(a) || isBlankAnswer(b)) return isBlankAnswer(a) && isBlankAnswer(b)
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    const other = new Set(b)
    return a.every((v) => other.has(v))
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim()
  return a === b
}

function diffAnswers(before: Answers, after: Answers): Map<string, AnswerChange> {
  const changes = new Map<string, AnswerChange>()
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!sameAnswer(before[id], after[id]))
      changes.set(id, { before: before[id], after: after[id] })
  }
  return changes
}

/** Every difference between `previous` and `current`, household answers and members. */
export function diffResponses(previous: FormResponse, current: FormResponse): ResponseDiff {
  const rows = new Map<string, ReadonlyMap<string, AnswerChange>>()
  const addedRows = new Set<string>()
  const removedRows: { repeat: string; row: RepeatRow }[] = []
  for (const repeat of new Set([
    ...Object.keys(previous.repeats),
    ...Object.keys(current.repeats),
  ])) {
    const before = new Map((previous.repeats[repeat] ?? []).map((r) => [r.id, r]))
    const after = current.repeats[repeat] ?? []
    for (const row of after) {
      const old = before.get(row.id)
      if (!old) {
        addedRows.add(row.id)
        continue
      }
      const changed = diffAnswers(old.answers, row.answers)
      if (changed.size > 0) rows.set(row.id, changed)
    }
    const kept = new Set(after.map((r) => r.id))
    for (const row of previous.repeats[repeat] ?? []) {
      if (!kept.has(row.id)) removedRows.push({ repeat, row })
    }
  }
  return {
    household: diffAnswers(previous.answers, current.answers),
    rows,
    addedRows,
    removedRows,
  }
}

/**
 * A change worth marking "đã đổi" on the form: a new answer that differs from the old one.
 * A question not answered yet on this visit (the visit result, the help given, which a
 * revisit starts without) only shows what it was last time.
 */
export function isMarkedChange(change: AnswerChange): boolean {
  return !isBlankAnswer(change.after)
}

/** True when nothing differs. */
export function isUnchanged(diff: ResponseDiff): boolean {
  return (
    diff.household.size === 0 &&
    diff.rows.size === 0 &&
    diff.addedRows.size === 0 &&
    diff.removedRows.length === 0
  )
}

/** One line of a "what changed" list, in form order. */
export type ChangeLine =
  | { kind: 'answer'; questionId: string; repeat?: string; row?: RepeatRow; change: AnswerChange }
  | { kind: 'member_added'; repeat: string; row: RepeatRow }
  | { kind: 'member_removed'; repeat: string; row: RepeatRow }

/**
 * The diff as a list a person reads top to bottom: household answers in the form's
 * question order, then each member (added ones whole, changed ones answer by answer), then
 * the members who are gone.
 */
export function changeLines(
  form: FormDefinition,
  current: FormResponse,
  diff: ResponseDiff,
): ChangeLine[] {
  const lines: ChangeLine[] = []
  for (const section of form.sections) {
    const order = flattenQuestions(section.items).map((q) => q.id)
    if (section.kind === 'fields') {
      for (const id of order) {
        const change = diff.household.get(id)
        if (change) lines.push({ kind: 'answer', questionId: id, change })
      }
      continue
    }
    for (const row of current.repeats[section.id] ?? []) {
      if (diff.addedRows.has(row.id)) {
        lines.push({ kind: 'member_added', repeat: section.id, row })
        continue
      }
      const changes = diff.rows.get(row.id)
      for (const id of order) {
        const change = changes?.get(id)
        if (change) lines.push({ kind: 'answer', questionId: id, repeat: section.id, row, change })
      }
    }
    for (const removed of diff.removedRows) {
      if (removed.repeat === section.id) lines.push({ kind: 'member_removed', ...removed })
    }
  }
  return lines
}
