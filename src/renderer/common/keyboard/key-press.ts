/** The parts of a keyboard event the shortcut rules read (a DOM KeyboardEvent has them). */
export interface KeyPress {
  key: string
  /** Physical key ("KeyM"): Alt+M types "µ" on some layouts, the code stays the same. */
  code?: string
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  shiftKey: boolean
}

/** Ctrl on Windows and Linux, Cmd on a Mac. */
export function hasCommandKey(press: KeyPress): boolean {
  return press.ctrlKey || press.metaKey
}

/** Any of Ctrl, Alt or Cmd: the key is a command, not a character typed. */
export function hasModifier(press: KeyPress): boolean {
  return press.ctrlKey || press.altKey || press.metaKey
}

/** Whether the key is the letter `letter` (either case, or by its physical key). */
export function isLetter(press: KeyPress, letter: string): boolean {
  return press.key.toLowerCase() === letter || press.code === `Key${letter.toUpperCase()}`
}

/** The digit 1–9 pressed (top row or keypad), or null. */
export function digitOf(press: KeyPress): number | null {
  return /^[1-9]$/.test(press.key) ? Number(press.key) : null
}
