import type { Answer, Answers } from '../forms/form-response.schema'
import { type ByteReader, type ByteWriter, MAX_ZIGZAG_MAGNITUDE } from './batch-bytes'
import { BatchError } from './batch-error'
import type { AnswerSlot } from './batch-form-layout.node.js'
import { isDigitString, readDigits, writeDigits } from './batch-payload-values'

/**
 * Answers in the batch payload. Each question of the form has a position (its slot) and is
 * written as one tag byte, then the value the tag calls for; answers whose key is not a
 * question of the form follow as (key, tagged value) pairs, so any valid response round-trips
 * exactly — the form only makes the usual answers small. Tags:
 *
 *   0 absent · 1 null · 2 false · 3 true · 4 integer (zigzag varint) · 5 number (float64)
 *   · 6 text · 7 list of texts · 8 list of choice indexes · 9 set of choices (bitmask)
 *   · 10 digit string (grammar 3 only) · 16 + i the slot's choice i (i < 240)
 *
 * Tags 8, 9 and 16+ appear only in slots with choices; tag 0 only in slots. In grammar 3
 * (format version 3) a text of 1 to 15 ASCII digits that is not a choice is always tag 10,
 * and a text is never a choice of its slot.
 */

export const TAG = {
  absent: 0,
  null: 1,
  false: 2,
  true: 3,
  integer: 4,
  number: 5,
  text: 6,
  texts: 7,
  choiceList: 8,
  choiceSet: 9,
  digits: 10,
  choice: 16,
} as const
const MAX_CHOICE_TAG = 0xff - TAG.choice

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
/** A UTF-16 surrogate without its partner cannot be written as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Writes text as varint length + UTF-8; text with a lone surrogate is refused. */
export function writeText(w: ByteWriter, text: string): void {
  if (LONE_SURROGATE.test(text)) {
    throw new BatchError('revision_invalid', 'A text contains an unpaired UTF-16 surrogate')
  }
  const bytes = encoder.encode(text)
  w.varint(bytes.length)
  w.bytes(bytes)
}

/** Reads text written by writeText; invalid UTF-8 is malformed. */
export function readText(r: ByteReader): string {
  const bytes = r.bytes(r.count(1))
  try {
    return decoder.decode(bytes)
  } catch {
    return r.fail('a text is not valid UTF-8')
  }
}

/**
 * Where a payload is written: its structure (revision flags, answer tags, choice sets and
 * counts) and its values (ids, times, texts, numbers). Grammar 1 writes both to one writer,
 * interleaved; grammar 3 (`compact`) to two, so that the structure of every household sits
 * together, where a preset dictionary and the compressor find it (docs/batch-format.md).
 */
export interface PayloadWriter {
  tags: ByteWriter
  values: ByteWriter
  compact: boolean
}

/** What reads a PayloadWriter's output: one reader for both in grammar 1. */
export interface PayloadReader {
  tags: ByteReader
  values: ByteReader
  compact: boolean
}

/** The answers of one scope: a tag per slot, then the answers no slot holds. */
export function writeAnswers(
  w: PayloadWriter,
  slots: readonly AnswerSlot[],
  answers: Answers,
): void {
  const own = new Set<string>()
  for (const slot of slots) {
    own.add(slot.id)
    const value = Object.hasOwn(answers, slot.id) ? answers[slot.id] : undefined
    if (value === undefined) w.tags.u8(TAG.absent)
    else writeValue(w, value, slot)
  }
  const extras = Object.keys(answers).filter((key) => !own.has(key))
  w.tags.varint(extras.length)
  for (const key of extras) {
    writeText(w.values, key)
    writeValue(w, answers[key] as Answer, null)
  }
}

/** Reads what writeAnswers wrote for the same slots and grammar. */
export function readAnswers(r: PayloadReader, slots: readonly AnswerSlot[]): Answers {
  const answers: Answers = {}
  for (const slot of slots) {
    const tag = r.tags.u8()
    if (tag !== TAG.absent) setAnswer(r.tags, answers, slot.id, readValue(r, tag, slot))
  }
  // Each extra takes a tag byte and a key (grammar 1: both from the one reader).
  const extras = r.tags.count(r.compact ? 1 : 2)
  for (let i = 0; i < extras; i++) {
    const key = readText(r.values)
    const tag = r.tags.u8()
    if (tag === TAG.absent) r.tags.fail('an extra answer has no value')
    if (slots.some((slot) => slot.id === key)) r.tags.fail(`answer "${key}" is written twice`)
    setAnswer(r.tags, answers, key, readValue(r, tag, null))
  }
  return answers
}

/**
 * Own data property even for `__proto__` (which assignment would take as the prototype);
 * a repeated key is malformed. Other keys are assigned: objects filled in the same slot
 * order then share one shape, which defining every property would not give.
 */
function setAnswer(r: ByteReader, answers: Answers, key: string, value: Answer): void {
  if (Object.hasOwn(answers, key)) r.fail(`answer "${key}" is written twice`)
  if (key !== '__proto__') answers[key] = value
  else
    Object.defineProperty(answers, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
}

function writeValue(w: PayloadWriter, value: Answer, slot: AnswerSlot | null): void {
  if (value === null) w.tags.u8(TAG.null)
  else if (typeof value === 'boolean') w.tags.u8(value ? TAG.true : TAG.false)
  else if (typeof value === 'number') writeNumber(w, value)
  else if (typeof value === 'string') writeString(w, value, slot)
  else writeList(w, value, slot)
}

function writeNumber(w: PayloadWriter, value: number): void {
  if (isCompactInteger(value)) {
    w.tags.u8(TAG.integer)
    w.values.zigzag(value)
  } else {
    w.tags.u8(TAG.number)
    w.values.f64(value)
  }
}

/** Integers the zigzag varint carries exactly; everything else is a float64. */
function isCompactInteger(value: number): boolean {
  return Number.isInteger(value) && !Object.is(value, -0) && Math.abs(value) < MAX_ZIGZAG_MAGNITUDE
}

function writeString(w: PayloadWriter, value: string, slot: AnswerSlot | null): void {
  const index = slot?.choiceIndex?.get(value)
  if (index !== undefined && index <= MAX_CHOICE_TAG) {
    w.tags.u8(TAG.choice + index)
  } else if (w.compact && isDigitString(value)) {
    w.tags.u8(TAG.digits)
    writeDigits(w.values, value)
  } else {
    w.tags.u8(TAG.text)
    writeText(w.values, value)
  }
}

function writeList(w: PayloadWriter, values: readonly string[], slot: AnswerSlot | null): void {
  const indexes = choiceIndexes(values, slot)
  if (!indexes || !slot?.choices) {
    w.tags.u8(TAG.texts)
    w.values.varint(values.length)
    for (const value of values) writeText(w.values, value)
  } else if (indexes.every((index, k) => k === 0 || index > (indexes[k - 1] as number))) {
    writeChoiceSet(w, indexes, slot.choices.length)
  } else {
    w.tags.u8(TAG.choiceList)
    w.values.varint(indexes.length)
    for (const index of indexes) w.values.varint(index)
  }
}

/** The choice index of every value, or null when one is not a choice of the slot. */
function choiceIndexes(values: readonly string[], slot: AnswerSlot | null): number[] | null {
  const lookup = slot?.choiceIndex
  if (!lookup) return null
  const indexes: number[] = []
  for (const value of values) {
    const index = lookup.get(value)
    if (index === undefined) return null
    indexes.push(index)
  }
  return indexes
}

/** Bit i (bit i % 8 of byte ⌊i / 8⌋) set when choice i is selected; part of the structure. */
function writeChoiceSet(w: PayloadWriter, indexes: readonly number[], choiceCount: number): void {
  const mask = new Uint8Array(Math.ceil(choiceCount / 8))
  for (const index of indexes) mask[index >> 3] = (mask[index >> 3] ?? 0) | (1 << (index & 7))
  w.tags.u8(TAG.choiceSet)
  w.tags.bytes(mask)
}

function readValue(r: PayloadReader, tag: number, slot: AnswerSlot | null): Answer {
  const v = r.values
  switch (tag) {
    case TAG.null:
      return null
    case TAG.false:
      return false
    case TAG.true:
      return true
    case TAG.integer:
      return v.zigzag()
    case TAG.number:
      return readFloat(v)
    case TAG.text:
      return r.compact ? readCompactText(v, slot) : readText(v)
    case TAG.digits:
      return r.compact ? readDigits(v) : r.tags.fail(`unknown answer tag ${tag}`)
    case TAG.texts:
      return Array.from({ length: v.count(1) }, () => readText(v))
    case TAG.choiceList:
      return Array.from({ length: v.count(1) }, () => choiceOf(v, slot, v.varint()))
    case TAG.choiceSet:
      return readChoiceSet(r.tags, slot)
    default:
      if (tag >= TAG.choice) return choiceOf(r.tags, slot, tag - TAG.choice)
      return r.tags.fail(`unknown answer tag ${tag}`)
  }
}

/** In grammar 3 a text tag never holds what the digits or a choice tag would have carried. */
function readCompactText(r: ByteReader, slot: AnswerSlot | null): string {
  const text = readText(r)
  if (isDigitString(text)) r.fail('a digit string is written as a text')
  const index = slot?.choiceIndex?.get(text)
  if (index !== undefined && index <= MAX_CHOICE_TAG) r.fail('a choice is written as a text')
  return text
}

/** A float that the integer tag would have carried is non-canonical, hence malformed. */
function readFloat(r: ByteReader): number {
  const value = r.f64()
  if (!Number.isFinite(value)) r.fail('a number is not finite')
  if (isCompactInteger(value)) r.fail('an integer is written as a float')
  return value
}

function readChoiceSet(r: ByteReader, slot: AnswerSlot | null): string[] {
  const choices = slot?.choices
  if (!choices) return r.fail('a choice set outside a choice question')
  const mask = r.bytes(Math.ceil(choices.length / 8))
  const selected: string[] = []
  for (let i = 0; i < mask.length * 8; i++) {
    if (((mask[i >> 3] ?? 0) & (1 << (i & 7))) === 0) continue
    selected.push(choiceOf(r, slot, i))
  }
  return selected
}

function choiceOf(r: ByteReader, slot: AnswerSlot | null, index: number): string {
  const value = slot?.choices?.[index]
  return value ?? r.fail(`choice ${index} is not a choice of the question`)
}
