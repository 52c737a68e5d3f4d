import { toBase64 } from './batch-base64'
import { ByteReader, ByteWriter, MAX_ZIGZAG_MAGNITUDE, toHex } from './batch-bytes'
import { BatchError } from './batch-error'
import {
  BATCH_FORMAT_VERSION_COMPACT,
  BATCH_MAGIC,
  BUILTIN_FORM_ID,
  DEVICE_PUBLIC_KEY_BYTES,
  EPHEMERAL_KEY_BYTES,
  EXTENSION_ENROLMENT_CLAIM,
  GCM_TAG_BYTES,
  KEY_ID_BYTES,
  LAYOUT_HASH_BYTES,
  MAX_FORM_ID_LENGTH,
  MAX_FORMS_PER_BATCH,
  MAX_U32,
  PAYLOAD_CODECS,
  SIGNATURE_BYTES,
} from './batch-format'
import type {
  BatchEnrolmentClaim,
  BatchFileLayout,
  BatchFormRef,
  BatchManifest,
} from './batch-manifest'
import {
  ascii,
  asciiBytes,
  base64Bytes,
  checkIdentity,
  hexBytes,
  MAX_TIME_MS,
  uuidBytes,
} from './batch-manifest-fields'

/**
 * The version-3 header and manifest (docs/batch-format.md, "Version 3"): the fields of
 * version 2 without the payload hash (the GCM tag and the signature authenticate the
 * payload), numbers as varints, the
 * creation time relative to the batch id's UUIDv7 time, the commune code as a number, the
 * built-in form's id as length 0, and a codec byte. Pure module.
 *
 *   magic (8) · 03 · varint M · manifest (M) · ephemeral key (32) · ciphertext (P + 16)
 *   · signature (64)
 */

const MAX_COMMUNE = 99_999

/** Header and manifest bytes of a version-3 file (everything before the ephemeral key). */
export function encodeCompactHeader(manifest: BatchManifest): Uint8Array {
  const body = new ByteWriter(128)
  body.bytes(uuidBytes(manifest.batchId))
  body.bytes(uuidBytes(manifest.deviceId))
  const commune = asciiBytes(manifest.communeCode)
  if (!/^\d{5}$/.test(manifest.communeCode)) {
    throw new BatchError('batch_malformed', `Not a commune code: ${manifest.communeCode}`)
  }
  body.varint(Number(ascii(commune)))
  const createdMs = Date.parse(manifest.createdAt)
  if (!Number.isSafeInteger(createdMs) || createdMs < 0 || createdMs > MAX_TIME_MS) {
    throw new BatchError('batch_malformed', `Not a time after 1970: ${manifest.createdAt}`)
  }
  const createdDelta = createdMs - uuidTimeMs(manifest.batchId)
  if (Math.abs(createdDelta) >= MAX_ZIGZAG_MAGNITUDE) {
    throw new BatchError('batch_malformed', 'The creation time is too far from the batch id time')
  }
  body.zigzag(createdDelta)
  body.varint(manifest.counts.revisions)
  body.varint(manifest.counts.households)
  body.varint(manifest.counts.members)
  body.varint(manifest.payload.bytes)
  body.varint(manifest.payload.rawBytes)
  body.u8(PAYLOAD_CODECS.indexOf(manifest.payload.codec))
  body.bytes(hexBytes(manifest.provinceKeyId, KEY_ID_BYTES))
  body.bytes(hexBytes(manifest.deviceKeyId, KEY_ID_BYTES))
  body.varint(manifest.forms.length)
  for (const form of manifest.forms) {
    const id = form.id === BUILTIN_FORM_ID ? '' : form.id
    body.varint(id.length)
    body.bytes(asciiBytes(id))
    body.varint(form.version)
    body.bytes(hexBytes(form.layoutHash, LAYOUT_HASH_BYTES))
  }
  const claim = manifest.enrolmentClaim
  body.u8(claim ? EXTENSION_ENROLMENT_CLAIM : 0)
  if (claim) body.bytes(base64Bytes(claim.devicePublicKey, DEVICE_PUBLIC_KEY_BYTES))
  const manifestBytes = body.finish()
  // Never write what a reader would refuse: read it back.
  readCompactManifest(new ByteReader(manifestBytes, 'manifest'))
  const out = new ByteWriter(BATCH_MAGIC.length + 3 + manifestBytes.length)
  out.bytes(Uint8Array.from(BATCH_MAGIC))
  out.u8(BATCH_FORMAT_VERSION_COMPACT)
  out.varint(manifestBytes.length)
  out.bytes(manifestBytes)
  return out.finish()
}

/**
 * Reads a version-3 file whose magic and version byte the reader has passed: the manifest,
 * then where the ephemeral key, ciphertext and signature lie. `checkBounds` (the reader's
 * limits) runs before the lengths are compared with the file's.
 */
export function parseCompactFile(
  reader: ByteReader,
  bytes: Uint8Array,
  checkBounds: (manifest: BatchManifest) => void,
): BatchFileLayout {
  const manifestLength = reader.varint()
  const prefixEnd = reader.position + manifestLength + EPHEMERAL_KEY_BYTES
  const manifest = readCompactManifest(new ByteReader(reader.bytes(manifestLength), 'manifest'))
  checkBounds(manifest)
  const expected = prefixEnd + manifest.payload.bytes + GCM_TAG_BYTES + SIGNATURE_BYTES
  if (bytes.length !== expected) {
    reader.fail(`the manifest implies ${expected} bytes, the file has ${bytes.length}`)
  }
  const ephemeralKey = reader.bytes(EPHEMERAL_KEY_BYTES)
  const ciphertext = reader.bytes(manifest.payload.bytes + GCM_TAG_BYTES)
  const signatureStart = reader.position
  return {
    manifest,
    prefixEnd,
    ephemeralKey,
    ciphertext,
    signatureStart,
    signature: reader.bytes(SIGNATURE_BYTES),
  }
}

function readCompactManifest(reader: ByteReader): BatchManifest {
  const batchId = reader.uuid()
  const deviceId = reader.uuid()
  const commune = reader.varint()
  if (commune > MAX_COMMUNE) reader.fail('the commune code is not 5 digits')
  const communeCode = String(commune).padStart(5, '0')
  const createdMs = uuidTimeMs(batchId) + reader.zigzag()
  const counts = {
    revisions: u32(reader),
    households: u32(reader),
    members: u32(reader),
  }
  const payloadBytes = u32(reader)
  const rawBytes = u32(reader)
  const codec = PAYLOAD_CODECS[reader.u8()] ?? reader.fail('the payload codec is unknown')
  const provinceKeyId = toHex(reader.bytes(KEY_ID_BYTES))
  const deviceKeyId = toHex(reader.bytes(KEY_ID_BYTES))
  const formCount = reader.varint()
  if (formCount < 1 || formCount > MAX_FORMS_PER_BATCH) {
    reader.fail(`it lists ${formCount} forms (1 to ${MAX_FORMS_PER_BATCH})`)
  }
  const forms: BatchFormRef[] = []
  for (let i = 0; i < formCount; i++) forms.push(readForm(reader))
  const enrolmentClaim = readExtensions(reader)
  reader.end()
  checkIdentity(reader, { communeCode, createdMs, batchId, deviceId, forms })
  return {
    formatVersion: BATCH_FORMAT_VERSION_COMPACT,
    batchId,
    deviceId,
    communeCode,
    createdAt: new Date(createdMs).toISOString(),
    forms,
    counts,
    payload: { bytes: payloadBytes, rawBytes, codec },
    provinceKeyId,
    deviceKeyId,
    ...(enrolmentClaim ? { enrolmentClaim } : {}),
  }
}

/** A form: id length 0 is the built-in form, whose id is never spelt out. */
function readForm(reader: ByteReader): BatchFormRef {
  const length = reader.varint()
  if (length > MAX_FORM_ID_LENGTH) reader.fail('a form id is malformed')
  const spelt = ascii(reader.bytes(length))
  if (spelt === BUILTIN_FORM_ID) reader.fail('the built-in form id is spelt out')
  const version = u32(reader)
  return {
    id: length === 0 ? BUILTIN_FORM_ID : spelt,
    version,
    layoutHash: toHex(reader.bytes(LAYOUT_HASH_BYTES)),
  }
}

/** The extension flags: 0 (none) or 1 (an enrolment claim, its key follows). */
function readExtensions(reader: ByteReader): BatchEnrolmentClaim | null {
  const flags = reader.u8()
  if (flags === 0) return null
  if (flags !== EXTENSION_ENROLMENT_CLAIM) reader.fail(`the extension flags ${flags} are reserved`)
  return { devicePublicKey: toBase64(reader.bytes(DEVICE_PUBLIC_KEY_BYTES)) }
}

function u32(reader: ByteReader): number {
  const value = reader.varint()
  if (value > MAX_U32) reader.fail('a count or length is too large')
  return value
}

/** The 48-bit time of a UUID's first 6 bytes (a UUIDv7's milliseconds). */
function uuidTimeMs(uuid: string): number {
  return Number.parseInt(uuid.replace(/-/g, '').slice(0, 12), 16)
}
