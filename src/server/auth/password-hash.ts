import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt cost parameters; stored with every hash so that they can be raised later. */
export interface ScryptParams {
  N: number
  r: number
  p: number
}

/**
 * 32 MiB and about a tenth of a second per hash on a small server: slow enough to make
 * guessing expensive, fast enough for 50 people signing in at once.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 }

const KEY_LENGTH = 32
const SALT_LENGTH = 16
const PREFIX = 'scrypt'

/** Hashes a password as `scrypt$N$r$p$salt$hash` with a fresh random salt. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, params, KEY_LENGTH)
  return [
    PREFIX,
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

/**
 * True when the password matches the stored hash. The comparison takes the same time
 * whatever the bytes; a malformed stored hash never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length)
  return timingSafeEqual(key, parsed.key)
}

/** True when the hash was made with weaker parameters than the current ones. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parseHash(stored)
  if (!parsed) return true
  const old = parsed.params
  return old.N < params.N || old.r < params.r || old.p < params.p
}

let dummyHash: Promise<string> | undefined

/**
 * Does the work of a password check against a throwaway hash, so that an unknown
 * username takes as long to refuse as a wrong password.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy password that matches nothing')
  await verifyPassword(password, await dummyHash)
}

interface ParsedHash {
  params: ScryptParams
  salt: Buffer
  key: Buffer
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== PREFIX) return null
  const [N, r, p] = parts.slice(1, 4).map(Number)
  if (!N || !r || !p || !Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p)) {
    return null
  }
  const salt = Buffer.from(parts[4] ?? '', 'base64url')
  const key = Buffer.from(parts[5] ?? '', 'base64url')
  if (salt.length === 0 || key.length === 0) return null
  return { params: { N, r, p }, salt, key }
}

function derive(
  password: string,
  salt: Buffer,
  params: ScryptParams,
  length: number,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}
