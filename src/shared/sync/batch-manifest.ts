import { toBase64 } from './batch-base64'
import { ByteReader, ByteWriter, toHex } from './batch-bytes'
import { BatchError } from './batch-error'
import {
  BATCH_FORMAT_VERSION,
  BATCH_FORMAT_VERSION_COMPACT,
  BATCH_FORMAT_VERSION_EXTENDED,
  BATCH_MAGIC,
  type BatchFormatVersion,
  type BatchLimits,
  COMMUNE_CODE_BYTES,
  DEFAULT_BATCH_LIMITS,
  DEVICE_PUBLIC_KEY_BYTES,
  EPHEMERAL_KEY_BYTES,
  EXTENSION_ENROLMENT_CLAIM,
  FRAME_BYTES,
  GCM_TAG_BYTES,
  HEADER_BYTES,
  KEY_ID_BYTES,
  LAYOUT_HASH_BYTES,
  MANIFEST_FIXED_BYTES,
  type PayloadCodec,
  SHA256_BYTES,
  SIGNATURE_BYTES,
} from './batch-format'
import { encodeCompactHeader, parseCompactFile } from './batch-manifest-compact'
import {
  ascii,
  asciiBytes,
  base64Bytes,
  checkIdentity,
  hexBytes,
  uuidBytes,
} from './batch-manifest-fields'

/**
 * The manifest: what anyone can read from a batch file without a key (the console inbox,
 * quick rejection), authenticated by the device signature and bound to the ciphertext.
 * Pure module: it parses bytes only, so a browser can show a dropped file's manifest.
 */

/** One form version whose answers the payload encodes. */
export interface BatchFormRef {
  id: string
  version: number
  /** Hex of the form's layout fingerprint (batch-form-layout.node.ts); guards positional decoding. */
  layoutHash: string
}

/**
 * The readable half of an enrolment claim (format version 2): the public key of a laptop
 * enrolled by file, which the server needs to verify the signature before it decrypts
 * anything. The one-time token and the device name travel in the encrypted payload.
 */
export interface BatchEnrolmentClaim {
  /** The device's raw 32-byte Ed25519 public key, standard base64. */
  devicePublicKey: string
}

export interface BatchManifest {
  /**
   * 3 (what devices write), or a file of an earlier writer: 1, or 2 exactly when it carries
   * an extension (an enrolment claim).
   */
  formatVersion: BatchFormatVersion
  /** UUIDv7 made by the device; the server's idempotency key for the batch. */
  batchId: string
  deviceId: string
  communeCode: string
  /** Device wall-clock time of sealing (ISO 8601, UTC); may be far off: devices' clocks are. */
  createdAt: string
  /** Form versions used, in the order revisions refer to them. */
  forms: BatchFormRef[]
  /** Revisions, distinct households and distinct repeat rows (household members). */
  counts: { revisions: number; households: number; members: number }
  payload: {
    /** Length of the compressed plaintext payload (the ciphertext is 16 bytes longer). */
    bytes: number
    /** Length of the payload once decompressed. */
    rawBytes: number
    /**
     * Hex SHA-256 of the compressed plaintext payload (versions 1 and 2; version 3 leaves it
     * out: the GCM tag and the signature already authenticate the payload).
     */
    sha256?: string
    /** How the payload is compressed: always Brotli before version 3. */
    codec: PayloadCodec
  }
  /** Key id of the province X25519 key the payload is encrypted to. */
  provinceKeyId: string
  /** Key id of the device Ed25519 key that signed the file. */
  deviceKeyId: string
  /** Present when a laptop not yet known to the server claims its enrolment (version 2). */
  enrolmentClaim?: BatchEnrolmentClaim
}

/** Where the parts of a file lie; what the sealer and opener share beyond the manifest. */
export interface BatchFileLayout {
  manifest: BatchManifest
  /** Bytes [0, prefixEnd): header, manifest and ephemeral key — the AEAD's associated data. */
  prefixEnd: number
  ephemeralKey: Uint8Array
  /** Ciphertext followed by the GCM tag. */
  ciphertext: Uint8Array
  /** Bytes [0, signatureStart) are what the device signs (after the prefix label). */
  signatureStart: number
  signature: Uint8Array
}

/**
 * The header and manifest bytes of a file (everything before the ephemeral key). Throws
 * BatchError('batch_malformed') for a manifest that readBatchManifest would refuse.
 */
export function encodeManifestHeader(manifest: BatchManifest): Uint8Array {
  if (manifest.formatVersion === BATCH_FORMAT_VERSION_COMPACT) return encodeCompactHeader(manifest)
  if (manifest.payload.codec !== 'brotli' || manifest.payload.sha256 === undefined) {
    throw new BatchError('batch_malformed', 'Versions 1 and 2 hold a Brotli payload and its hash')
  }
  const body = new ByteWriter(256)
  body.bytes(uuidBytes(manifest.batchId))
  body.bytes(uuidBytes(manifest.deviceId))
  body.bytes(asciiBytes(manifest.communeCode))
  const createdMs = Date.parse(manifest.createdAt)
  if (!Number.isSafeInteger(createdMs) || createdMs < 0) {
    throw new BatchError('batch_malformed', `Not a time after 1970: ${manifest.createdAt}`)
  }
  body.u64(createdMs)
  body.u32(manifest.counts.revisions)
  body.u32(manifest.counts.households)
  body.u32(manifest.counts.members)
  body.u32(manifest.payload.bytes)
  body.u32(manifest.payload.rawBytes)
  body.bytes(hexBytes(manifest.payload.sha256, SHA256_BYTES))
  body.bytes(hexBytes(manifest.provinceKeyId, KEY_ID_BYTES))
  body.bytes(hexBytes(manifest.deviceKeyId, KEY_ID_BYTES))
  body.u8(manifest.forms.length)
  for (const form of manifest.forms) {
    body.u8(form.id.length)
    body.bytes(asciiBytes(form.id))
    body.u32(form.version)
    body.bytes(hexBytes(form.layoutHash, LAYOUT_HASH_BYTES))
  }
  const version = manifest.enrolmentClaim ? BATCH_FORMAT_VERSION_EXTENDED : BATCH_FORMAT_VERSION
  if (manifest.formatVersion !== version) {
    throw new BatchError('batch_malformed', 'Format version 2 is for files with an extension only')
  }
  if (manifest.enrolmentClaim) {
    body.u8(EXTENSION_ENROLMENT_CLAIM)
    body.bytes(base64Bytes(manifest.enrolmentClaim.devicePublicKey, DEVICE_PUBLIC_KEY_BYTES))
  }
  // Never write what a reader would refuse.
  readManifestBody(new ByteReader(body.finish(), 'manifest'), version)
  const out = new ByteWriter(HEADER_BYTES + body.size)
  out.bytes(Uint8Array.from(BATCH_MAGIC))
  out.u8(version)
  out.u16(body.size)
  out.bytes(body.finish())
  return out.finish()
}

/**
 * Reads a batch file's manifest without any key: checks the size bound, magic, version,
 * every field's shape and bound and that the lengths add up to the file's size. The
 * manifest is not yet authenticated: trust it only after openBatch. Throws BatchError.
 */
export function readBatchManifest(
  bytes: Uint8Array,
  limits: Partial<BatchLimits> = {},
): BatchManifest {
  return parseBatchFile(bytes, limits).manifest
}

/** readBatchManifest, plus where the ephemeral key, ciphertext and signature lie. */
export function parseBatchFile(
  bytes: Uint8Array,
  limits: Partial<BatchLimits> = {},
): BatchFileLayout {
  const bounds = { ...DEFAULT_BATCH_LIMITS, ...limits }
  if (bytes.length > bounds.maxFileBytes) {
    throw new BatchError(
      'batch_too_large',
      `The file has ${bytes.length} bytes; at most ${bounds.maxFileBytes} are accepted`,
    )
  }
  const reader = new ByteReader(bytes, 'batch file')
  const version = readHeader(reader, bytes)
  if (version === BATCH_FORMAT_VERSION_COMPACT) {
    return parseCompactFile(reader, bytes, (manifest) => checkManifestBounds(manifest, bounds))
  }
  const manifestLength = reader.u16()
  const manifest = readManifestBody(
    new ByteReader(reader.bytes(manifestLength), 'manifest'),
    version,
  )
  checkManifestBounds(manifest, bounds)
  const prefixEnd = HEADER_BYTES + manifestLength + EPHEMERAL_KEY_BYTES
  const expected = FRAME_BYTES + manifestLength + manifest.payload.bytes
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

function readHeader(reader: ByteReader, bytes: Uint8Array): BatchFormatVersion {
  const magicOk = BATCH_MAGIC.every((b, i) => i >= bytes.length || bytes[i] === b)
  if (!magicOk) reader.fail('it is not a Làng Số batch file')
  // The version is judged before the length: a later version may be laid out differently.
  const version = bytes[BATCH_MAGIC.length]
  if (
    version !== undefined &&
    version !== BATCH_FORMAT_VERSION &&
    version !== BATCH_FORMAT_VERSION_EXTENDED &&
    version !== BATCH_FORMAT_VERSION_COMPACT
  ) {
    throw new BatchError(
      'batch_version_unsupported',
      `Batch format version ${version} is not supported (this reader knows versions ${BATCH_FORMAT_VERSION} to ${BATCH_FORMAT_VERSION_COMPACT})`,
    )
  }
  if (version === undefined) reader.fail('it is too short')
  // Version 3 checks its own (smaller) minimum once it knows the manifest's length.
  if (version !== BATCH_FORMAT_VERSION_COMPACT && bytes.length < FRAME_BYTES + MANIFEST_FIXED_BYTES)
    reader.fail('it is too short')
  reader.bytes(BATCH_MAGIC.length + 1)
  return version
}

function readManifestBody(reader: ByteReader, version: BatchFormatVersion): BatchManifest {
  const batchId = reader.uuid()
  const deviceId = reader.uuid()
  const communeCode = ascii(reader.bytes(COMMUNE_CODE_BYTES))
  const createdMs = reader.u64()
  const counts = { revisions: reader.u32(), households: reader.u32(), members: reader.u32() }
  const payload = {
    bytes: reader.u32(),
    rawBytes: reader.u32(),
    sha256: toHex(reader.bytes(SHA256_BYTES)),
    codec: 'brotli' as const,
  }
  const provinceKeyId = toHex(reader.bytes(KEY_ID_BYTES))
  const deviceKeyId = toHex(reader.bytes(KEY_ID_BYTES))
  const formCount = reader.u8()
  const forms: BatchFormRef[] = []
  for (let i = 0; i < formCount; i++) {
    const id = ascii(reader.bytes(reader.u8()))
    forms.push({ id, version: reader.u32(), layoutHash: toHex(reader.bytes(LAYOUT_HASH_BYTES)) })
  }
  const enrolmentClaim = version === BATCH_FORMAT_VERSION_EXTENDED ? readExtensions(reader) : null
  reader.end()
  checkIdentity(reader, { communeCode, createdMs, batchId, deviceId, forms })
  const createdAt = new Date(createdMs).toISOString()
  return {
    formatVersion: version,
    batchId,
    deviceId,
    communeCode,
    createdAt,
    forms,
    counts,
    payload,
    provinceKeyId,
    deviceKeyId,
    ...(enrolmentClaim ? { enrolmentClaim } : {}),
  }
}

/**
 * The extension area of a version-2 manifest: a flags byte, then each flagged extension.
 * Version 2 without an extension, or with a reserved flag, is malformed: one file, one
 * spelling.
 */
function readExtensions(reader: ByteReader): BatchEnrolmentClaim {
  const flags = reader.u8()
  if (flags !== EXTENSION_ENROLMENT_CLAIM) {
    reader.fail(`the extension flags ${flags} are not an enrolment claim`)
  }
  return { devicePublicKey: toBase64(reader.bytes(DEVICE_PUBLIC_KEY_BYTES)) }
}

/** The reader's limits and the shape of counts and lengths, for every version. */
export function checkManifestBounds(manifest: BatchManifest, limits: BatchLimits): void {
  const { counts, payload } = manifest
  const malformed = (why: string) =>
    new BatchError('batch_malformed', `The manifest is malformed: ${why}`)
  if (counts.revisions < 1) throw malformed('a batch holds at least one revision')
  if (counts.households < 1 || counts.households > counts.revisions) {
    throw malformed('the household count does not fit the revision count')
  }
  if (counts.revisions > limits.maxRevisions) {
    throw new BatchError(
      'batch_too_large',
      `The batch holds ${counts.revisions} revisions; at most ${limits.maxRevisions} are accepted`,
    )
  }
  if (payload.rawBytes > limits.maxPayloadBytes) {
    throw new BatchError(
      'payload_too_large',
      `The payload expands to ${payload.rawBytes} bytes; at most ${limits.maxPayloadBytes} are accepted`,
    )
  }
  if (payload.bytes < 1 || payload.rawBytes < 1) throw malformed('the payload is empty')
}
