import type { KeyObject } from 'node:crypto'
import { z } from 'zod'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../household/household-revision.schema'
import { type EnrolmentClaimSecret, encodeClaimSecret } from './batch-claim.node.js'
import { compressPayload, compressPayloadCompact } from './batch-compression.node.js'
import { rawPublicKey, sealPayload, sha256, signBatchBody } from './batch-crypto.node.js'
import { BatchError } from './batch-error'
import { type FormLayout, type FormLookup, formLayout } from './batch-form-layout.node.js'
import {
  BATCH_FORMAT_VERSION,
  BATCH_FORMAT_VERSION_COMPACT,
  BATCH_FORMAT_VERSION_EXTENDED,
  type BatchFormatVersion,
  DEFAULT_BATCH_LIMITS,
  MAX_FORMS_PER_BATCH,
} from './batch-format'
import { type BatchManifest, encodeManifestHeader } from './batch-manifest'
import { countsOf, encodePayload } from './batch-payload.node.js'
import { publicKeyId, x25519PublicKey } from './device-signature.node.js'

/** What the device seals into one batch file. */
export interface SealBatchInput {
  /** A fresh UUIDv7 per batch; the server's idempotency key. Re-sending resends the same file. */
  batchId: string
  deviceId: string
  communeCode: string
  /** Device wall-clock time of sealing (ISO 8601); stored as milliseconds, read back in UTC. */
  createdAt: string
  /** At least one; each must be valid and carry this device id and commune code. */
  revisions: readonly HouseholdRevision[]
  device: {
    /** The device's Ed25519 private key. */
    signingPrivateKey: KeyObject
    /** publicKeyId of its public key, as the server knows it. */
    signingKeyId: string
  }
  province: {
    /** The province X25519 public key: raw 32 bytes in base64 (as enrolment gives it) or a KeyObject. */
    encryptionPublicKey: string | KeyObject
    encryptionKeyId: string
  }
  /** The form versions the revisions were made with. */
  forms: FormLookup
  /**
   * Set while the laptop, enrolled by file, is not known to the server: the file then
   * carries its public key (readable) and this token and name (encrypted), so that the
   * import registers the device. Omit it once the server knows it.
   */
  enrolmentClaim?: EnrolmentClaimSecret | null
}

/** Knobs for tests, test vectors and benchmarks; devices use the defaults. */
export interface SealOptions {
  /** A fixed ephemeral X25519 private key (test vectors only: reusing one breaks secrecy). */
  ephemeralPrivateKey?: KeyObject
  brotliQuality?: number
  /**
   * Write format version 1 (2 with a claim), as devices did before version 3: for tests
   * and the test vectors that prove readers still open such files.
   */
  legacyFormat?: boolean
}

/** The parts of a file, for assembleBatch. */
export interface BatchParts {
  manifest: BatchManifest
  /** The compressed payload, encrypted as given. */
  plaintext: Uint8Array
  devicePrivateKey: KeyObject
  provincePublicKey: KeyObject
  ephemeralPrivateKey?: KeyObject
}

/** Ids are read back in lower case, so only lower case round-trips. */
const lowerCase = (s: string) => s === s.toLowerCase()
const headerSchema = z.strictObject({
  batchId: z.uuid({ version: 'v7' }).refine(lowerCase, 'not in lower case'),
  deviceId: z.uuid().refine(lowerCase, 'not in lower case'),
  communeCode: z.string().regex(/^\d{5}$/),
  createdAt: z.iso.datetime({ offset: true }),
})

/**
 * Seals revisions into one batch file (format version 3): positional payload → Brotli or
 * DEFLATE with the preset dictionary, whichever is smaller → AES-256-GCM to the province
 * key → Ed25519 signature of the device (docs/batch-format.md). Refuses with a
 * BatchError what a reader would refuse: invalid revisions (`revision_invalid`), revisions
 * of another device or commune (`manifest_mismatch`), unknown forms (`form_unknown`), a
 * key id that is not its key's (`signature_invalid`, `wrong_province_key`) and batches over
 * the default limits (`batch_too_large`, `payload_too_large`: split the batch).
 */
export function sealBatch(input: SealBatchInput, options: SealOptions = {}): Uint8Array {
  const header = checkHeader(input)
  const revisions = checkRevisions(input)
  const layouts = layoutsOf(revisions, input.forms)
  const provincePublicKey = provinceKey(input.province)
  checkDeviceKey(input.device)
  const claim = input.enrolmentClaim ?? null
  const createdAt = new Date(Date.parse(header.createdAt)).toISOString()
  const formatVersion: BatchFormatVersion = !options.legacyFormat
    ? BATCH_FORMAT_VERSION_COMPACT
    : claim
      ? BATCH_FORMAT_VERSION_EXTENDED
      : BATCH_FORMAT_VERSION
  const compact = formatVersion === BATCH_FORMAT_VERSION_COMPACT
  const revisionBytes = encodePayload(revisions, {
    deviceId: header.deviceId,
    communeCode: header.communeCode,
    layouts,
    ...(compact ? { compact: { createdMs: Date.parse(createdAt) } } : {}),
  })
  // The claim's secret leads the payload, so it is encrypted and bound to the manifest.
  const raw = claim
    ? new Uint8Array(Buffer.concat([encodeClaimSecret(claim), revisionBytes]))
    : revisionBytes
  if (raw.length > DEFAULT_BATCH_LIMITS.maxPayloadBytes) {
    throw new BatchError('payload_too_large', 'The batch is too large: split it')
  }
  const compressed = compact
    ? compressPayloadCompact(raw, options.brotliQuality)
    : { codec: 'brotli' as const, bytes: compressPayload(raw, options.brotliQuality) }
  const plaintext = compressed.bytes
  const manifest: BatchManifest = {
    formatVersion,
    ...header,
    createdAt,
    forms: layouts.map((l) => ({ id: l.formId, version: l.version, layoutHash: l.hash })),
    counts: countsOf(revisions),
    payload: {
      bytes: plaintext.length,
      rawBytes: raw.length,
      codec: compressed.codec,
      // Version 3 relies on the GCM tag and the signature alone.
      ...(compact ? {} : { sha256: sha256(plaintext) }),
    },
    provinceKeyId: input.province.encryptionKeyId,
    deviceKeyId: input.device.signingKeyId,
    ...(claim
      ? {
          enrolmentClaim: {
            devicePublicKey: rawPublicKey(input.device.signingPrivateKey).toString('base64'),
          },
        }
      : {}),
  }
  const file = assembleBatch({
    manifest,
    plaintext,
    devicePrivateKey: input.device.signingPrivateKey,
    provincePublicKey,
    ...(options.ephemeralPrivateKey ? { ephemeralPrivateKey: options.ephemeralPrivateKey } : {}),
  })
  if (file.length > DEFAULT_BATCH_LIMITS.maxFileBytes) {
    throw new BatchError('batch_too_large', 'The batch file is too large: split it')
  }
  return file
}

/**
 * Builds a file from its parts without checking that they agree: sealBatch uses it after
 * its checks; tests use it to make signed files that lie (the hostile corpus).
 */
export function assembleBatch(parts: BatchParts): Uint8Array {
  const headerBytes = encodeManifestHeader(parts.manifest)
  const { prefix, ciphertext } = sealPayload(
    parts.plaintext,
    headerBytes,
    parts.provincePublicKey,
    parts.ephemeralPrivateKey,
  )
  const body = Buffer.concat([prefix, ciphertext])
  const signature = signBatchBody(body, parts.devicePrivateKey)
  return new Uint8Array(Buffer.concat([body, signature]))
}

function checkHeader(input: SealBatchInput): z.infer<typeof headerSchema> {
  const parsed = headerSchema.safeParse({
    batchId: input.batchId,
    deviceId: input.deviceId,
    communeCode: input.communeCode,
    createdAt: input.createdAt,
  })
  if (!parsed.success) {
    throw new BatchError(
      'batch_malformed',
      `Cannot seal: ${parsed.error.issues[0]?.path.join('.')} is invalid`,
    )
  }
  return parsed.data
}

function checkRevisions(input: SealBatchInput): HouseholdRevision[] {
  const count = input.revisions.length
  if (count < 1) throw new BatchError('batch_malformed', 'A batch holds at least one revision')
  if (count > DEFAULT_BATCH_LIMITS.maxRevisions) {
    throw new BatchError(
      'batch_too_large',
      `${count} revisions are too many for one batch: split it`,
    )
  }
  return input.revisions.map((revision, index) => {
    const parsed = householdRevisionSchema.safeParse(revision)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new BatchError(
        'revision_invalid',
        `Revision ${index} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
      )
    }
    if (parsed.data.deviceId !== input.deviceId || parsed.data.communeCode !== input.communeCode) {
      throw new BatchError(
        'manifest_mismatch',
        `Revision ${index} belongs to another device or commune than the batch`,
      )
    }
    return parsed.data
  })
}

function layoutsOf(revisions: readonly HouseholdRevision[], forms: FormLookup): FormLayout[] {
  const layouts = new Map<string, FormLayout>()
  for (const { formId, formVersion } of revisions) {
    const key = `${formId}@${formVersion}`
    if (layouts.has(key)) continue
    const form = forms(formId, formVersion)
    if (!form || form.id !== formId || form.version !== formVersion) {
      throw new BatchError('form_unknown', `Form ${formId} version ${formVersion} is not available`)
    }
    layouts.set(key, formLayout(form))
  }
  if (layouts.size > MAX_FORMS_PER_BATCH) {
    throw new BatchError(
      'batch_too_large',
      `A batch may use at most ${MAX_FORMS_PER_BATCH} form versions`,
    )
  }
  return [...layouts.values()]
}

function provinceKey(province: SealBatchInput['province']): KeyObject {
  const given = province.encryptionPublicKey
  let key: KeyObject
  try {
    key = typeof given === 'string' ? x25519PublicKey(given) : given
  } catch (error) {
    throw new BatchError('wrong_province_key', 'The province key is malformed', { cause: error })
  }
  const id =
    key.asymmetricKeyType === 'x25519' ? publicKeyId(rawPublicKey(key).toString('base64')) : null
  if (id !== province.encryptionKeyId) {
    throw new BatchError(
      'wrong_province_key',
      'The province key id is not the id of the province key given',
    )
  }
  return key
}

function checkDeviceKey(device: SealBatchInput['device']): void {
  const key = device.signingPrivateKey
  const id =
    key.type === 'private' && key.asymmetricKeyType === 'ed25519'
      ? publicKeyId(rawPublicKey(key).toString('base64'))
      : null
  if (id !== device.signingKeyId) {
    throw new BatchError(
      'signature_invalid',
      'The signing key id is not the id of the device key given',
    )
  }
}
