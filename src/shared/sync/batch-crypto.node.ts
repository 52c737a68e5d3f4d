import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import { BATCH_KEY_INFO_LABEL, BATCH_SIGNATURE_PREFIX, GCM_TAG_BYTES } from './batch-format'
import { rawPublicKeyBase64, x25519PublicKey } from './device-signature.node.js'

/**
 * The cryptography of a batch file: an ECIES-style seal to the province X25519 key
 * (ephemeral X25519 → HKDF-SHA256 → AES-256-GCM) and the device's Ed25519 signature.
 *
 *   shared = X25519(ephemeral private, province public)
 *   okm    = HKDF-SHA256(ikm = shared, salt = ephemeral public ‖ province public,
 *                        info = "LANGSO-BATCH-V1 payload key" ‖ SHA-256(prefix), 44 bytes)
 *   key    = okm[0..32), nonce = okm[32..44)
 *   ciphertext ‖ tag = AES-256-GCM(key, nonce, payload, associated data = prefix)
 *
 * where `prefix` is every file byte before the ciphertext (header, manifest, ephemeral
 * key). A fresh ephemeral key per file makes every key (so every nonce) single-use.
 */

export interface PayloadKey {
  key: Buffer
  nonce: Buffer
}

/** Raw 32-byte public key of an X25519 or Ed25519 KeyObject (public or private). */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key
  return Buffer.from(rawPublicKeyBase64(publicKey), 'base64')
}

/** A fresh ephemeral X25519 key pair for one file. */
export function newEphemeralKey(): KeyObject {
  return generateKeyPairSync('x25519').privateKey
}

/** Derives the AES key and nonce of one file (see the module comment). */
export function derivePayloadKey(
  shared: Uint8Array,
  ephemeralPublic: Uint8Array,
  provincePublic: Uint8Array,
  prefix: Uint8Array,
): PayloadKey {
  const salt = Buffer.concat([ephemeralPublic, provincePublic])
  const info = Buffer.concat([
    Buffer.from(BATCH_KEY_INFO_LABEL, 'ascii'),
    createHash('sha256').update(prefix).digest(),
  ])
  const okm = Buffer.from(hkdfSync('sha256', shared, salt, info, 44))
  return { key: okm.subarray(0, 32), nonce: okm.subarray(32, 44) }
}

/**
 * Encrypts the payload on the device. `prefixWithoutKey` is the header and manifest; the
 * ephemeral public key is appended to make the prefix. Returns the prefix and ciphertext.
 */
export function sealPayload(
  payload: Uint8Array,
  prefixWithoutKey: Uint8Array,
  provincePublicKey: KeyObject,
  ephemeralPrivateKey: KeyObject = newEphemeralKey(),
): { prefix: Buffer; ciphertext: Buffer } {
  const ephemeralPublic = rawPublicKey(ephemeralPrivateKey)
  const prefix = Buffer.concat([prefixWithoutKey, ephemeralPublic])
  const shared = diffieHellman({ privateKey: ephemeralPrivateKey, publicKey: provincePublicKey })
  const { key, nonce } = derivePayloadKey(
    shared,
    ephemeralPublic,
    rawPublicKey(provincePublicKey),
    prefix,
  )
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES })
  cipher.setAAD(prefix)
  const ciphertext = Buffer.concat([cipher.update(payload), cipher.final(), cipher.getAuthTag()])
  return { prefix, ciphertext }
}

/**
 * Decrypts on the server. Throws (any error) when the ephemeral key is unusable or the
 * ciphertext, its tag or the prefix was altered; the caller reports `decrypt_failed`.
 */
export function openPayload(
  ciphertextWithTag: Uint8Array,
  prefix: Uint8Array,
  ephemeralPublic: Uint8Array,
  provincePrivateKey: KeyObject,
): Buffer {
  const publicKey = x25519PublicKey(Buffer.from(ephemeralPublic).toString('base64'))
  const shared = diffieHellman({ privateKey: provincePrivateKey, publicKey })
  const { key, nonce } = derivePayloadKey(
    shared,
    ephemeralPublic,
    rawPublicKey(provincePrivateKey),
    prefix,
  )
  const split = ciphertextWithTag.length - GCM_TAG_BYTES
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES })
  decipher.setAAD(prefix)
  decipher.setAuthTag(ciphertextWithTag.subarray(split))
  return Buffer.concat([decipher.update(ciphertextWithTag.subarray(0, split)), decipher.final()])
}

/** The message the device signs: the prefix label, then every byte before the signature. */
function signedMessage(body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(BATCH_SIGNATURE_PREFIX, 'ascii'), body])
}

/** The device's Ed25519 signature over the file body. */
export function signBatchBody(body: Uint8Array, devicePrivateKey: KeyObject): Buffer {
  return sign(null, signedMessage(body), devicePrivateKey)
}

/** Whether the signature is the Ed25519 device key's over the file body. */
export function verifyBatchBody(
  body: Uint8Array,
  signature: Uint8Array,
  devicePublicKey: KeyObject,
): boolean {
  return verify(null, signedMessage(body), devicePublicKey, signature)
}

/** Hex SHA-256. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
