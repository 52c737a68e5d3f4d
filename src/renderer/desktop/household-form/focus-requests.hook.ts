import { type RefObject, useEffect, useState } from 'react'
import { focusBlock, questionBlocks } from './form-focus'

/** Where the focus should go once the screen has drawn the latest change. */
export type FocusRequest =
  | {
      kind: 'question'
      /** DOM id of a question block, or of another field (the visit date). */
      targetId: string
      scroll: 'center' | 'nearest'
      /** When the target is not on screen (no longer asked), focus the first question. */
      fallback: boolean
      /** Select a preset text so typing replaces it. */
      select?: boolean
    }
  | { kind: 'member'; rowId: string }
  | { kind: 'undo' }

/**
 * Focus moves that must wait for React to draw first (a member just opened, a question
 * just made relevant). `ready` turns true once the first request has been carried out:
 * the form is then interactive at the right question.
 */
export function useFocusRequests(
  rootRef: RefObject<HTMLElement | null>,
  targets: { undo: RefObject<HTMLButtonElement | null> },
) {
  const [pending, setPending] = useState<FocusRequest | null>(null)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    if (!pending) return
    setPending(null)
    const root = rootRef.current
    if (root) carryOut(pending, root, targets.undo.current)
    setReady(true)
  }, [pending, rootRef, targets.undo])

  return { request: setPending, ready }
}

function carryOut(request: FocusRequest, root: HTMLElement, undo: HTMLButtonElement | null): void {
  if (request.kind === 'undo') {
    undo?.focus()
    return
  }
  if (request.kind === 'member') {
    const panel = root.querySelector(`[data-member-id="${CSS.escape(request.rowId)}"]`)
    const first = panel ? questionBlocks(panel)[0] : undefined
    if (first) focusBlock(first)
    return
  }
  const target = request.targetId ? document.getElementById(request.targetId) : null
  if (target?.dataset.question) {
    focusBlock(target, request.scroll)
    const active = document.activeElement
    if (request.select && active instanceof HTMLInputElement) active.select()
    return
  }
  if (target) {
    target.scrollIntoView({ block: request.scroll })
    const input = target.querySelector<HTMLElement>('input, textarea, button')
    ;(input ?? target).focus({ preventScroll: true })
    return
  }
  const first = request.fallback ? questionBlocks(root)[0] : undefined
  if (first) focusBlock(first, 'nearest')
}
