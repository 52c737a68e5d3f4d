import { createHmac, randomBytes, randomInt } from 'node:crypto'

/**
 * The one-time secrets of enrolment. A code is typed or scanned, so it is short and drawn
 * from an alphabet without look-alikes (no 0/O, 1/I/L): 12 characters of 31 give about 59
 * bits — far beyond reach with the per-address attempt limit and a few days of validity.
 * A file token is never typed, so it is a long random string. Only hashes are stored.
 */

/** Digits and upper-case letters that cannot be mistaken for one another. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 12
const GROUP = 4
/** Marks a file token, so a token typed into the code field is still recognised. */
const TOKEN_PREFIX = 'lset_'

/** A new enrolment code, unformatted (12 characters). */
export function newEnrolmentCode(): string {
  let code = ''
  // randomInt draws without modulo bias.
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** `XXXX-XXXX-XXXX`, as shown to staff and on the device. */
export function formatEnrolmentCode(code: string): string {
  const groups: string[] = []
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP))
  return groups.join('-')
}

/** The code as typed: case, spaces and dashes are ignored. */
export function normaliseEnrolmentCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '')
}

/** Whether a normalised code could have been issued (saves a lookup and names the mistake). */
export function isWellFormedCode(normalised: string): boolean {
  if (normalised.length !== CODE_LENGTH) return false
  return [...normalised].every((char) => CODE_ALPHABET.includes(char))
}

/** A new enrolment file token: 32 random bytes, base64url, with a recognisable prefix. */
export function newEnrolmentToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
}

/**
 * The stored form of a code or token: HMAC-SHA-256 keyed with a pepper derived from the
 * province key file. A database dump alone (without the data folder) therefore gives
 * nothing to brute-force offline, even for the 59-bit codes.
 */
export function hashEnrolmentSecret(pepper: Uint8Array, normalised: string): string {
  return createHmac('sha256', pepper).update(normalised, 'utf8').digest('hex')
}
