import { readText, writeText } from './batch-answers.node.js'
import { ByteReader, ByteWriter } from './batch-bytes'
import { BatchError } from './batch-error'
import { MAX_CLAIM_DEVICE_NAME_BYTES, MAX_CLAIM_TOKEN_BYTES } from './batch-format'
import type { BatchEnrolmentClaim } from './batch-manifest'

/**
 * The secret half of an enrolment claim (format version 2, docs/batch-format.md): the
 * enrolment file's one-time token and the device name, written at the start of the raw
 * payload, so they are encrypted to the province and bound to the manifest by the AEAD.
 * Whoever finds the file on a USB stick reads the device's public key, never the token.
 */

/** What a laptop enrolled by file presents with its batch, as devices.enrol would take it. */
export interface EnrolmentClaimSecret {
  /** The one-time token of the enrolment file. */
  enrolmentToken: string
  /** The name the laptop gave itself (1 to 80 characters once trimmed). */
  deviceName: string
}

/** A verified, decrypted claim: the public key from the manifest, the secret from the payload. */
export interface EnrolmentClaim extends BatchEnrolmentClaim, EnrolmentClaimSecret {}

const MAX_DEVICE_NAME_CHARS = 80
const encoder = new TextEncoder()

/** The claim secret as the raw payload starts with it: `text token, text deviceName`. */
export function encodeClaimSecret(secret: EnrolmentClaimSecret): Uint8Array {
  const problem = claimSecretProblem(secret)
  if (problem)
    throw new BatchError('batch_malformed', `Cannot seal the enrolment claim: ${problem}`)
  const w = new ByteWriter(64 + secret.enrolmentToken.length + secret.deviceName.length * 4)
  writeText(w, secret.enrolmentToken)
  writeText(w, secret.deviceName)
  return w.finish()
}

/**
 * Reads the claim secret at the start of a raw payload; returns it and the rest (the
 * revisions). Throws BatchError('batch_malformed') when it is absent or out of bounds.
 */
export function splitClaimSecret(raw: Uint8Array): {
  secret: EnrolmentClaimSecret
  rest: Uint8Array
} {
  const r = new ByteReader(raw, 'enrolment claim')
  const secret = { enrolmentToken: readText(r), deviceName: readText(r) }
  const problem = claimSecretProblem(secret)
  if (problem) r.fail(problem)
  return { secret, rest: raw.subarray(r.position) }
}

function claimSecretProblem(secret: EnrolmentClaimSecret): string | null {
  const token = secret.enrolmentToken
  if (token.trim() === '' || encoder.encode(token).length > MAX_CLAIM_TOKEN_BYTES) {
    return 'the enrolment token is empty or too long'
  }
  const name = secret.deviceName.trim()
  if (
    name === '' ||
    name.length > MAX_DEVICE_NAME_CHARS ||
    encoder.encode(secret.deviceName).length > MAX_CLAIM_DEVICE_NAME_BYTES
  ) {
    return 'the device name is empty or too long'
  }
  return null
}
