import { useEffect, useRef } from 'react'
import type { DraftAutosave } from './draft-autosave'
import { type FormShortcut, formShortcut } from './form-keyboard'

/**
 * The form-wide keys (Ctrl+Enter / Ctrl+S finalise, Alt+M adds a member) wherever the
 * focus is, except while a dialog is open; and a last write of the draft when the window
 * closes mid-visit (a failure there is shown by the autosave indicator).
 */
export function useFormShortcuts(
  autosave: DraftAutosave,
  enabled: boolean,
  run: (shortcut: FormShortcut) => void,
): void {
  const handler = useRef<(event: KeyboardEvent) => void>(() => undefined)
  handler.current = (event) => {
    const action = formShortcut(event)
    if (!action || !enabled) return
    event.preventDefault()
    run(action)
  }
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handler.current(event)
    const onUnload = () => void autosave.flush().catch(() => undefined)
    document.addEventListener('keydown', onKey)
    window.addEventListener('beforeunload', onUnload)
    return () => {
      document.removeEventListener('keydown', onKey)
      window.removeEventListener('beforeunload', onUnload)
    }
  }, [autosave])
}
