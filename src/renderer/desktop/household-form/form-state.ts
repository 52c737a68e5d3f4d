import {
  type Choice,
  type FormDefinition,
  flattenQuestions,
  type Question,
} from '../../../shared/forms/form-definition.schema'
import type { Answer, FormResponse, RepeatRow } from '../../../shared/forms/form-response.schema'

/**
 * Pure edits of a form response. Each returns a new response (React state is never
 * mutated); an `undefined` value removes the answer, since an absent answer is a missing key.
 */

/** A blank response for a new household, with the reference-data questions preset. */
export function newResponse(form: FormDefinition, villageCode: string): FormResponse {
  const answers: FormResponse['answers'] = {}
  for (const section of form.sections) {
    if (section.kind !== 'fields') continue
    for (const q of flattenQuestions(section.items)) {
      if (q.choicesFrom === 'villages') answers[q.id] = villageCode
    }
  }
  const repeats: FormResponse['repeats'] = {}
  for (const section of form.sections) if (section.kind === 'repeat') repeats[section.id] = []
  return { answers, repeats }
}

/** Sets (or removes) one answer, at the household level or in one repeat row. */
export function setAnswer(
  response: FormResponse,
  questionId: string,
  value: Answer | undefined,
  at?: { repeat: string; rowId: string },
): FormResponse {
  if (!at) return { ...response, answers: withAnswer(response.answers, questionId, value) }
  const rows = (response.repeats[at.repeat] ?? []).map((row) =>
    row.id === at.rowId ? { ...row, answers: withAnswer(row.answers, questionId, value) } : row,
  )
  return { ...response, repeats: { ...response.repeats, [at.repeat]: rows } }
}

function withAnswer(
  answers: FormResponse['answers'],
  questionId: string,
  value: Answer | undefined,
): FormResponse['answers'] {
  const next = { ...answers }
  if (value === undefined) delete next[questionId]
  else next[questionId] = value
  return next
}

/** Appends a row (a new member) with a client-made id, empty or with answers preset. */
export function addRow(
  response: FormResponse,
  repeat: string,
  rowId: string,
  answers: RepeatRow['answers'] = {},
): FormResponse {
  const rows: RepeatRow[] = [...(response.repeats[repeat] ?? []), { id: rowId, answers }]
  return { ...response, repeats: { ...response.repeats, [repeat]: rows } }
}

/** Removes one row; the others keep their ids and order. */
export function removeRow(response: FormResponse, repeat: string, rowId: string): FormResponse {
  const rows = (response.repeats[repeat] ?? []).filter((row) => row.id !== rowId)
  return { ...response, repeats: { ...response.repeats, [repeat]: rows } }
}

/** Puts a row back at `index` (undoing a removal); an id already present is not doubled. */
export function insertRow(
  response: FormResponse,
  repeat: string,
  row: RepeatRow,
  index: number,
): FormResponse {
  const rows = (response.repeats[repeat] ?? []).filter((r) => r.id !== row.id)
  rows.splice(Math.max(0, Math.min(index, rows.length)), 0, row)
  return { ...response, repeats: { ...response.repeats, [repeat]: rows } }
}

/** Moves a row up (`delta` −1) or down (+1); at either end it stays where it is. */
export function moveRow(
  response: FormResponse,
  repeat: string,
  rowId: string,
  delta: -1 | 1,
): FormResponse {
  const rows = [...(response.repeats[repeat] ?? [])]
  const from = rows.findIndex((r) => r.id === rowId)
  const to = from + delta
  const moving = rows[from]
  if (from < 0 || to < 0 || to >= rows.length || !moving) return response
  rows.splice(from, 1)
  rows.splice(to, 0, moving)
  return { ...response, repeats: { ...response.repeats, [repeat]: rows } }
}

/**
 * The next selection of a select_multiple after a click. Ticking an exclusive choice ("none
 * of these") clears the others; ticking any other choice clears the exclusive ones.
 */
export function nextMultiSelection(
  choices: readonly Choice[],
  previous: readonly string[],
  next: readonly string[],
): string[] {
  const exclusive = new Set(choices.filter((c) => c.exclusive).map((c) => c.value))
  const added = next.filter((v) => !previous.includes(v))
  if (added.some((v) => exclusive.has(v))) return added.filter((v) => exclusive.has(v)).slice(-1)
  if (added.length > 0) return next.filter((v) => !exclusive.has(v))
  return [...next]
}

/** A typed text as an answer: an empty box is no answer (the key is removed). */
export function textAnswer(text: string): string | undefined {
  return text === '' ? undefined : text
}

/** An integer box as an answer: empty or not a whole number yet is no answer. */
export function integerAnswer(value: string | number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined
}

/** The string answers of a select_multiple (other shapes, from older data, read as none). */
export function multiAnswer(value: Answer | undefined): string[] {
  return Array.isArray(value) ? value : []
}

/** The household-level answer of the first question whose choices are the villages. */
export function villageAnswer(form: FormDefinition, response: FormResponse): string | undefined {
  for (const section of form.sections) {
    if (section.kind !== 'fields') continue
    const q = flattenQuestions(section.items).find((item) => item.choicesFrom === 'villages')
    const value = q ? response.answers[q.id] : undefined
    if (typeof value === 'string') return value
  }
  return undefined
}

/** Every question of the form by id (household and repeat questions share one id space). */
export function questionIndex(form: FormDefinition): Map<string, Question> {
  return new Map(form.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]))
}
