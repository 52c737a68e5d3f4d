import type { LogFields } from './logger'

/*
 * Logs leave the laptop (a diagnostics bundle goes to support), so nothing personal may be
 * in them: no names, phones, citizen ids, answers, addresses, and no OS account name in a
 * path. Callers log event names and codes; this is the net under that rule, applied to
 * every entry before it is written anywhere.
 */

/** A path to show by a label instead (the app folder, the data folder, the home folder). */
export interface KnownPath {
  path: string
  label: string
}

const EVENT = /^[a-z][a-z0-9_.]{0,63}$/
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/
/** Field names whose values are personal or free text by nature: dropped whatever they hold. */
const PERSONAL_KEY =
  /name|phone|citizen|cccd|cmnd|answer|response|address|email|birth|note|message|comment|text|content/i
/** Only stack frames may hold text with spaces; everywhere else free text is dropped. */
const TEXT_KEYS = new Set(['frames'])
const MAX_STRING = 2000

/** Tokens that are ids or stamps, kept as they are before digit runs are scrubbed. */
const SAFE_TOKENS = [
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, // UUID
  /\d{15}-\d{5}-[0-9a-f]{16}/g, // hybrid logical clock stamp
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?/g, // ISO time
]
const USER_HOME = /((?:^|[\s(/\\'"`])(?:[A-Za-z]:)?[/\\](?:home|Users|users)[/\\])[^/\\\s)'"`]+/g
const EMAIL = /[^\s@()]+@[^\s@()]+\.[^\s@()]+/g
/** 7 or more digits, possibly split by single spaces, dots or dashes: phones, citizen ids. */
const DIGIT_RUN = /\+?\d(?:[ .-]?\d){6,}/g
/** A word holding any non-ASCII letter: Vietnamese names and answers. */
const NON_ASCII_WORD = /[^\s/\\()'"`:|]*[^\p{ASCII}][^\s/\\()'"`:|]*/gu

/** The event name if it is a plain lower-case code, else a placeholder. */
export function redactEvent(event: string): string {
  return EVENT.test(event) ? event : 'event_redacted'
}

/**
 * Fields safe to write: odd keys dropped, personal keys blanked, free text outside stack
 * frames blanked, and in what remains known paths shortened, home folders, e-mails, long
 * digit runs (phones, citizen ids) and non-ASCII words (names, answers) replaced. Numbers
 * of 9 to 12 digits (a phone or a citizen id typed as a number) are blanked too.
 */
export function redactFields(
  fields: LogFields | undefined,
  paths: readonly KnownPath[] = [],
): LogFields {
  const out: LogFields = {}
  if (!fields) return out
  for (const [key, value] of Object.entries(fields)) {
    if (!KEY.test(key)) continue
    if (value === null || typeof value === 'boolean') {
      out[key] = value
    } else if (PERSONAL_KEY.test(key)) {
      out[key] = '[redacted]'
    } else if (typeof value === 'number') {
      out[key] = redactNumber(value)
    } else if (typeof value === 'string') {
      out[key] = TEXT_KEYS.has(key) || !/\s/.test(value) ? scrubText(value, paths) : '[text]'
    }
  }
  return out
}

/** Replaces what could identify a person in a piece of log text (see redactFields). */
export function scrubText(text: string, paths: readonly KnownPath[] = []): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text
  for (const known of [...paths].sort((a, b) => b.path.length - a.path.length)) {
    if (known.path.length < 2) continue
    for (const variant of pathVariants(known.path)) {
      out = out.split(variant).join(known.label)
    }
  }
  out = out.replace(USER_HOME, '$1[user]')
  out = out.replace(EMAIL, '[email]')
  const kept: string[] = []
  for (const token of SAFE_TOKENS) {
    out = out.replace(token, (match) => {
      kept.push(match)
      return `<<kept:${kept.length - 1}>>`
    })
  }
  out = out.replace(DIGIT_RUN, '[number]')
  out = out.replace(NON_ASCII_WORD, '[text]')
  return out.replace(/<<kept:(\d+)>>/g, (_m, index: string) => kept[Number(index)] ?? '')
}

function redactNumber(value: number): number | null {
  const digits = Number.isInteger(value) ? String(Math.abs(value)).length : 0
  return digits >= 9 && digits <= 12 ? null : value
}

/** A path as it may appear: as given, with the other slash, and as a file:// URL path. */
function pathVariants(path: string): string[] {
  const forward = path.replace(/\\/g, '/')
  const variants = new Set([path, forward, path.replace(/\//g, '\\'), encodeURI(forward)])
  return [...variants].filter((variant) => variant.length > 1)
}
