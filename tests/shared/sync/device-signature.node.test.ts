import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  canonicalDeviceRequest,
  DEVICE_HEADERS,
  EnvelopeSignatureError,
  ed25519PublicKey,
  exportPrivateKey,
  generateDeviceKeyPair,
  importPrivateKey,
  isRawPublicKeyBase64,
  KeyFormatError,
  openEnvelope,
  publicKeyId,
  rawPublicKeyBase64,
  type SignedEnvelope,
  sha256Hex,
  signDeviceRequest,
  signEnvelope,
  verifyDeviceRequest,
  x25519PublicKey,
} from '../../../src/shared/sync/device-signature.node.js'

const DEVICE_ID = '019ab3c4-0000-7000-8000-000000000001'
const BODY = '{"pendingCount":3}'
const REQUEST = { method: 'post', pathWithQuery: '/api/v1/devices/check-in', body: BODY }

function signed(nonce = 'AAAAAAAAAAAAAAAAAAAAAA') {
  const keys = generateDeviceKeyPair()
  const headers = signDeviceRequest(keys.privateKey, { ...REQUEST, deviceId: DEVICE_ID, nonce })
  return { keys, headers, publicKey: ed25519PublicKey(keys.publicKey) }
}

describe('canonical device request', () => {
  it('is the version line, upper-case method, path, body hash and nonce, one per line', () => {
    const text = canonicalDeviceRequest({ ...REQUEST, nonce: 'n0nce-n0nce-n0nce-n0nce' })
    const bodyHash = createHash('sha256').update(BODY).digest('hex')
    expect(text).toBe(
      `LANGSO-DEVICE-REQUEST-V1\nPOST\n/api/v1/devices/check-in\n${bodyHash}\nn0nce-n0nce-n0nce-n0nce`,
    )
  })

  it('hashes an empty body as the SHA-256 of nothing, and strings as UTF-8', () => {
    expect(sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(sha256Hex('Xã Ngọc Đường')).toBe(sha256Hex(Buffer.from('Xã Ngọc Đường', 'utf8')))
  })
})

describe('device request signatures', () => {
  it('sets the three headers and verifies with the device public key', () => {
    const { headers, publicKey } = signed()
    expect(headers[DEVICE_HEADERS.device]).toBe(DEVICE_ID)
    expect(headers[DEVICE_HEADERS.nonce]).toBe('AAAAAAAAAAAAAAAAAAAAAA')
    expect(Buffer.from(headers[DEVICE_HEADERS.signature], 'base64')).toHaveLength(64)
    const parts = { ...REQUEST, nonce: headers[DEVICE_HEADERS.nonce] }
    expect(verifyDeviceRequest(publicKey, parts, headers[DEVICE_HEADERS.signature])).toBe(true)
  })

  it('makes a fresh random nonce for each request when none is given', () => {
    const keys = generateDeviceKeyPair()
    const a = signDeviceRequest(keys.privateKey, { ...REQUEST, deviceId: DEVICE_ID })
    const b = signDeviceRequest(keys.privateKey, { ...REQUEST, deviceId: DEVICE_ID })
    expect(a[DEVICE_HEADERS.nonce]).not.toBe(b[DEVICE_HEADERS.nonce])
    expect(a[DEVICE_HEADERS.nonce]).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('fails for a changed body, path, method or nonce', () => {
    const { headers, publicKey } = signed()
    const signature = headers[DEVICE_HEADERS.signature]
    const nonce = headers[DEVICE_HEADERS.nonce]
    const variants = [
      { ...REQUEST, nonce, body: '{"pendingCount":4}' },
      { ...REQUEST, nonce, pathWithQuery: '/api/v1/devices/check-in?x=1' },
      { ...REQUEST, nonce, method: 'PUT' },
      { ...REQUEST, nonce: 'BAAAAAAAAAAAAAAAAAAAAA' },
    ]
    for (const parts of variants)
      expect(verifyDeviceRequest(publicKey, parts, signature)).toBe(false)
  })

  it('fails with another key, and for malformed signatures or nonces without throwing', () => {
    const { headers } = signed()
    const other = ed25519PublicKey(generateDeviceKeyPair().publicKey)
    const parts = { ...REQUEST, nonce: headers[DEVICE_HEADERS.nonce] }
    expect(verifyDeviceRequest(other, parts, headers[DEVICE_HEADERS.signature])).toBe(false)
    const { publicKey } = signed()
    expect(verifyDeviceRequest(publicKey, parts, 'not base64!')).toBe(false)
    expect(verifyDeviceRequest(publicKey, parts, Buffer.alloc(63).toString('base64'))).toBe(false)
    expect(verifyDeviceRequest(publicKey, { ...parts, nonce: 'short' }, 'AAAA')).toBe(false)
  })
})

/** The worked example of docs/devices.md: seed 32 × 0x07, so other implementations can check. */
describe('documented test vector', () => {
  const seed = Buffer.alloc(32, 7)
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  })
  const request = {
    method: 'POST',
    pathWithQuery: '/api/v1/devices/check-in',
    body: '{"pendingCount":3}',
    nonce: 'AAECAwQFBgcICQoLDA0ODw',
    deviceId: '019ab3c4-5d6e-7f80-9123-456789abcdef',
  }

  it('gives the documented public key, body hash and signature', () => {
    expect(rawPublicKeyBase64(createPublicKey(privateKey))).toBe(
      '6kpsY+KcUgq+9VB7Ey7F+ZVHdq6+vnuSQh7qaRRG0iw=',
    )
    expect(sha256Hex(request.body)).toBe(
      'bbab447f59c96079c39a41b4e081a102ea4c7a7af27ddf470a4ba58ddb93c808',
    )
    expect(signDeviceRequest(privateKey, request)).toEqual({
      'x-langso-device': '019ab3c4-5d6e-7f80-9123-456789abcdef',
      'x-langso-nonce': 'AAECAwQFBgcICQoLDA0ODw',
      'x-langso-signature':
        '9bF1d/OB9rqtL3KyFcR3gWj3NgCV5JJ26bG6HLDt8LLw7ZLmAtfcB4dstih+mDQCjzmso4APRasrvguUQT4/DA==',
    })
  })
})

describe('keys', () => {
  it('round-trips raw public keys and PKCS#8 private keys', () => {
    const keys = generateDeviceKeyPair()
    expect(isRawPublicKeyBase64(keys.publicKey)).toBe(true)
    expect(keys.publicKey).toHaveLength(44)
    expect(rawPublicKeyBase64(ed25519PublicKey(keys.publicKey))).toBe(keys.publicKey)
    const reloaded = importPrivateKey(exportPrivateKey(keys.privateKey))
    const headers = signDeviceRequest(reloaded, { ...REQUEST, deviceId: DEVICE_ID })
    const parts = { ...REQUEST, nonce: headers[DEVICE_HEADERS.nonce] }
    expect(
      verifyDeviceRequest(
        ed25519PublicKey(keys.publicKey),
        parts,
        headers[DEVICE_HEADERS.signature],
      ),
    ).toBe(true)
  })

  it('reads X25519 public keys too', () => {
    const { publicKey } = generateKeyPairSync('x25519')
    const raw = rawPublicKeyBase64(publicKey)
    expect(x25519PublicKey(raw).asymmetricKeyType).toBe('x25519')
  })

  it('refuses keys of the wrong length or alphabet', () => {
    expect(() => ed25519PublicKey(Buffer.alloc(31).toString('base64'))).toThrow(KeyFormatError)
    expect(() => ed25519PublicKey('@'.repeat(44))).toThrow(KeyFormatError)
    expect(isRawPublicKeyBase64(Buffer.alloc(33).toString('base64'))).toBe(false)
  })

  it('names a key by the first 16 bytes of its SHA-256, in hex', () => {
    const keys = generateDeviceKeyPair()
    const expected = createHash('sha256')
      .update(Buffer.from(keys.publicKey, 'base64'))
      .digest('hex')
      .slice(0, 32)
    expect(publicKeyId(keys.publicKey)).toBe(expected)
  })
})

describe('signed envelopes', () => {
  const PURPOSE = 'langso-enrolment-file'
  const payload = { commune: { code: '00700', name: 'Xã Ngọc Đường' }, n: 1 }

  function envelope(): { env: SignedEnvelope; publicKey: ReturnType<typeof ed25519PublicKey> } {
    const keys = generateDeviceKeyPair()
    return {
      env: signEnvelope(keys.privateKey, PURPOSE, payload),
      publicKey: ed25519PublicKey(keys.publicKey),
    }
  }

  it('carries the exact payload bytes and opens with the signing key', () => {
    const { env, publicKey } = envelope()
    expect(env.format).toBe('langso-signed/v1')
    expect(env.keyId).toBe(publicKeyId(rawPublicKeyBase64(publicKey)))
    expect(Buffer.from(env.payload, 'base64').toString('utf8')).toBe(JSON.stringify(payload))
    expect(openEnvelope(publicKey, env, PURPOSE)).toEqual(payload)
  })

  it('survives a JSON round trip of the envelope (no canonical JSON needed)', () => {
    const { env, publicKey } = envelope()
    const reread = JSON.parse(JSON.stringify(env, null, 4)) as SignedEnvelope
    expect(openEnvelope(publicKey, reread, PURPOSE)).toEqual(payload)
  })

  it('refuses a changed payload, another purpose, another key or a bad signature', () => {
    const { env, publicKey } = envelope()
    const tampered = Buffer.from(JSON.stringify({ ...payload, n: 2 })).toString('base64')
    const other = ed25519PublicKey(generateDeviceKeyPair().publicKey)
    expect(() => openEnvelope(publicKey, { ...env, payload: tampered }, PURPOSE)).toThrow(
      EnvelopeSignatureError,
    )
    expect(() => openEnvelope(publicKey, { ...env, purpose: 'receipt' }, 'receipt')).toThrow(
      EnvelopeSignatureError,
    )
    expect(() => openEnvelope(publicKey, env, 'receipt')).toThrow(/Expected a receipt/)
    expect(() => openEnvelope(other, env, PURPOSE)).toThrow(EnvelopeSignatureError)
    expect(() => openEnvelope(publicKey, { ...env, signature: 'x' }, PURPOSE)).toThrow(/Malformed/)
  })
})
