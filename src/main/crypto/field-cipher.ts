import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { AppError } from '../../shared/result'
import { checkDataKey } from './key-provider'

/** Prefix of a sealed value: the format version. Clear JSON never starts with it. */
const SEALED_V1 = 'enc1:'
const IV_BYTES = 12
const TAG_BYTES = 16

/** A sealed value could not be opened: wrong key, or the bytes were altered. */
export class UnreadableDataError extends AppError {
  constructor() {
    super('data_unreadable', 'stored data could not be decrypted')
    this.name = 'UnreadableDataError'
  }
}

/**
 * Encryption of personal data at rest, with keys derived (HKDF-SHA256) from the data key:
 *
 * - `seal` / `open`: AES-256-GCM over the deflated UTF-8 text (answers compress about
 *   fourfold, which keeps the store small). Format v1: `enc1:` + base64(iv ‖ ciphertext ‖
 *   tag). The `binding` (e.g. `visits.response_json/<id>`) is authenticated, so a sealed
 *   value copied into another row or column does not open.
 * - `blindIndex`: HMAC-SHA256 of a normalised value (a phone, a citizen id), so that equal
 *   values can be found without storing them in clear.
 */
export class FieldCipher {
  private readonly sealKey: Buffer
  private readonly indexKey: Buffer
  private readonly checkKey: Buffer

  constructor(dataKey: Buffer) {
    checkDataKey(dataKey)
    this.sealKey = derive(dataKey, 'langso/field-seal/v1')
    this.indexKey = derive(dataKey, 'langso/blind-index/v1')
    this.checkKey = derive(dataKey, 'langso/key-check/v1')
  }

  /** Encrypts text bound to where it is stored. */
  seal(plain: string, binding: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv)
    cipher.setAAD(Buffer.from(binding, 'utf8'))
    const body = Buffer.concat([
      cipher.update(deflateRawSync(Buffer.from(plain, 'utf8'))),
      cipher.final(),
    ])
    return SEALED_V1 + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')
  }

  /** Decrypts what `seal` made with the same binding. */
  open(sealed: string, binding: string): string {
    if (!isSealed(sealed)) throw new UnreadableDataError()
    const bytes = Buffer.from(sealed.slice(SEALED_V1.length), 'base64')
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new UnreadableDataError()
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, bytes.subarray(0, IV_BYTES))
      decipher.setAAD(Buffer.from(binding, 'utf8'))
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
      const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)
      const deflated = Buffer.concat([decipher.update(body), decipher.final()])
      return inflateRawSync(deflated).toString('utf8')
    } catch {
      // Authentication (or inflation) failed: the only safe answer is "unreadable".
      throw new UnreadableDataError()
    }
  }

  /** `seal(JSON.stringify(value))`. */
  sealJson(value: unknown, binding: string): string {
    return this.seal(JSON.stringify(value), binding)
  }

  /** `JSON.parse(open(...))`; the caller checks the shape with its schema. */
  openJson(sealed: string, binding: string): unknown {
    return JSON.parse(this.open(sealed, binding))
  }

  /**
   * Keyed hash of a normalised value of a kind: HMAC-SHA256 truncated to 128 bits (hex),
   * ample against collisions among a commune's phones and ids, and half the index size.
   */
  blindIndex(kind: string, normalized: string): string {
    return createHmac('sha256', this.indexKey)
      .update(`${kind}\u0000${normalized}`)
      .digest()
      .subarray(0, 16)
      .toString('hex')
  }

  /** A value stored beside the data to recognise the key it was encrypted with. */
  keyCheck(): string {
    return createHmac('sha256', this.checkKey).update('langso key check').digest('hex')
  }
}

/** Whether a stored text is a sealed value (as opposed to legacy clear JSON). */
export function isSealed(text: string): boolean {
  return text.startsWith(SEALED_V1)
}

function derive(key: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32))
}
