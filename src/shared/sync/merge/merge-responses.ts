import type { Answer, Answers, FormResponse, RepeatRow } from '../../forms/form-response.schema'

/**
 * Field-level three-way merge of household responses (DESIGN.md §5, principle 2). Pure,
 * deterministic and isomorphic: the server folds revisions with it and a device may too.
 */

/** One side of a merge: the revision whose state it is, and its stamp. */
export interface MergeSide {
  revisionId: string
  /** Hybrid logical clock stamp; plain string order is the causal order. */
  hlc: string
}

export interface MergeStamps {
  current: MergeSide
  incoming: MergeSide
  /**
   * The revision that set the current value of a field, when the current state is a fold of
   * several revisions: a field both sides changed is won by the newer of it and `incoming`
   * (and the conflict names it). Without it, or when it answers undefined, `current`.
   */
  currentFieldSide?: (field: FieldRef) => MergeSide | undefined
}

/** Where an answer sits: a household answer (repeat and row null) or a member's answer. */
export interface FieldRef {
  repeatId: string | null
  rowId: string | null
  questionId: string
}

/**
 * The question id a conflict names when one side removed a member row that the other
 * edited: the edit wins (nothing entered is lost) and the removal is the loser.
 */
export const ROW_PRESENCE = '@row'

/** Two sides changed the same answer from the same base to different values. */
export interface MergeConflict {
  scope: 'household' | 'member'
  /** The member row (repeat row id) for scope 'member'. */
  rowId: string | null
  /** Repeat section id for scope 'member' ('members'). */
  repeatId: string | null
  questionId: string
  /** Values are null when the answer is absent on that side. */
  baseValue: Answer
  winnerValue: Answer
  loserValue: Answer
  winnerRevisionId: string
  loserRevisionId: string
}

export interface MergeResult {
  response: FormResponse
  conflicts: MergeConflict[]
}

/**
 * Merges `current` and `incoming`, both edited from `base` (null when the common base is
 * unknown: every field then counts as changed on the side that has it). A field changed on
 * one side only takes that side; changed on both to different values, the newer stamp wins
 * and a conflict is reported. Member rows match by id; rows added on one side are kept, a
 * row removed on one side and untouched on the other is removed, and member order follows
 * the newer side. Swapping current and incoming (with their stamps) gives the same result.
 */
export function mergeResponses(
  base: FormResponse | null,
  current: FormResponse,
  incoming: FormResponse,
  stamps: MergeStamps,
): MergeResult {
  const incomingNewer = isNewer(stamps.incoming, stamps.current)
  const [winner, loser] = incomingNewer
    ? [stamps.incoming, stamps.current]
    : [stamps.current, stamps.incoming]
  const ctx: FieldContext = { incomingNewer, winner, loser, stamps, conflicts: [] }
  const answers = mergeAnswers(base?.answers ?? {}, current.answers, incoming.answers, ctx, null)
  const repeats: Record<string, RepeatRow[]> = {}
  for (const repeatId of sortedUnion(Object.keys(current.repeats), Object.keys(incoming.repeats))) {
    const rows = mergeRows(
      repeatId,
      base ? (base.repeats[repeatId] ?? []) : null,
      current.repeats[repeatId] ?? [],
      incoming.repeats[repeatId] ?? [],
      ctx,
    )
    repeats[repeatId] = rows
  }
  return { response: { answers, repeats }, conflicts: ctx.conflicts }
}

/** Whether `a` is newer than `b`: by stamp, then revision id so that ties are still total. */
export function isNewer(a: MergeSide, b: MergeSide): boolean {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc
  return a.revisionId > b.revisionId
}

interface FieldContext {
  incomingNewer: boolean
  winner: MergeSide
  loser: MergeSide
  stamps: MergeStamps
  conflicts: MergeConflict[]
}

interface RowRef {
  repeatId: string
  rowId: string
}

function mergeAnswers(
  base: Answers,
  current: Answers,
  incoming: Answers,
  ctx: FieldContext,
  row: RowRef | null,
): Answers {
  const merged: Answers = {}
  const keys = sortedUnion(Object.keys(base), Object.keys(current), Object.keys(incoming))
  for (const key of keys) {
    const value = mergeField(base[key], current[key], incoming[key], ctx, row, key)
    if (value !== undefined) merged[key] = value
  }
  return merged
}

function mergeField(
  b: Answer | undefined,
  c: Answer | undefined,
  i: Answer | undefined,
  ctx: FieldContext,
  row: RowRef | null,
  questionId: string,
): Answer | undefined {
  if (sameAnswer(c, i)) return c
  if (sameAnswer(b, c)) return i
  if (sameAnswer(b, i)) return c
  const field = { repeatId: row?.repeatId ?? null, rowId: row?.rowId ?? null, questionId }
  const current = ctx.stamps.currentFieldSide?.(field) ?? ctx.stamps.current
  const incomingWins = isNewer(ctx.stamps.incoming, current)
  const [won, lost] = incomingWins ? [i, c] : [c, i]
  const [winner, loser] = incomingWins
    ? [ctx.stamps.incoming, current]
    : [current, ctx.stamps.incoming]
  ctx.conflicts.push({
    scope: row ? 'member' : 'household',
    rowId: row?.rowId ?? null,
    repeatId: row?.repeatId ?? null,
    questionId,
    baseValue: b ?? null,
    winnerValue: won ?? null,
    loserValue: lost ?? null,
    winnerRevisionId: winner.revisionId,
    loserRevisionId: loser.revisionId,
  })
  return won
}

function mergeRows(
  repeatId: string,
  base: RepeatRow[] | null,
  current: RepeatRow[],
  incoming: RepeatRow[],
  ctx: FieldContext,
): RepeatRow[] {
  const baseById = new Map((base ?? []).map((r) => [r.id, r]))
  const currentById = new Map(current.map((r) => [r.id, r]))
  const incomingById = new Map(incoming.map((r) => [r.id, r]))
  const [newer, older] = ctx.incomingNewer ? [incoming, current] : [current, incoming]
  const order = [...newer.map((r) => r.id)]
  const seen = new Set(order)
  for (const r of older) if (!seen.has(r.id)) order.push(r.id)

  const rows: RepeatRow[] = []
  for (const id of order) {
    const ref = { repeatId, rowId: id }
    const b = baseById.get(id)
    const c = currentById.get(id)
    const i = incomingById.get(id)
    if (c && i) {
      rows.push({ id, answers: mergeAnswers(b?.answers ?? {}, c.answers, i.answers, ctx, ref) })
      continue
    }
    const kept = c ?? i
    if (!kept) continue
    if (!b) {
      rows.push(kept) // added on one side
      continue
    }
    // Removed on one side: the removal stands unless the other side edited the row.
    if (sameAnswer(b.answers, kept.answers)) continue
    rows.push(kept)
    recordRemovalConflict(ctx, ref, c !== undefined)
  }
  return rows
}

/** The edit beat a removal: the side that kept the row is reported as the winner. */
function recordRemovalConflict(ctx: FieldContext, ref: RowRef, keptByCurrent: boolean): void {
  const keptSide = keptByCurrent !== ctx.incomingNewer ? ctx.winner : ctx.loser
  const removedSide = keptSide === ctx.winner ? ctx.loser : ctx.winner
  ctx.conflicts.push({
    scope: 'member',
    rowId: ref.rowId,
    repeatId: ref.repeatId,
    questionId: ROW_PRESENCE,
    baseValue: true,
    winnerValue: true,
    loserValue: false,
    winnerRevisionId: keptSide.revisionId,
    loserRevisionId: removedSide.revisionId,
  })
}

function sortedUnion(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort()
}

/** Deep equality of answers (arrays and answer maps); absent equals absent only. */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, k) => sameAnswer(v, b[k]))
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k) => k in b && sameAnswer(a[k], b[k]))
  }
  return false
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
