import { z } from 'zod'
import type { Answers, FormResponse } from '../forms/form-response.schema'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../household/household-revision.schema'

/**
 * The schema check of a decoded revision, at a fraction of a full zod parse. Parsing the
 * whole revision spent most of its time in the response's answer unions, hundreds per
 * revision; here the fields outside the response are still parsed by the revision schema
 * itself (ids, clock stamp, codes, dates, enumerator), and the response is checked by
 * hand against formResponseSchema: plain objects with exactly its keys, answers that are
 * a string, a finite number, a boolean, null or a list of strings, repeat rows with a UUID
 * and answers. It accepts what householdRevisionSchema accepts and answers the same value
 * (zod drops an own `__proto__` key of a record: so does this, in place), never more
 * leniently (tests/shared/sync/batch-revision-check.node.test.ts compares the two).
 */

/** The revision schema but the response (whose check follows by hand). */
const fieldsSchema = householdRevisionSchema.omit({ response: true })
/** The pattern z.uuid() checks with (versions 1–8, RFC variant, nil and max). */
const UUID = z.regexes.uuid()

export type RevisionCheck =
  | { success: true; data: HouseholdRevision }
  | { success: false; path: readonly PropertyKey[]; message: string }

/** Checks a revision as householdRevisionSchema.safeParse would; may strip `__proto__` keys. */
export function checkRevision(revision: HouseholdRevision): RevisionCheck {
  const { response, ...fields } = revision
  const parsed = fieldsSchema.safeParse(fields)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { success: false, path: issue?.path ?? [], message: issue?.message ?? 'invalid' }
  }
  const problem = responseProblem(response)
  if (problem)
    return { success: false, path: ['response', ...problem.path], message: problem.message }
  // No field of the schema transforms its value: the checked revision is the decoded one.
  return { success: true, data: revision }
}

interface Problem {
  path: PropertyKey[]
  message: string
}

const problem = (path: PropertyKey[], message: string): Problem => ({ path, message })

function responseProblem(response: unknown): Problem | null {
  if (!isPlainObject(response)) return problem([], 'the response is not an object')
  if (!onlyKeys(response, 'answers', 'repeats')) {
    return problem([], 'the response has other keys than answers and repeats')
  }
  const { answers, repeats } = response as FormResponse
  const answerProblem = answersProblem(answers)
  if (answerProblem) return problem(['answers', ...answerProblem.path], answerProblem.message)
  return repeatsProblem(repeats)
}

function repeatsProblem(repeats: unknown): Problem | null {
  if (!isPlainObject(repeats)) return problem(['repeats'], 'the repeats are not an object')
  for (const key of recordKeys(repeats)) {
    const rows = repeats[key]
    if (!Array.isArray(rows)) return problem(['repeats', key], 'the rows are not a list')
    for (let i = 0; i < rows.length; i++) {
      const found = rowProblem(rows[i])
      if (found) return problem(['repeats', key, i, ...found.path], found.message)
    }
  }
  return null
}

function rowProblem(row: unknown): Problem | null {
  if (!isPlainObject(row)) return problem([], 'the row is not an object')
  if (!onlyKeys(row, 'id', 'answers')) {
    return problem([], 'the row has other keys than id and answers')
  }
  if (typeof row.id !== 'string' || !UUID.test(row.id)) return problem(['id'], 'Invalid UUID')
  const found = answersProblem(row.answers)
  return found ? problem(['answers', ...found.path], found.message) : null
}

function answersProblem(answers: unknown): Problem | null {
  if (!isPlainObject(answers)) return problem([], 'the answers are not an object')
  for (const key of recordKeys(answers)) {
    if (!isAnswer((answers as Answers)[key])) return problem([key], 'not a valid answer')
  }
  return null
}

/**
 * A record's keys as zod reads them (own, enumerable; the decoder makes no symbol keys); an
 * own `__proto__` is removed, as zod leaves it out of its output.
 */
function recordKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record)
  if (!Object.hasOwn(record, '__proto__')) return keys
  // The own data property named so, not the prototype accessor.
  Reflect.deleteProperty(record, '__proto__')
  return keys.filter((key) => key !== '__proto__')
}

/**
 * Whether a strict object has no keys but these, as zod checks it (`for…in`), and has both:
 * a missing one would be `undefined`, which no value of these schemas may be.
 */
function onlyKeys(value: Record<string, unknown>, first: string, second: string): boolean {
  let count = 0
  for (const key in value) {
    if (key !== first && key !== second) return false
    count++
  }
  return count === 2 && Object.hasOwn(value, first) && Object.hasOwn(value, second)
}

function isAnswer(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object':
      return value === null || (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    default:
      return false
  }
}

/** What zod takes as a record or object: not an array, prototype Object's or none. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
