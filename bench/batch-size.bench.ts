/**
 * Bytes per household on the wire (and in a file) for sealed batches, next to what the
 * same revisions cost as plain JSON, gzipped JSON, brotli JSON and ODK-style XML
 * submissions (one gzipped XML document per household, as ODK Collect sends them), and next
 * to format version 1 (what devices wrote before version 3, docs/batch-format.md). Also
 * times sealing (the desktop's export) and opening (the server's verify, decrypt, decode
 * and validate). Prints a table and writes bench-results/batch-size.json. Asserts nothing.
 *
 *   npx tsx bench/batch-size.bench.ts [runs]
 *
 * Households are realistic (tests/fixtures/batches/realistic-households.ts): 6 members,
 * Vietnamese names, UUIDv7 ids with real entropy, varied answers, all valid.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib'
import { defaultHouseholdForm } from '../src/shared/forms/default-household-form'
import type { Item } from '../src/shared/forms/form-definition.schema'
import type { Answer, Answers } from '../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../src/shared/household/household-revision.schema'
import { openBatch, readBatchManifest, sealBatch } from '../src/shared/sync/batch-codec.node.js'
import {
  BROTLI_QUALITY,
  BROTLI_QUALITY_SMALL,
  SMALL_PAYLOAD_BYTES,
} from '../src/shared/sync/batch-compression.node.js'
import { knownDevice, openKeys, sealKeys } from '../tests/fixtures/batches/batch-keys'
import {
  BATCH_ID,
  builtinFormLookup,
  COMMUNE,
  CREATED_AT,
} from '../tests/fixtures/batches/hostile-corpus'
import { DEVICE_ID, realisticRevisions } from '../tests/fixtures/batches/realistic-households'

const SIZES = [1, 10, 100, 1000, 5000]
const RUNS = Number(process.argv[2] ?? 3)

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN
}

async function timed<T>(
  runs: number,
  work: () => T | Promise<T>,
): Promise<{ result: T; ms: number }> {
  const samples: number[] = []
  let result: T | undefined
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = await work()
    samples.push(performance.now() - t0)
  }
  return { result: result as T, ms: median(samples) }
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function xmlValue(value: Answer | undefined): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return xmlEscape(value.join(' '))
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return xmlEscape(String(value))
}

/** Every question present, empty when unanswered, groups nested: as ODK Collect writes them. */
function xmlItems(items: readonly Item[], answers: Answers): string {
  return items
    .map((item) => {
      if (item.kind === 'group') return `<${item.id}>${xmlItems(item.items, answers)}</${item.id}>`
      const value = xmlValue(answers[item.id])
      return value === '' ? `<${item.id}/>` : `<${item.id}>${value}</${item.id}>`
    })
    .join('')
}

/** One household as an ODK submission; the metadata carries what a revision carries. */
function odkXml(revision: HouseholdRevision): string {
  const form = defaultHouseholdForm
  const body = form.sections
    .map((section) => {
      if (section.kind === 'fields')
        return `<${section.id}>${xmlItems(section.items, revision.response.answers)}</${section.id}>`
      return (revision.response.repeats[section.id] ?? [])
        .map(
          (row) =>
            `<${section.id}><row_id>${row.id}</row_id>${xmlItems(section.items, row.answers)}</${section.id}>`,
        )
        .join('')
    })
    .join('')
  const meta = [
    `<household_id>${revision.householdId}</household_id><visit_id>${revision.visitId}</visit_id>`,
    `<deviceid>${revision.deviceId}</deviceid><commune>${revision.communeCode}</commune><village_code>${revision.villageCode}</village_code>`,
    `<hlc>${revision.hlc}</hlc><today>${revision.visitDate}</today><end>${revision.savedAt}</end>`,
    revision.enumerator
      ? `<username>${xmlEscape(revision.enumerator.name)}</username><enumerator_id>${revision.enumerator.id}</enumerator_id>`
      : '',
  ].join('')
  const deprecated = revision.baseRevisionId
    ? `<deprecatedID>uuid:${revision.baseRevisionId}</deprecatedID>`
    : ''
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" id="${form.id}" version="${form.version}">` +
    `${meta}${body}<meta><instanceID>uuid:${revision.id}</instanceID>${deprecated}</meta></data>`
  )
}

const brotli = (bytes: Uint8Array, quality: number) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })

interface Row {
  households: number
  sealedBytes: number
  sealedCodec: string
  sealedV1Bytes: number
  sealedQ11Bytes: number
  jsonBytes: number
  gzipJsonBytes: number
  brotliJsonBytes: number
  odkXmlGzipBytes: number
  sealMs: number
  sealQ11Ms: number
  openMs: number
  gzipJsonMs: number
  gunzipJsonMs: number
}

async function measure(households: number): Promise<Row> {
  const revisions = realisticRevisions({ count: households, seed: 42 })
  const input = {
    batchId: BATCH_ID,
    deviceId: DEVICE_ID,
    communeCode: COMMUNE,
    createdAt: CREATED_AT,
    revisions,
    ...sealKeys(),
    forms: builtinFormLookup,
  }
  const runs = households >= 5000 ? Math.min(RUNS, 2) : RUNS
  const sealed = await timed(runs, () => sealBatch(input))
  const sealedQ11 = await timed(1, () => sealBatch(input, { brotliQuality: 11 }))
  const sealedV1 = sealBatch(input, { legacyFormat: true })
  const reader = {
    ...openKeys(),
    devicePublicKey: knownDevice(DEVICE_ID),
    forms: builtinFormLookup,
  }
  const opened = await timed(runs, () => openBatch(sealed.result, reader))
  if (opened.result.revisions.length !== households) throw new Error('the batch did not round-trip')
  // What the HTTP upload sends today: the SyncBatch JSON.
  const json = Buffer.from(
    JSON.stringify({
      batchId: BATCH_ID,
      deviceId: DEVICE_ID,
      communeCode: COMMUNE,
      sentAt: CREATED_AT,
      revisions,
    }),
  )
  const gzipped = await timed(runs, () =>
    gzipSync(Buffer.from(JSON.stringify({ revisions })), { level: 9 }),
  )
  const gunzipped = await timed(
    runs,
    () => JSON.parse(gunzipSync(gzipped.result).toString('utf8')) as unknown,
  )
  const odk = revisions.reduce(
    (sum, r) => sum + gzipSync(Buffer.from(odkXml(r)), { level: 9 }).length,
    0,
  )
  return {
    households,
    sealedBytes: sealed.result.length,
    sealedCodec: readBatchManifest(sealed.result).payload.codec,
    sealedV1Bytes: sealedV1.length,
    sealedQ11Bytes: sealedQ11.result.length,
    jsonBytes: json.length,
    gzipJsonBytes: gzipSync(json, { level: 9 }).length,
    brotliJsonBytes: brotli(json, 11).length,
    odkXmlGzipBytes: odk,
    sealMs: sealed.ms,
    sealQ11Ms: sealedQ11.ms,
    openMs: opened.ms,
    gzipJsonMs: gzipped.ms,
    gunzipJsonMs: gunzipped.ms,
  }
}

const perHousehold = (bytes: number, n: number) => bytes / n
const cell = (value: number, width: number, digits = 0) => value.toFixed(digits).padStart(width)

function printTable(rows: Row[]): void {
  console.log(
    `Bytes per 6-member household. sealed: format version 3, brotli q${BROTLI_QUALITY_SMALL} up to ${SMALL_PAYLOAD_BYTES / 1024} KiB of payload, q${BROTLI_QUALITY} above, or DEFLATE with dictionary 1 when smaller (codec); sealed-v1: format version 1; sealed-q11: always q11. Ratios are baseline ÷ sealed.\n`,
  )
  console.log(
    'households  sealed  sealed-v1  codec                 sealed-q11    JSON  gzip-JSON  brotli-JSON  ODK-XML-gz   JSON÷  gzip÷  XML÷   seal ms  seal-q11 ms  open ms  gzip-JSON ms  gunzip+parse ms',
  )
  for (const r of rows) {
    const n = r.households
    const sealed = perHousehold(r.sealedBytes, n)
    console.log(
      [
        cell(n, 10),
        cell(sealed, 7),
        cell(perHousehold(r.sealedV1Bytes, n), 10),
        r.sealedCodec.padEnd(21),
        cell(perHousehold(r.sealedQ11Bytes, n), 11),
        cell(perHousehold(r.jsonBytes, n), 7),
        cell(perHousehold(r.gzipJsonBytes, n), 10),
        cell(perHousehold(r.brotliJsonBytes, n), 12),
        cell(perHousehold(r.odkXmlGzipBytes, n), 11),
        cell(r.jsonBytes / r.sealedBytes, 6, 1),
        cell(r.gzipJsonBytes / r.sealedBytes, 6, 2),
        cell(r.odkXmlGzipBytes / r.sealedBytes, 5, 2),
        cell(r.sealMs, 9, 1),
        cell(r.sealQ11Ms, 12, 1),
        cell(r.openMs, 8, 1),
        cell(r.gzipJsonMs, 13, 1),
        cell(r.gunzipJsonMs, 16, 1),
      ].join(' '),
    )
  }
}

async function main(): Promise<void> {
  const rows: Row[] = []
  for (const size of SIZES) rows.push(await measure(size))
  printTable(rows)
  const at = (n: number) => rows.find((r) => r.households === n)
  const big = at(1000)
  const largest = at(5000)
  const summary = {
    goalBytesPerHousehold: 400,
    sealedBytesPerHousehold1000: big ? Math.round(big.sealedBytes / big.households) : null,
    gzipJsonBytesPerHousehold1000: big ? Math.round(big.gzipJsonBytes / big.households) : null,
    odkXmlGzipBytesPerHousehold1000: big ? Math.round(big.odkXmlGzipBytes / big.households) : null,
    sealedBytesPerHousehold100: at(100) ? Math.round((at(100)?.sealedBytes ?? 0) / 100) : null,
    sealedBytesSingleHousehold: at(1)?.sealedBytes ?? null,
    sealedV1BytesSingleHousehold: at(1)?.sealedV1Bytes ?? null,
    seal5000Ms: largest ? Math.round(largest.sealMs) : null,
    open5000Ms: largest ? Math.round(largest.openMs) : null,
  }
  console.log(`\n${JSON.stringify(summary)}`)
  const dir = join(process.cwd(), 'bench-results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'batch-size.json'),
    `${JSON.stringify({ when: new Date().toISOString(), brotliQuality: { small: BROTLI_QUALITY_SMALL, large: BROTLI_QUALITY, smallPayloadBytes: SMALL_PAYLOAD_BYTES }, summary, rows }, null, 2)}\n`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
