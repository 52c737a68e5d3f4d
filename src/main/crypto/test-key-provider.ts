import { createHash, randomBytes } from 'node:crypto'
import type { KeyProvider } from './key-provider'

/**
 * FOR TESTS AND THE E2E BRIDGE ONLY: key providers that do not involve the operating
 * system. The Electron app uses the safeStorage provider (electron/safe-storage-key-provider).
 */

/** Always the same key for a seed, so a test can close and reopen a store. */
export function fixedTestKeyProvider(seed = 'langso-test-data-key'): KeyProvider {
  const key = createHash('sha256').update(seed).digest()
  return { getDataKey: async () => Buffer.from(key) }
}

/** A fresh random key for this provider object (same key on every call to it). */
export function randomTestKeyProvider(): KeyProvider {
  const key = randomBytes(32)
  return { getDataKey: async () => Buffer.from(key) }
}
