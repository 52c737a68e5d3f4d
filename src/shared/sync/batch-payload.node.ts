import { formatHlc, hlcNodeFromId, parseHlc } from '../clock/hlc'
import type { FormResponse, RepeatRow } from '../forms/form-response.schema'
import type { HouseholdRevision } from '../household/household-revision.schema'
import {
  type PayloadReader,
  type PayloadWriter,
  readAnswers,
  readText,
  writeAnswers,
  writeText,
} from './batch-answers.node.js'
import { ByteReader, ByteWriter, fromHex, toHex, uuidFromBytes, uuidToBytes } from './batch-bytes'
import { BatchError } from './batch-error'
import type { FormLayout, RepeatLayout } from './batch-form-layout.node.js'
import type { BatchManifest } from './batch-manifest'
import {
  canonicalIsoMs,
  dateToDays,
  daysToDate,
  isoOf,
  readCompactUuid,
  writeCompactUuid,
} from './batch-payload-values'

/**
 * The payload before compression: a varint revision count, then each revision as a flags
 * byte and its fields, answers written positionally against its form version's layout
 * (batch-answers.node.ts). What equals the manifest (device id, commune code, the HLC node
 * derived from the device id) is left out and flagged when it differs, and times are
 * numbers when their text is the canonical form — so decoding gives back exactly the
 * revision that was encoded. docs/batch-format.md has the grammar.
 *
 * Grammar 3 (format version 3, `compact` in the context) writes the same fields in the same
 * order, but split in two streams — `varint length of the structure, structure, values` —
 * and with smaller spellings: the clock time relative to the previous revision's (the
 * first to the batch's creation time), UUIDv7s relative to the revision's clock time, the
 * visit date relative to the clock's day and digit strings as numbers
 * (batch-payload-values.ts).
 */

/** What the payload shares with its manifest. */
export interface PayloadContext {
  deviceId: string
  communeCode: string
  /** The manifest's forms, in manifest order: a revision names its form by index. */
  layouts: readonly FormLayout[]
  /** Grammar 3 (format version 3): the batch's creation time, in ms, anchors the times. */
  compact?: { createdMs: number }
}

/** What grammar 3 carries from one revision to the next. */
interface Cursor {
  /** The previous revision's clock time (the batch's creation time before the first). */
  prevMs: number
}

const FLAG = {
  baseRevision: 1,
  ownDevice: 2,
  ownHlcNode: 4,
  ownCommune: 8,
  visitDateText: 16,
  savedAtText: 32,
} as const
const ENUMERATOR_SHIFT = 6
const ENUMERATOR = { absent: 0, null: 1, present: 2 } as const
/** Smallest encoded revision: flags, three ids, hlc, village, form, dates, response. */
const MIN_REVISION_BYTES = 1 + 48 + 2 + 1 + 1 + 2 + 2
/** Smallest revision structure in grammar 3: flags, form index and two extras counts. */
const MIN_COMPACT_REVISION_TAGS = 4

/** Encodes revisions; every revision's form must be among the context's layouts. */
export function encodePayload(
  revisions: readonly HouseholdRevision[],
  ctx: PayloadContext,
): Uint8Array {
  const values = new ByteWriter(1024 * Math.max(1, revisions.length))
  const tags = ctx.compact ? new ByteWriter(64 * Math.max(1, revisions.length)) : values
  const w: PayloadWriter = { tags, values, compact: ctx.compact !== undefined }
  const formIndex = new Map(
    ctx.layouts.map((layout, i) => [`${layout.formId}@${layout.version}`, i]),
  )
  tags.varint(revisions.length)
  const cursor: Cursor = { prevMs: ctx.compact?.createdMs ?? 0 }
  for (const revision of revisions) {
    const index = formIndex.get(`${revision.formId}@${revision.formVersion}`)
    const layout = index === undefined ? undefined : ctx.layouts[index]
    if (index === undefined || !layout) {
      throw new BatchError(
        'form_unknown',
        `No layout for form ${revision.formId} v${revision.formVersion}`,
      )
    }
    writeRevision(w, revision, ctx, index, layout, cursor)
  }
  if (tags === values) return values.finish()
  const out = new ByteWriter(tags.size + values.size + 8)
  out.varint(tags.size)
  out.bytes(tags.finish())
  out.bytes(values.finish())
  return out.finish()
}

/** Decodes a payload made by encodePayload with the same context; throws BatchError. */
export function decodePayload(bytes: Uint8Array, ctx: PayloadContext): HouseholdRevision[] {
  const r = streamsOf(bytes, ctx)
  const count = r.tags.count(ctx.compact ? MIN_COMPACT_REVISION_TAGS : MIN_REVISION_BYTES)
  const revisions: HouseholdRevision[] = []
  const cursor: Cursor = { prevMs: ctx.compact?.createdMs ?? 0 }
  for (let i = 0; i < count; i++) revisions.push(readRevision(r, ctx, cursor))
  r.tags.end()
  r.values.end()
  return revisions
}

function streamsOf(bytes: Uint8Array, ctx: PayloadContext): PayloadReader {
  const whole = new ByteReader(bytes, 'payload')
  if (!ctx.compact) return { tags: whole, values: whole, compact: false }
  const tagBytes = whole.bytes(whole.varint())
  return {
    tags: new ByteReader(tagBytes, 'payload structure'),
    values: new ByteReader(whole.bytes(whole.remaining), 'payload values'),
    compact: true,
  }
}

/** Revisions, distinct households and distinct repeat rows (the household members). */
export function countsOf(revisions: readonly HouseholdRevision[]): BatchManifest['counts'] {
  const households = new Set<string>()
  const rows = new Set<string>()
  for (const revision of revisions) {
    households.add(revision.householdId)
    for (const list of Object.values(revision.response.repeats)) {
      for (const row of list) rows.add(row.id)
    }
  }
  return { revisions: revisions.length, households: households.size, members: rows.size }
}

function writeRevision(
  w: PayloadWriter,
  rev: HouseholdRevision,
  ctx: PayloadContext,
  formIndex: number,
  layout: FormLayout,
  cursor: Cursor,
): void {
  const v = w.values
  const hlc = parseHlc(rev.hlc)
  const days = dateToDays(rev.visitDate)
  const savedMs = canonicalIsoMs(rev.savedAt)
  const savedDelta = savedMs === null ? null : savedMs - hlc.ms
  const savedCompact = savedDelta !== null && Math.abs(savedDelta) < 2 ** 52
  const enumerator =
    rev.enumerator === undefined
      ? ENUMERATOR.absent
      : rev.enumerator === null
        ? ENUMERATOR.null
        : ENUMERATOR.present
  let flags = enumerator << ENUMERATOR_SHIFT
  if (rev.baseRevisionId !== null) flags |= FLAG.baseRevision
  if (rev.deviceId !== ctx.deviceId) flags |= FLAG.ownDevice
  if (hlc.node !== hlcNodeFromId(rev.deviceId)) flags |= FLAG.ownHlcNode
  if (rev.communeCode !== ctx.communeCode) flags |= FLAG.ownCommune
  if (days === null) flags |= FLAG.visitDateText
  if (!savedCompact) flags |= FLAG.savedAtText
  w.tags.u8(flags)
  const ids = [rev.id, rev.householdId, rev.visitId]
  if (rev.baseRevisionId !== null) ids.push(rev.baseRevisionId)
  if (flags & FLAG.ownDevice) ids.push(rev.deviceId)
  // Grammar 3 writes the clock first: the ids' times are relative to it.
  const refMs = ctx.compact ? hlc.ms : null
  if (ctx.compact) {
    v.zigzag(hlc.ms - cursor.prevMs)
    cursor.prevMs = hlc.ms
    v.varint(hlc.counter)
  }
  for (const id of ids) writeUuid(v, id, refMs)
  if (!ctx.compact) {
    v.varint(hlc.ms)
    v.varint(hlc.counter)
  }
  if (flags & FLAG.ownHlcNode) v.bytes(fromHex(hlc.node) ?? new Uint8Array(8))
  if (flags & FLAG.ownCommune) writeText(v, rev.communeCode)
  writeText(v, rev.villageCode)
  w.tags.varint(formIndex)
  if (days === null) writeText(v, rev.visitDate)
  else v.zigzag(ctx.compact ? days - dayOf(hlc.ms) : days)
  if (savedCompact) v.zigzag(savedDelta)
  else writeText(v, rev.savedAt)
  if (rev.enumerator) {
    writeUuid(v, rev.enumerator.id, refMs)
    writeText(v, rev.enumerator.name)
  }
  writeResponse(w, rev.response, layout, refMs)
}

function readRevision(r: PayloadReader, ctx: PayloadContext, cursor: Cursor): HouseholdRevision {
  const v = r.values
  const flags = r.tags.u8()
  const enumerator = flags >> ENUMERATOR_SHIFT
  if (enumerator > ENUMERATOR.present) r.tags.fail('unknown enumerator flag')
  let ms = 0
  let counter = 0
  if (ctx.compact) {
    ms = clockMs(v, cursor.prevMs + v.zigzag())
    cursor.prevMs = ms
    counter = v.varint()
  }
  const refMs = ctx.compact ? ms : null
  const id = readUuid(v, refMs)
  const householdId = readUuid(v, refMs)
  const visitId = readUuid(v, refMs)
  const baseRevisionId = flags & FLAG.baseRevision ? readUuid(v, refMs) : null
  const deviceId = flags & FLAG.ownDevice ? readUuid(v, refMs) : ctx.deviceId
  if (!ctx.compact) {
    ms = clockMs(v, v.varint())
    counter = v.varint()
  }
  if (counter > 99_999) v.fail('a clock stamp is out of range')
  const node = flags & FLAG.ownHlcNode ? toHex(v.bytes(8)) : hlcNodeOf(v, deviceId)
  const communeCode = flags & FLAG.ownCommune ? readText(v) : ctx.communeCode
  const villageCode = readText(v)
  const layout =
    ctx.layouts[r.tags.varint()] ?? r.tags.fail('a revision names a form the manifest lacks')
  const visitDate =
    flags & FLAG.visitDateText
      ? readText(v)
      : daysToDate(v, v.zigzag() + (ctx.compact ? dayOf(ms) : 0))
  const savedAt = flags & FLAG.savedAtText ? readText(v) : isoOf(v, ms + v.zigzag())
  const revision: HouseholdRevision = {
    id,
    householdId,
    visitId,
    baseRevisionId,
    deviceId,
    hlc: formatHlc({ ms, counter, node }),
    communeCode,
    villageCode,
    formId: layout.formId,
    formVersion: layout.version,
    visitDate,
    savedAt,
    response: { answers: {}, repeats: {} },
  }
  if (enumerator === ENUMERATOR.null) revision.enumerator = null
  if (enumerator === ENUMERATOR.present) {
    revision.enumerator = { id: readUuid(v, refMs), name: readText(v) }
  }
  revision.response = readResponse(r, layout, refMs)
  return revision
}

/** A clock time as a stamp holds it: 15 decimal digits at most. */
function clockMs(r: ByteReader, ms: number): number {
  if (ms < 0 || ms > 999_999_999_999_999) r.fail('a clock stamp is out of range')
  return ms
}

const DAY_MS = 86_400_000
const dayOf = (ms: number) => Math.floor(ms / DAY_MS)

/** `refMs` is the revision's clock time in grammar 3, null in grammar 1. */
function writeResponse(
  w: PayloadWriter,
  response: FormResponse,
  layout: FormLayout,
  refMs: number | null,
): void {
  writeAnswers(w, layout.fields, response.answers)
  const own = new Set<string>()
  for (const repeat of layout.repeats) {
    own.add(repeat.id)
    const rows = Object.hasOwn(response.repeats, repeat.id)
      ? response.repeats[repeat.id]
      : undefined
    // 0: the repeat is absent; n + 1: n rows (an empty list differs from no list).
    w.tags.varint(rows ? rows.length + 1 : 0)
    for (const row of rows ?? []) writeRow(w, row, repeat, refMs)
  }
  const extras = Object.keys(response.repeats).filter((key) => !own.has(key))
  w.tags.varint(extras.length)
  for (const key of extras) {
    const rows = response.repeats[key] ?? []
    writeText(w.values, key)
    w.tags.varint(rows.length)
    for (const row of rows) writeRow(w, row, null, refMs)
  }
}

function readResponse(r: PayloadReader, layout: FormLayout, refMs: number | null): FormResponse {
  const answers = readAnswers(r, layout.fields)
  const repeats: FormResponse['repeats'] = {}
  for (const repeat of layout.repeats) {
    const n = r.tags.count(1)
    if (n === 0) continue
    setRows(r.tags, repeats, repeat.id, readRows(r, n - 1, repeat, refMs))
  }
  // Each extra repeat takes a key and a row count (grammar 1: both from the one reader).
  const extras = r.tags.count(r.compact ? 1 : 2)
  for (let i = 0; i < extras; i++) {
    const key = readText(r.values)
    if (layout.repeats.some((repeat) => repeat.id === key))
      r.tags.fail(`repeat "${key}" is written twice`)
    setRows(r.tags, repeats, key, readRows(r, r.tags.varint(), null, refMs))
  }
  return { answers, repeats }
}

function writeRow(
  w: PayloadWriter,
  row: RepeatRow,
  repeat: RepeatLayout | null,
  refMs: number | null,
): void {
  writeUuid(w.values, row.id, refMs)
  writeAnswers(w, repeat?.slots ?? [], row.answers)
}

/**
 * A row is at least its id (16 bytes, 11 in grammar 3) and its answers' extras count:
 * a count beyond what is left is malformed before anything is allocated.
 */
function readRows(
  r: PayloadReader,
  n: number,
  repeat: RepeatLayout | null,
  refMs: number | null,
): RepeatRow[] {
  const tooMany = r.compact
    ? n * 11 > r.values.remaining || n > r.tags.remaining
    : n * 17 > r.values.remaining
  if (tooMany) r.tags.fail(`a count of ${n} rows exceeds the data`)
  return Array.from({ length: n }, () => ({
    id: readUuid(r.values, refMs),
    answers: readAnswers(r, repeat?.slots ?? []),
  }))
}

function setRows(
  r: ByteReader,
  repeats: FormResponse['repeats'],
  key: string,
  rows: RepeatRow[],
): void {
  if (Object.hasOwn(repeats, key)) r.fail(`repeat "${key}" is written twice`)
  Object.defineProperty(repeats, key, {
    value: rows,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/** A UUID: 16 bytes in grammar 1, compact (relative to `refMs`) in grammar 3. */
function writeUuid(w: ByteWriter, uuid: string, refMs: number | null): void {
  const bytes = uuidToBytes(uuid)
  if (!bytes) throw new BatchError('revision_invalid', `Not a UUID: ${uuid}`)
  // Text form is canonical lower case on decoding; upper case would not round-trip.
  if (uuid !== uuid.toLowerCase())
    throw new BatchError('revision_invalid', `UUID not in lower case: ${uuid}`)
  if (refMs === null) w.bytes(bytes)
  else writeCompactUuid(w, bytes, refMs)
}

function readUuid(r: ByteReader, refMs: number | null): string {
  return refMs === null ? r.uuid() : uuidFromBytes(readCompactUuid(r, refMs))
}

function hlcNodeOf(r: ByteReader, deviceId: string): string {
  try {
    return hlcNodeFromId(deviceId)
  } catch {
    return r.fail('the device id gives no clock node')
  }
}
