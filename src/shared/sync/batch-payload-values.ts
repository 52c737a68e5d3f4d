import type { ByteReader, ByteWriter } from './batch-bytes'

/**
 * Values of the batch payload: dates and times as numbers when their text is canonical, and
 * what the version-3 payload (grammar 3, docs/batch-format.md) writes more compactly than
 * versions 1 and 2: UUIDv7s as their time relative to a reference time and their 10 other
 * bytes, decimal digit strings (phones, citizen ids) as numbers. Each value has exactly one
 * spelling, so decoding and encoding again gives the same bytes.
 */

const DAY_MS = 86_400_000
/** Largest UUIDv7 time: 48 bits of milliseconds. */
const MAX_UUID_MS = 2 ** 48 - 1
/** Digit strings up to 15 digits are numbers below 10^15, safe integers. */
export const MAX_DIGITS = 15
const DIGITS = /^[0-9]{1,15}$/

/** Whether 16 UUID bytes are a UUIDv7 of the RFC 9562 variant (version nibble 7, variant 10). */
function isV7(bytes: Uint8Array): boolean {
  return (bytes[6] ?? 0) >> 4 === 7 && ((bytes[8] ?? 0) & 0xc0) === 0x80
}

/**
 * A UUID as `varint head` then bytes: head 0 is any other UUID, its 16 bytes follow; head
 * h > 0 is a UUIDv7 whose time is `refMs + unzigzag(h − 1)`, its bytes 6 to 15 follow.
 * Takes the UUID's 16 bytes (callers check its text, see batch-payload.node.ts).
 */
export function writeCompactUuid(w: ByteWriter, bytes: Uint8Array, refMs: number): void {
  if (!isV7(bytes)) {
    w.varint(0)
    w.bytes(bytes)
    return
  }
  let ms = 0
  for (let i = 0; i < 6; i++) ms = ms * 256 + (bytes[i] ?? 0)
  const delta = ms - refMs
  w.varint((delta >= 0 ? delta * 2 : -delta * 2 - 1) + 1)
  w.bytes(bytes.subarray(6))
}

/** Reads what writeCompactUuid wrote with the same reference time. */
export function readCompactUuid(r: ByteReader, refMs: number): Uint8Array {
  const head = r.varint()
  if (head === 0) {
    const bytes = r.bytes(16)
    if (isV7(bytes)) r.fail('a UUIDv7 is written in full')
    return bytes
  }
  const z = head - 1
  const ms = refMs + (z % 2 === 0 ? z / 2 : -(z + 1) / 2)
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_UUID_MS) r.fail('a UUID time is out of range')
  const rest = r.bytes(10)
  const bytes = new Uint8Array(16)
  for (let i = 5, rem = ms; i >= 0; i--, rem = Math.floor(rem / 256)) bytes[i] = rem % 256
  bytes.set(rest, 6)
  if (!isV7(bytes)) r.fail('a compact UUID is not a UUIDv7')
  return bytes
}

/** Whether a text is written as a digit string (see writeDigits). */
export function isDigitString(text: string): boolean {
  return DIGITS.test(text)
}

/** A 1 to 15 digit string as `varint length, varint value` (leading zeros kept by the length). */
export function writeDigits(w: ByteWriter, text: string): void {
  w.varint(text.length)
  w.varint(Number(text))
}

/** Reads what writeDigits wrote. */
export function readDigits(r: ByteReader): string {
  const length = r.varint()
  if (length < 1 || length > MAX_DIGITS) r.fail('a digit string has a bad length')
  const value = r.varint()
  if (value >= 10 ** length) r.fail('a digit string is longer than its length')
  return String(value).padStart(length, '0')
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or null when its text would not round-trip. */
export function dateToDays(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return null
  const d = new Date(0)
  d.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  const days = d.getTime() / DAY_MS
  return Number.isInteger(days) && formatDays(days) === date ? days : null
}

function formatDays(days: number): string {
  const iso = new Date(days * DAY_MS).toISOString()
  return iso.startsWith('+') || iso.startsWith('-') ? '' : iso.slice(0, 10)
}

export function daysToDate(r: ByteReader, days: number): string {
  if (Math.abs(days) > 100_000_000) r.fail('a date is out of range')
  return formatDays(days) || r.fail('a date is out of range')
}

/** Epoch ms of an ISO time whose text is exactly what toISOString gives back, else null. */
export function canonicalIsoMs(text: string): number | null {
  const ms = Date.parse(text)
  return Number.isFinite(ms) && new Date(ms).toISOString() === text ? ms : null
}

export function isoOf(r: ByteReader, ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) r.fail('a time is out of range')
  const iso = new Date(ms).toISOString()
  return canonicalIsoMs(iso) === ms ? iso : r.fail('a time is out of range')
}
