import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto'
import { AppError } from '../result'

/**
 * The signatures of the device protocol, shared by the desktop's main process (which signs)
 * and the provincial server (which verifies) so both build exactly the same bytes:
 * - device requests: Ed25519 over a canonical string (method, path, body hash, nonce);
 * - province documents (the enrolment file, later receipts): Ed25519 over the exact payload
 *   bytes, shipped base64 inside an envelope so no JSON canonicalisation is needed.
 * Keys travel as raw 32-byte keys in standard base64. Node-only (node:crypto); see
 * docs/devices.md for the format, written so another implementation can sign.
 *
 * Import it as `…/device-signature.node.js`: without an extension, Node's loader (tsx, the
 * server CLI) takes the `.node` suffix for a native addon and fails to resolve it.
 */

/** First line of every signed request string: keeps a request signature from meaning anything else. */
export const DEVICE_REQUEST_SIGNATURE_VERSION = 'LANGSO-DEVICE-REQUEST-V1'

/** Request headers of a device call (lower case, as Node reports them). */
export const DEVICE_HEADERS = {
  device: 'x-langso-device',
  nonce: 'x-langso-nonce',
  signature: 'x-langso-signature',
} as const

const RAW_KEY_BYTES = 32
const SIGNATURE_BYTES = 64
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
/** 16 to 64 random bytes, base64url without padding. */
const NONCE = /^[A-Za-z0-9_-]{22,86}$/

/** A key or signature that is not in the expected encoding or length. */
export class KeyFormatError extends AppError {
  constructor(message: string) {
    super('invalid_input', message)
    this.name = 'KeyFormatError'
  }
}

/** A device's new Ed25519 key pair: the public half in the wire encoding, the private half as a KeyObject. */
export interface DeviceKeyPair {
  /** Raw 32-byte Ed25519 public key, standard base64 (44 characters). */
  publicKey: string
  privateKey: KeyObject
}

/** Makes a device key pair (on the device, at enrolment). */
export function generateDeviceKeyPair(): DeviceKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return { publicKey: rawPublicKeyBase64(publicKey), privateKey }
}

/** A private key as PKCS#8 DER base64, for the device to store (encrypted) and reload. */
export function exportPrivateKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'pkcs8' }).toString('base64')
}

/** Reverses exportPrivateKey. */
export function importPrivateKey(pkcs8Base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(pkcs8Base64, 'base64'), format: 'der', type: 'pkcs8' })
}

/** The raw 32-byte public key (Ed25519 or X25519) in standard base64. */
export function rawPublicKeyBase64(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' })
  if (typeof jwk.x !== 'string') throw new KeyFormatError('Not an OKP public key')
  return Buffer.from(jwk.x, 'base64url').toString('base64')
}

/** An Ed25519 public key from its raw base64 form; throws KeyFormatError when malformed. */
export function ed25519PublicKey(rawBase64: string): KeyObject {
  return okpPublicKey('Ed25519', rawBase64)
}

/** An X25519 public key from its raw base64 form; throws KeyFormatError when malformed. */
export function x25519PublicKey(rawBase64: string): KeyObject {
  return okpPublicKey('X25519', rawBase64)
}

function okpPublicKey(crv: 'Ed25519' | 'X25519', rawBase64: string): KeyObject {
  const raw = decodeBase64(rawBase64, RAW_KEY_BYTES, `${crv} public key`)
  return createPublicKey({
    key: { kty: 'OKP', crv, x: raw.toString('base64url') },
    format: 'jwk',
  })
}

/** Whether a string is a well-formed raw 32-byte public key in standard base64. */
export function isRawPublicKeyBase64(value: string): boolean {
  return BASE64.test(value) && Buffer.from(value, 'base64').length === RAW_KEY_BYTES
}

/** A short, stable id of a public key: hex of the first 16 bytes of SHA-256 over the raw key. */
export function publicKeyId(rawBase64: string): string {
  const raw = decodeBase64(rawBase64, RAW_KEY_BYTES, 'public key')
  return createHash('sha256').update(raw).digest('hex').slice(0, 32)
}

/** What a device request signature covers. */
export interface DeviceRequestParts {
  /** HTTP method, any case (upper-cased when signed). */
  method: string
  /** The API path from `/api/` on, with the query string exactly as sent. */
  pathWithQuery: string
  /** The request body bytes exactly as sent; empty for GET. */
  body: Uint8Array | string
  nonce: string
}

/**
 * The string a device signs, UTF-8 encoded:
 * `LANGSO-DEVICE-REQUEST-V1\nMETHOD\nPATH_WITH_QUERY\nSHA256_HEX(body)\nNONCE`.
 * No timestamp: device clocks may be years off, so validity never depends on time.
 */
export function canonicalDeviceRequest(parts: DeviceRequestParts): string {
  return [
    DEVICE_REQUEST_SIGNATURE_VERSION,
    parts.method.toUpperCase(),
    parts.pathWithQuery,
    sha256Hex(parts.body),
    parts.nonce,
  ].join('\n')
}

/** A fresh request nonce: 16 random bytes, base64url. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url')
}

/** Whether a nonce header value has the accepted shape. */
export function isValidNonce(nonce: string): boolean {
  return NONCE.test(nonce)
}

/** The headers that authenticate one device request (set them exactly as returned). */
export type DeviceRequestHeaders = Record<
  (typeof DEVICE_HEADERS)[keyof typeof DEVICE_HEADERS],
  string
>

/** Signs a request on the device; returns the three headers to send with it. */
export function signDeviceRequest(
  privateKey: KeyObject,
  request: Omit<DeviceRequestParts, 'nonce'> & { deviceId: string; nonce?: string },
): DeviceRequestHeaders {
  const nonce = request.nonce ?? newNonce()
  const message = Buffer.from(canonicalDeviceRequest({ ...request, nonce }), 'utf8')
  return {
    [DEVICE_HEADERS.device]: request.deviceId,
    [DEVICE_HEADERS.nonce]: nonce,
    [DEVICE_HEADERS.signature]: sign(null, message, privateKey).toString('base64'),
  }
}

/**
 * Checks a request signature against the device's public key. A malformed nonce or
 * signature is simply not valid (false), never an exception: callers answer 401 either way.
 */
export function verifyDeviceRequest(
  publicKey: KeyObject,
  parts: DeviceRequestParts,
  signatureBase64: string,
): boolean {
  if (!isValidNonce(parts.nonce)) return false
  const signature = tryDecodeBase64(signatureBase64, SIGNATURE_BYTES)
  if (!signature) return false
  const message = Buffer.from(canonicalDeviceRequest(parts), 'utf8')
  return verify(null, message, publicKey, signature)
}

/** Lower-case hex SHA-256 of bytes (a string is taken as UTF-8). */
export function sha256Hex(body: Uint8Array | string): string {
  return createHash('sha256')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex')
}

/**
 * A signed document: the payload's exact bytes (UTF-8 JSON) in base64 and an Ed25519
 * signature over `PURPOSE\n` followed by those bytes. The purpose line keeps a signature
 * made for one kind of document from being accepted as another.
 */
export interface SignedEnvelope {
  format: 'langso-signed/v1'
  purpose: string
  /** publicKeyId of the signing key. */
  keyId: string
  payload: string
  signature: string
}

/** Signs a JSON-serialisable payload with the province (or any Ed25519) private key. */
export function signEnvelope(
  privateKey: KeyObject,
  purpose: string,
  payload: unknown,
): SignedEnvelope {
  const bytes = Buffer.from(JSON.stringify(payload), 'utf8')
  const publicKey = rawPublicKeyBase64(createPublicKey(privateKey))
  return {
    format: 'langso-signed/v1',
    purpose,
    keyId: publicKeyId(publicKey),
    payload: bytes.toString('base64'),
    signature: sign(null, envelopeMessage(purpose, bytes), privateKey).toString('base64'),
  }
}

/** The envelope's signature does not match its payload and key, or it is malformed. */
export class EnvelopeSignatureError extends AppError {
  constructor(message: string) {
    super('signature_invalid', message)
    this.name = 'EnvelopeSignatureError'
  }
}

/**
 * Verifies an envelope with the given public key and returns its parsed payload (still
 * unvalidated: check it against its schema). Throws EnvelopeSignatureError when the purpose,
 * key or signature does not match or the payload is not JSON.
 */
export function openEnvelope(
  publicKey: KeyObject,
  envelope: SignedEnvelope,
  expectedPurpose: string,
): unknown {
  if (envelope.format !== 'langso-signed/v1') {
    throw new EnvelopeSignatureError('Unknown envelope format')
  }
  if (envelope.purpose !== expectedPurpose) {
    throw new EnvelopeSignatureError(`Expected a ${expectedPurpose} document`)
  }
  const signature = tryDecodeBase64(envelope.signature, SIGNATURE_BYTES)
  const bytes = BASE64.test(envelope.payload) ? Buffer.from(envelope.payload, 'base64') : null
  if (!signature || !bytes) throw new EnvelopeSignatureError('Malformed payload or signature')
  if (!verify(null, envelopeMessage(envelope.purpose, bytes), publicKey, signature)) {
    throw new EnvelopeSignatureError('The signature does not match the document')
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown
  } catch {
    throw new EnvelopeSignatureError('The signed payload is not JSON')
  }
}

function envelopeMessage(purpose: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${purpose}\n`, 'utf8'), payload])
}

function decodeBase64(value: string, bytes: number, what: string): Buffer {
  const decoded = tryDecodeBase64(value, bytes)
  if (!decoded) throw new KeyFormatError(`${what} must be ${bytes} bytes in standard base64`)
  return decoded
}

/** Strict decoding: Node's decoder silently skips bad characters, so the alphabet is checked first. */
function tryDecodeBase64(value: string, bytes: number): Buffer | null {
  if (!BASE64.test(value)) return null
  const decoded = Buffer.from(value, 'base64')
  return decoded.length === bytes ? decoded : null
}
