import { hasModifier, isLetter, type KeyPress } from '../../common/keyboard/key-press'

/** What a key does on the household list. */
export type ListAction =
  | { kind: 'move'; index: number }
  | { kind: 'open' }
  | { kind: 'focusSearch' }
  | { kind: 'new' }
  /** Esc in the search box: clear it, or leave it when it is empty. */
  | { kind: 'escape' }

export interface ListKeyState {
  /** The focus is in a text box (the search): letters are typing there. */
  inTextField: boolean
  /** Index of the highlighted row, -1 when none. */
  selected: number
  count: number
}

/**
 * The list's keys: ↑/↓ move the highlighted row (also from the search box, which keeps
 * the typing), Enter opens it, "/" jumps to the search box, Esc clears it (or leaves it when
 * empty), and N starts a new household whenever the focus is not in a text box (Alt+N
 * anywhere, since the search box has the focus when the list opens).
 */
export function listKeyAction(press: KeyPress, state: ListKeyState): ListAction | null {
  if (press.altKey && !press.ctrlKey && !press.metaKey && isLetter(press, 'n'))
    return { kind: 'new' }
  if (hasModifier(press)) return null
  const { selected, count } = state
  if (press.key === 'ArrowDown' && count > 0) {
    return { kind: 'move', index: Math.min(selected + 1, count - 1) }
  }
  if (press.key === 'ArrowUp' && count > 0)
    return { kind: 'move', index: Math.max(selected - 1, 0) }
  if (press.key === 'Enter' && selected >= 0 && selected < count) return { kind: 'open' }
  if (state.inTextField) return press.key === 'Escape' ? { kind: 'escape' } : null
  if (press.key === '/') return { kind: 'focusSearch' }
  if (isLetter(press, 'n') && !press.shiftKey) return { kind: 'new' }
  return null
}
