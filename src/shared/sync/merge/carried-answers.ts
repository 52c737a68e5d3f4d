import type { Answer, Answers, FormResponse, RepeatRow } from '../../forms/form-response.schema'
import { sameAnswer } from './merge-responses'

/**
 * A device edits the state it last pulled, and a pulled state may be a merge: it carries
 * answers other devices' revisions set, under the id of its newest revision. The edit's
 * base revision's own response does not hold them, so the edit would look as if it had
 * changed them itself, with its newer stamp, and would beat an edit of theirs it never saw.
 * This tells carried answers from the edit's own changes.
 */

/** A revision's response and its base revision's response (null: no known base). */
export interface RevisionChange {
  response: FormResponse
  base: FormResponse | null
}

/**
 * `incoming` with every answer it only carried over set to `current`'s value, so that a
 * three-way merge from `base` sees it unchanged. An answer differing from `base` is carried
 * when one of `sources` (revisions the pulled state may have merged in: not the edit's own
 * ancestors, and not newer than its base) changed it to the same value. A member row added
 * by a source and no longer in `current` is left out when all its answers were carried.
 */
export function withoutCarried(
  base: FormResponse,
  incoming: FormResponse,
  current: FormResponse,
  sources: readonly RevisionChange[],
): FormResponse {
  if (sources.length === 0) return incoming
  const answers = ownAnswers(base.answers, incoming.answers, current.answers, (key, value) =>
    sources.some((s) => setTo(s, null, null, key, value)),
  )
  const repeats: Record<string, RepeatRow[]> = {}
  for (const [repeatId, rows] of Object.entries(incoming.repeats)) {
    const baseRows = rowsById(base.repeats[repeatId])
    const currentRows = rowsById(current.repeats[repeatId])
    const kept: RepeatRow[] = []
    for (const row of rows) {
      const carried = (key: string, value: Answer | undefined) =>
        sources.some((s) => setTo(s, repeatId, row.id, key, value))
      const baseRow = baseRows.get(row.id)
      const currentRow = currentRows.get(row.id)
      if (!baseRow && !currentRow) {
        const all = Object.entries(row.answers).every(([key, value]) => carried(key, value))
        if (!all) kept.push(row)
        continue
      }
      const own = ownAnswers(baseRow?.answers ?? {}, row.answers, currentRow?.answers, carried)
      kept.push({ id: row.id, answers: own })
    }
    repeats[repeatId] = kept
  }
  return { answers, repeats }
}

/** The incoming answers with the carried ones replaced by the current ones. */
function ownAnswers(
  base: Answers,
  incoming: Answers,
  current: Answers | undefined,
  carried: (key: string, value: Answer | undefined) => boolean,
): Answers {
  const own: Answers = { ...incoming }
  for (const key of new Set([...Object.keys(base), ...Object.keys(incoming)])) {
    const value = incoming[key]
    if (sameAnswer(value, base[key]) || !current || !carried(key, value)) continue
    const held = current[key]
    if (held === undefined) delete own[key]
    else own[key] = held
  }
  return own
}

/** Whether the revision changed the answer to `value` (from its base, or any with no base). */
function setTo(
  change: RevisionChange,
  repeatId: string | null,
  rowId: string | null,
  key: string,
  value: Answer | undefined,
): boolean {
  const after = answerAt(change.response, repeatId, rowId, key)
  if (!sameAnswer(after, value)) return false
  if (!change.base) return true
  return !sameAnswer(answerAt(change.base, repeatId, rowId, key), value)
}

function answerAt(
  response: FormResponse,
  repeatId: string | null,
  rowId: string | null,
  key: string,
): Answer | undefined {
  if (repeatId === null) return response.answers[key]
  return response.repeats[repeatId]?.find((r) => r.id === rowId)?.answers[key]
}

function rowsById(rows: readonly RepeatRow[] | undefined): Map<string, RepeatRow> {
  return new Map((rows ?? []).map((r) => [r.id, r]))
}
