import { formatHlc, hlcNodeFromId, parseHlc } from '../clock/hlc'
import type { FormResponse, RepeatRow } from '../forms/form-response.schema'
import type { HouseholdRevision } from '../household/household-revision.schema'
import { readAnswers, readText, writeAnswers, writeText } from './batch-answers.node.js'
import { ByteReader, ByteWriter, fromHex, toHex, uuidToBytes } from './batch-bytes'
import { BatchError } from './batch-error'
import type { FormLayout, RepeatLayout } from './batch-form-layout.node.js'
import type { BatchManifest } from './batch-manifest'

/**
 * The payload before compression: a varint revision count, then each revision as a flags
 * byte and its fields, answers written positionally against its form version's layout
 * (batch-answers.node.ts). What equals the manifest (device id, commune code, the HLC node
 * derived from the device id) is left out and flagged when it differs, and times are
 * numbers when their text is the canonical form — so decoding gives back exactly the
 * revision that was encoded. docs/batch-format.md has the grammar.
 */

/** What the payload shares with its manifest. */
export interface PayloadContext {
  deviceId: string
  communeCode: string
  /** The manifest's forms, in manifest order: a revision names its form by index. */
  layouts: readonly FormLayout[]
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
const DAY_MS = 86_400_000
/** Smallest encoded revision: flags, three ids, hlc, village, form, dates, response. */
const MIN_REVISION_BYTES = 1 + 48 + 2 + 1 + 1 + 2 + 2

/** Encodes revisions; every revision's form must be among the context's layouts. */
export function encodePayload(
  revisions: readonly HouseholdRevision[],
  ctx: PayloadContext,
): Uint8Array {
  const w = new ByteWriter(1024 * Math.max(1, revisions.length))
  const formIndex = new Map(
    ctx.layouts.map((layout, i) => [`${layout.formId}@${layout.version}`, i]),
  )
  w.varint(revisions.length)
  for (const revision of revisions) {
    const index = formIndex.get(`${revision.formId}@${revision.formVersion}`)
    const layout = index === undefined ? undefined : ctx.layouts[index]
    if (index === undefined || !layout) {
      throw new BatchError(
        'form_unknown',
        `No layout for form ${revision.formId} v${revision.formVersion}`,
      )
    }
    writeRevision(w, revision, ctx, index, layout)
  }
  return w.finish()
}

/** Decodes a payload made by encodePayload with the same context; throws BatchError. */
export function decodePayload(bytes: Uint8Array, ctx: PayloadContext): HouseholdRevision[] {
  const r = new ByteReader(bytes, 'payload')
  const count = r.count(MIN_REVISION_BYTES)
  const revisions: HouseholdRevision[] = []
  for (let i = 0; i < count; i++) revisions.push(readRevision(r, ctx))
  r.end()
  return revisions
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
  w: ByteWriter,
  rev: HouseholdRevision,
  ctx: PayloadContext,
  formIndex: number,
  layout: FormLayout,
): void {
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
  w.u8(flags)
  for (const id of [rev.id, rev.householdId, rev.visitId]) writeUuid(w, id)
  if (rev.baseRevisionId !== null) writeUuid(w, rev.baseRevisionId)
  if (flags & FLAG.ownDevice) writeUuid(w, rev.deviceId)
  w.varint(hlc.ms)
  w.varint(hlc.counter)
  if (flags & FLAG.ownHlcNode) w.bytes(fromHex(hlc.node) ?? new Uint8Array(8))
  if (flags & FLAG.ownCommune) writeText(w, rev.communeCode)
  writeText(w, rev.villageCode)
  w.varint(formIndex)
  if (days === null) writeText(w, rev.visitDate)
  else w.zigzag(days)
  if (savedCompact) w.zigzag(savedDelta)
  else writeText(w, rev.savedAt)
  if (rev.enumerator) {
    writeUuid(w, rev.enumerator.id)
    writeText(w, rev.enumerator.name)
  }
  writeResponse(w, rev.response, layout)
}

function readRevision(r: ByteReader, ctx: PayloadContext): HouseholdRevision {
  const flags = r.u8()
  const enumerator = flags >> ENUMERATOR_SHIFT
  if (enumerator > ENUMERATOR.present) r.fail('unknown enumerator flag')
  const id = r.uuid()
  const householdId = r.uuid()
  const visitId = r.uuid()
  const baseRevisionId = flags & FLAG.baseRevision ? r.uuid() : null
  const deviceId = flags & FLAG.ownDevice ? r.uuid() : ctx.deviceId
  const ms = r.varint()
  const counter = r.varint()
  const node = flags & FLAG.ownHlcNode ? toHex(r.bytes(8)) : hlcNodeOf(r, deviceId)
  if (ms > 999_999_999_999_999 || counter > 99_999) r.fail('a clock stamp is out of range')
  const communeCode = flags & FLAG.ownCommune ? readText(r) : ctx.communeCode
  const villageCode = readText(r)
  const layout = ctx.layouts[r.varint()] ?? r.fail('a revision names a form the manifest lacks')
  const visitDate = flags & FLAG.visitDateText ? readText(r) : daysToDate(r, r.zigzag())
  const savedAt = flags & FLAG.savedAtText ? readText(r) : isoOf(r, ms + r.zigzag())
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
  if (enumerator === ENUMERATOR.present) revision.enumerator = { id: r.uuid(), name: readText(r) }
  revision.response = readResponse(r, layout)
  return revision
}

function writeResponse(w: ByteWriter, response: FormResponse, layout: FormLayout): void {
  writeAnswers(w, layout.fields, response.answers)
  const own = new Set<string>()
  for (const repeat of layout.repeats) {
    own.add(repeat.id)
    const rows = Object.hasOwn(response.repeats, repeat.id)
      ? response.repeats[repeat.id]
      : undefined
    // 0: the repeat is absent; n + 1: n rows (an empty list differs from no list).
    w.varint(rows ? rows.length + 1 : 0)
    for (const row of rows ?? []) writeRow(w, row, repeat)
  }
  const extras = Object.keys(response.repeats).filter((key) => !own.has(key))
  w.varint(extras.length)
  for (const key of extras) {
    const rows = response.repeats[key] ?? []
    writeText(w, key)
    w.varint(rows.length)
    for (const row of rows) writeRow(w, row, null)
  }
}

function readResponse(r: ByteReader, layout: FormLayout): FormResponse {
  const answers = readAnswers(r, layout.fields)
  const repeats: FormResponse['repeats'] = {}
  for (const repeat of layout.repeats) {
    const n = r.count(1)
    if (n === 0) continue
    setRows(r, repeats, repeat.id, readRows(r, n - 1, repeat))
  }
  const extras = r.count(2)
  for (let i = 0; i < extras; i++) {
    const key = readText(r)
    if (layout.repeats.some((repeat) => repeat.id === key))
      r.fail(`repeat "${key}" is written twice`)
    setRows(r, repeats, key, readRows(r, r.count(17), null))
  }
  return { answers, repeats }
}

function writeRow(w: ByteWriter, row: RepeatRow, repeat: RepeatLayout | null): void {
  writeUuid(w, row.id)
  writeAnswers(w, repeat?.slots ?? [], row.answers)
}

function readRows(r: ByteReader, n: number, repeat: RepeatLayout | null): RepeatRow[] {
  if (n * 17 > r.remaining) r.fail(`a count of ${n} rows exceeds the data`)
  return Array.from({ length: n }, () => ({
    id: r.uuid(),
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

function writeUuid(w: ByteWriter, uuid: string): void {
  const bytes = uuidToBytes(uuid)
  if (!bytes) throw new BatchError('revision_invalid', `Not a UUID: ${uuid}`)
  // Text form is canonical lower case on decoding; upper case would not round-trip.
  if (uuid !== uuid.toLowerCase())
    throw new BatchError('revision_invalid', `UUID not in lower case: ${uuid}`)
  w.bytes(bytes)
}

function hlcNodeOf(r: ByteReader, deviceId: string): string {
  try {
    return hlcNodeFromId(deviceId)
  } catch {
    return r.fail('the device id gives no clock node')
  }
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

function daysToDate(r: ByteReader, days: number): string {
  if (Math.abs(days) > 100_000_000) r.fail('a date is out of range')
  return formatDays(days) || r.fail('a date is out of range')
}

/** Epoch ms of an ISO time whose text is exactly what toISOString gives back, else null. */
export function canonicalIsoMs(text: string): number | null {
  const ms = Date.parse(text)
  return Number.isFinite(ms) && new Date(ms).toISOString() === text ? ms : null
}

function isoOf(r: ByteReader, ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) r.fail('a time is out of range')
  const iso = new Date(ms).toISOString()
  return canonicalIsoMs(iso) === ms ? iso : r.fail('a time is out of range')
}
