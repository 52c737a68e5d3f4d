import type { KeyObject } from 'node:crypto'
import type { HouseholdRevision } from '../household/household-revision.schema'
import { type EnrolmentClaim, splitClaimSecret } from './batch-claim.node.js'
import { decompressPayload } from './batch-compression.node.js'
import { openPayload, sha256, verifyBatchBody } from './batch-crypto.node.js'
import { BatchError, type BatchErrorReason } from './batch-error'
import { type FormLayout, type FormLookup, formLayout } from './batch-form-layout.node.js'
import { BATCH_FORMAT_VERSION_COMPACT, type BatchLimits } from './batch-format'
import {
  type BatchEnrolmentClaim,
  type BatchFileLayout,
  type BatchManifest,
  parseBatchFile,
} from './batch-manifest'
import { countsOf, decodePayload } from './batch-payload.node.js'
import { checkRevision } from './batch-revision-check.node.js'
import { ed25519PublicKey, publicKeyId, rawPublicKeyBase64 } from './device-signature.node.js'

/** A device public key: a KeyObject or the raw 32 bytes in base64 (as stored at enrolment). */
export type DevicePublicKey = KeyObject | string

export interface OpenBatchOptions {
  province: {
    /** The province X25519 private key. */
    encryptionPrivateKey: KeyObject
    /** Its key id; a file sealed to another key is `wrong_province_key`. */
    encryptionKeyId: string
  }
  /**
   * The device's Ed25519 public key, or null when the device is unknown or may not submit
   * (revoked). `keyId` is the key the file names; a key with another id is refused
   * (`device_unknown`), so a server that keeps earlier keys of a re-enrolled device may
   * return the one with that id. Errors it throws (a database failure) pass through as is.
   *
   * `claim` is the manifest's enrolment claim, if any, already checked to name the key
   * `keyId`: a server that does not know the device yet may answer its public key, to
   * verify the file before it redeems the claim's token (found in `OpenedBatch`).
   */
  devicePublicKey: (
    deviceId: string,
    keyId: string,
    claim: BatchEnrolmentClaim | null,
  ) => DevicePublicKey | null | Promise<DevicePublicKey | null>
  /**
   * Form versions by id and version; must hold every form of the manifest (load them from
   * `readBatchManifest(bytes).forms` first when they come from a database).
   */
  forms: FormLookup
  /** Bounds on the file, the decompressed payload and the revision count (defaults apply). */
  limits?: Partial<BatchLimits>
}

export interface OpenedBatch {
  manifest: BatchManifest
  /** Exactly the revisions that were sealed, each valid against householdRevisionSchema. */
  revisions: HouseholdRevision[]
  /** The device's enrolment claim (format version 2 or 3), its token decrypted; else absent. */
  enrolmentClaim?: EnrolmentClaim
}

/**
 * Verifies, decrypts and decodes a batch file. Checks, in order: size bounds → structure →
 * the enrolment claim names the signing key (if any) → device key → signature → province key → form versions → decryption → payload hash →
 * bounded decompression → decoding → each revision's schema → payload against manifest
 * (counts, device and commune of every revision). A claim's token and device name are
 * returned only from a file that passed every check. Rejects with a BatchError naming the
 * first check that failed and nothing else (except errors of `devicePublicKey` itself);
 * work is bounded by the limits, so hostile input cannot make it hang or exhaust memory.
 *
 * The same file opens the same way every time: replay protection (the batch id and the
 * revision ids) is the server's store's job.
 */
export async function openBatch(
  bytes: Uint8Array,
  options: OpenBatchOptions,
): Promise<OpenedBatch> {
  const file = parseBatchFile(bytes, options.limits)
  const { manifest } = file
  const deviceKey = await deviceKeyOf(manifest, options)
  const body = bytes.subarray(0, file.signatureStart)
  if (!verifyBatchBody(body, file.signature, deviceKey)) {
    throw new BatchError('signature_invalid', 'The device signature does not match the batch file')
  }
  if (manifest.provinceKeyId !== options.province.encryptionKeyId) {
    throw new BatchError(
      'wrong_province_key',
      `The batch is sealed to province key ${manifest.provinceKeyId}, not to ${options.province.encryptionKeyId}`,
    )
  }
  const layouts = layoutsOf(manifest, options.forms)
  const plaintext = decrypt(bytes, file, options.province.encryptionPrivateKey)
  // Versions 1 and 2 state the hash; version 3 has the GCM tag and signature alone.
  if (manifest.payload.sha256 !== undefined && sha256(plaintext) !== manifest.payload.sha256) {
    throw new BatchError(
      'payload_hash_mismatch',
      'The payload does not have the hash its manifest states',
    )
  }
  const raw = decompressPayload(plaintext, manifest.payload.rawBytes, manifest.payload.codec)
  const { claim, rest } = claimOf(manifest, raw)
  const compact = manifest.formatVersion === BATCH_FORMAT_VERSION_COMPACT
  const decoded = guard('batch_malformed', 'The payload does not decode', () =>
    decodePayload(rest, {
      deviceId: manifest.deviceId,
      communeCode: manifest.communeCode,
      layouts,
      ...(compact ? { compact: { createdMs: Date.parse(manifest.createdAt) } } : {}),
    }),
  )
  const revisions = decoded.map(validRevision)
  checkAgainstManifest(manifest, revisions)
  return { manifest, revisions, ...(claim ? { enrolmentClaim: claim } : {}) }
}

/** Splits the claim's secret off the raw payload of a file that carries a claim. */
function claimOf(
  manifest: BatchManifest,
  raw: Uint8Array,
): { claim: EnrolmentClaim | null; rest: Uint8Array } {
  if (!manifest.enrolmentClaim) return { claim: null, rest: raw }
  const { secret, rest } = splitClaimSecret(raw)
  return { claim: { ...manifest.enrolmentClaim, ...secret }, rest }
}

/**
 * A claim must name the key that signs the file: otherwise the file could not have been
 * sealed by the device it claims to enrol (tampered, or a broken writer).
 */
function checkClaim(manifest: BatchManifest): void {
  const claim = manifest.enrolmentClaim
  if (!claim) return
  const id = guard('signature_invalid', 'The claimed device key is malformed', () => {
    const key = ed25519PublicKey(claim.devicePublicKey)
    return publicKeyId(rawPublicKeyBase64(key))
  })
  if (id !== manifest.deviceKeyId) {
    throw new BatchError(
      'signature_invalid',
      `The claimed device key ${id} is not the key ${manifest.deviceKeyId} that signs the file`,
    )
  }
}

async function deviceKeyOf(manifest: BatchManifest, options: OpenBatchOptions): Promise<KeyObject> {
  checkClaim(manifest)
  const found = await options.devicePublicKey(
    manifest.deviceId,
    manifest.deviceKeyId,
    manifest.enrolmentClaim ?? null,
  )
  const unknown = (why: string) =>
    new BatchError('device_unknown', `Device ${manifest.deviceId} ${why}`)
  if (found === null) throw unknown('is not known or may not submit')
  const key = guard('device_unknown', 'The device key is malformed', () =>
    typeof found === 'string' ? ed25519PublicKey(found) : found,
  )
  if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') {
    throw unknown('has no Ed25519 public key')
  }
  if (publicKeyId(rawPublicKeyBase64(key)) !== manifest.deviceKeyId) {
    throw unknown(`does not hold key ${manifest.deviceKeyId} (re-enrolled since?)`)
  }
  return key
}

function layoutsOf(manifest: BatchManifest, forms: FormLookup): FormLayout[] {
  return manifest.forms.map((ref) => {
    const form = forms(ref.id, ref.version)
    if (!form || form.id !== ref.id || form.version !== ref.version) {
      throw new BatchError(
        'form_unknown',
        `Form ${ref.id} version ${ref.version} is not known here`,
      )
    }
    const layout = formLayout(form)
    if (layout.hash !== ref.layoutHash) {
      throw new BatchError(
        'form_unknown',
        `Form ${ref.id} version ${ref.version} differs from the device's copy (layout ${ref.layoutHash}, here ${layout.hash})`,
      )
    }
    return layout
  })
}

function decrypt(bytes: Uint8Array, file: BatchFileLayout, privateKey: KeyObject): Buffer {
  return guard('decrypt_failed', 'The payload does not decrypt with the province key', () =>
    openPayload(file.ciphertext, bytes.subarray(0, file.prefixEnd), file.ephemeralKey, privateKey),
  )
}

function validRevision(revision: HouseholdRevision, index: number): HouseholdRevision {
  const checked = checkRevision(revision)
  if (checked.success) return checked.data
  throw new BatchError(
    'revision_invalid',
    `Revision ${index} (${revision.id}) is invalid at ${checked.path.map(String).join('.') || '?'}: ${checked.message}`,
  )
}

function checkAgainstManifest(
  manifest: BatchManifest,
  revisions: readonly HouseholdRevision[],
): void {
  const mismatch = (why: string) =>
    new BatchError('manifest_mismatch', `The payload disagrees with its manifest: ${why}`)
  revisions.forEach((revision, index) => {
    if (revision.deviceId !== manifest.deviceId) {
      throw mismatch(`revision ${index} was made by device ${revision.deviceId}`)
    }
    if (revision.communeCode !== manifest.communeCode) {
      throw mismatch(`revision ${index} is for commune ${revision.communeCode}`)
    }
  })
  const counts = countsOf(revisions)
  for (const key of ['revisions', 'households', 'members'] as const) {
    if (counts[key] !== manifest.counts[key]) {
      throw mismatch(`${counts[key]} ${key}, the manifest says ${manifest.counts[key]}`)
    }
  }
  const used = new Set(revisions.map((r) => `${r.formId}@${r.formVersion}`))
  const unused = manifest.forms.find((f) => !used.has(`${f.id}@${f.version}`))
  if (unused) throw mismatch(`no revision uses form ${unused.id} version ${unused.version}`)
}

/** Runs a step; anything but a BatchError it throws becomes one with the step's reason. */
function guard<T>(reason: BatchErrorReason, message: string, step: () => T): T {
  try {
    return step()
  } catch (error) {
    if (error instanceof BatchError) throw error
    throw new BatchError(reason, message, { cause: error })
  }
}
