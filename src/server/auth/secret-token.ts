import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A new unguessable token: 32 random bytes, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The stored form of a token. A plain SHA-256 is enough: the tokens are random and long,
 * so there is nothing to guess; the hash only keeps a leaked table from opening sessions.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url')
}

/** Compares two strings without leaking where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}
