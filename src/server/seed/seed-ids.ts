import { createPrivateKey, createPublicKey } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import { rawPublicKeyBase64 } from '../../shared/sync/device-signature.node.js'
import type { SeedRandom } from './seed-random'

/**
 * Ids and keys of generated data. Devices make UUIDv7 ids at the moment of the event, so a
 * generated id carries the simulated time of what it names (a household's first visit, a
 * save) and its random part comes from the seeded stream: same seed, same ids — the
 * deterministic counterpart of the app's injectable id generator.
 */

/** A UUIDv7 of the given moment with seeded random bits. */
export function uuidAt(random: SeedRandom, ms: number): string {
  return uuidv7({ msecs: ms, random: random.bytes16() })
}

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/**
 * A laptop's Ed25519 public key (raw, base64) derived from the seeded stream. The private
 * half is not kept: the generator writes what the server stores, and no laptop will sign
 * with it. Derived rather than random so that a store seeded twice holds the same keys.
 */
export function seededDevicePublicKey(random: SeedRandom): string {
  const seed = Buffer.concat([Buffer.from(random.bytes16()), Buffer.from(random.bytes16())])
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  })
  return rawPublicKeyBase64(createPublicKey(privateKey))
}

/**
 * A bijection of [0, 10^digits): an affine step with a multiplier prime to 10, then the
 * digits reversed. Serial numbers drawn in order become numbers that look random, and two
 * serials never give the same number (so generated citizen ids and phones are unique).
 */
export class DigitPermutation {
  readonly #modulus: number
  readonly #multiplier: number
  readonly #offset: number

  constructor(
    readonly digits: number,
    random: SeedRandom,
  ) {
    // Up to 7 digits the product below stays an exact double (< 10^14 < 2^53).
    if (digits < 1 || digits > 7) throw new Error('DigitPermutation: 1 to 7 digits')
    this.#modulus = 10 ** digits
    let multiplier = random.int(this.#modulus / 10, this.#modulus - 1)
    while (multiplier % 2 === 0 || multiplier % 5 === 0) multiplier += 1
    this.#multiplier = multiplier
    this.#offset = random.int(0, this.#modulus - 1)
  }

  /** The number of serial `n` (taken modulo 10^digits), as `digits` decimal digits. */
  apply(n: number): string {
    const mixed =
      (((this.#multiplier * (n % this.#modulus)) % this.#modulus) + this.#offset) % this.#modulus
    return String(mixed).padStart(this.digits, '0').split('').reverse().join('')
  }
}
