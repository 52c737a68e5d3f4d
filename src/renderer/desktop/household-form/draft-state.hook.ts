import { useEffect, useMemo, useRef, useState } from 'react'
import type { Draft, DraftCursor } from '../../../shared/api/ipc.contract'
import type { Section } from '../../../shared/forms/form-definition.schema'
import type { Answer, FormResponse, RepeatRow } from '../../../shared/forms/form-response.schema'
import { newId } from '../../../shared/ids/uuid'
import { callMain } from '../api/desktop.client'
import { type AutosaveState, DraftAutosave } from './draft-autosave'
import { addRow, insertRow, moveRow, removeRow, setAnswer } from './form-state'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The head's name question and the roster's relation question of the default form. */
const HEAD_NAME = 'head_name'
const RELATION = 'relation'
const HEAD = 'head'

/** A member removed a moment ago, kept so the removal can be undone. */
export interface RemovedMember {
  row: RepeatRow
  index: number
}

/**
 * The state of a visit being recorded and every edit to it. Each edit goes to the draft
 * through the autosave (debounced, latest wins), together with the cursor, so a crash
 * loses nothing and reopening lands on the same question. Edits read the latest state from
 * a ref, so keys pressed faster than React renders still build on each other.
 */
export function useDraftState(draft: Draft, roster: Section | undefined) {
  const [response, setResponse] = useState(draft.response)
  const [visitDate, setVisitDate] = useState<string | undefined>(draft.visitDate)
  const [enumeratorId, setEnumeratorId] = useState(draft.enumeratorId)
  const [saveState, setSaveState] = useState<AutosaveState>({ kind: 'saved', at: draft.updatedAt })
  const [openRowId, setOpenRowId] = useState<string | null>(() => initialRow(draft, roster))
  const [removed, setRemoved] = useState<RemovedMember | null>(null)
  const latest = useRef({
    response: draft.response,
    visitDate: draft.visitDate,
    enumeratorId: draft.enumeratorId,
    // Sent only once changed here: the draft keeps its enumerator even if they were
    // deactivated since, and re-sending them would be refused.
    enumeratorChanged: false,
  })
  const cursor = useRef<DraftCursor | null>(draft.cursor)

  const autosave = useMemo(
    () =>
      new DraftAutosave({
        save: (snapshot) => callMain('drafts.update', { id: draft.id, ...snapshot }),
        onState: setSaveState,
      }),
    [draft.id],
  )
  useEffect(
    () => () => {
      // Leaving the screen writes what is left; a failure was already shown by the indicator.
      autosave.flush().catch(() => undefined)
      autosave.dispose()
    },
    [autosave],
  )

  const queueSave = () => {
    const { response: r, visitDate: date, enumeratorId: who, enumeratorChanged } = latest.current
    autosave.change({
      response: r,
      cursor: cursor.current,
      ...(date && ISO_DATE.test(date) ? { visitDate: date } : {}),
      ...(enumeratorChanged ? { enumeratorId: who } : {}),
    })
  }
  const changeResponse = (next: FormResponse) => {
    latest.current.response = next
    setResponse(next)
    queueSave()
  }
  const rows = () => (roster ? (latest.current.response.repeats[roster.id] ?? []) : [])

  return {
    response,
    visitDate,
    enumeratorId,
    saveState,
    openRowId,
    removed,
    autosave,
    latest,
    setOpenRowId,
    /** The focus moved to another question: remember it in the draft. */
    moveCursor(next: DraftCursor) {
      const c = cursor.current
      if (c && c.questionId === next.questionId && c.rowId === next.rowId) return
      cursor.current = next
      queueSave()
    },
    answer(questionId: string, value: Answer | undefined, rowId?: string) {
      const at = rowId && roster ? { repeat: roster.id, rowId } : undefined
      changeResponse(setAnswer(latest.current.response, questionId, value, at))
    },
    changeVisitDate(value: string | undefined) {
      latest.current.visitDate = value ?? ''
      setVisitDate(value)
      queueSave()
    },
    changeEnumerator(id: string | null) {
      latest.current.enumeratorId = id
      latest.current.enumeratorChanged = true
      setEnumeratorId(id)
      queueSave()
    },
    /** Adds a member and opens them; the first member of a new roster is the head. */
    addMember(): { rowId: string; preset: boolean } | null {
      if (!roster) return null
      const id = newId()
      const head = latest.current.response.answers[HEAD_NAME]
      const preset = rows().length === 0 && typeof head === 'string' && head.trim() !== ''
      const answers: RepeatRow['answers'] =
        preset && typeof head === 'string'
          ? { [roster.rowLabel ?? 'full_name']: head.trim(), [RELATION]: HEAD }
          : {}
      changeResponse(addRow(latest.current.response, roster.id, id, answers))
      setOpenRowId(id)
      setRemoved(null)
      return { rowId: id, preset }
    },
    /** Removes a member at once; the roster offers "Hoàn tác" until the next removal. */
    removeMember(rowId: string) {
      if (!roster) return
      const all = rows()
      const index = all.findIndex((r) => r.id === rowId)
      const row = all[index]
      if (!row) return
      changeResponse(removeRow(latest.current.response, roster.id, rowId))
      setRemoved({ row, index })
      setOpenRowId((all[index + 1] ?? all[index - 1])?.id ?? null)
    },
    undoRemove() {
      if (!roster || !removed) return
      changeResponse(insertRow(latest.current.response, roster.id, removed.row, removed.index))
      setOpenRowId(removed.row.id)
      setRemoved(null)
    },
    moveMember(rowId: string, delta: -1 | 1) {
      if (roster) changeResponse(moveRow(latest.current.response, roster.id, rowId, delta))
    },
  }
}

export type DraftState = ReturnType<typeof useDraftState>

/** The member to show on opening: where the cursor was, or the first one. */
function initialRow(draft: Draft, roster: Section | undefined): string | null {
  const rows = roster ? (draft.response.repeats[roster.id] ?? []) : []
  const atCursor = rows.find((r) => r.id === draft.cursor?.rowId)
  return (atCursor ?? rows[0])?.id ?? null
}
