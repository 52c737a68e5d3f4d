import { foldText } from '../text/fold'

/** Longest village name accepted ("Tổ dân phố …" names are short; this leaves room). */
export const MAX_VILLAGE_NAME_LENGTH = 100

/**
 * A village name as stored: Unicode NFC (a name typed on a phone and one pasted from Excel
 * compare equal) with runs of whitespace collapsed and the ends trimmed.
 */
export function normalizeVillageName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/**
 * The key two names of the same commune must not share: "Thôn Nà Thác", "thon na thac" and
 * "Thôn  Nà-Thác" are one village.
 */
export function villageNameKey(name: string): string {
  return foldText(name)
}
