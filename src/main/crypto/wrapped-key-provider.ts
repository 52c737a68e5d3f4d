import { randomBytes } from 'node:crypto'
import {
  checkDataKey,
  DATA_KEY_BYTES,
  DataKeyError,
  type KeyProvider,
  type KeySlot,
} from './key-provider'

/** Seals small secrets with a key the operating system holds (Electron safeStorage). */
export interface KeyWrapper {
  available(): Promise<boolean>
  wrap(secret: string): Promise<Buffer>
  /** `rewrap`: the OS asks for the secret to be sealed again (its own key was rotated). */
  unwrap(sealed: Buffer): Promise<{ secret: string; rewrap: boolean }>
}

/**
 * A provider keeping a random data key in the store's key slot, sealed by `wrapper`. Made on
 * first start; afterwards always unwrapped, never replaced: a key that cannot be unwrapped
 * is an error, because a new key would leave the existing data unreadable.
 */
export function wrappedKeyProvider(wrapper: KeyWrapper): KeyProvider {
  return {
    async getDataKey(slot: KeySlot): Promise<Buffer> {
      if (!(await wrapper.available())) {
        throw new DataKeyError('data_key_unavailable', 'the OS key store is not available')
      }
      const stored = await slot.read()
      if (stored === null) return createKey(wrapper, slot)
      const opened = await unwrapKey(wrapper, stored)
      if (opened.rewrap) await slot.rewrap(await wrapKey(wrapper, opened.key))
      return opened.key
    },
  }
}

async function createKey(wrapper: KeyWrapper, slot: KeySlot): Promise<Buffer> {
  const key = randomBytes(DATA_KEY_BYTES)
  const stored = await slot.create(await wrapKey(wrapper, key))
  // Another start may have stored its key first: the stored one is the one in use.
  return (await unwrapKey(wrapper, stored)).key
}

async function wrapKey(wrapper: KeyWrapper, key: Buffer): Promise<string> {
  return (await wrapper.wrap(key.toString('base64'))).toString('base64')
}

async function unwrapKey(
  wrapper: KeyWrapper,
  stored: string,
): Promise<{ key: Buffer; rewrap: boolean }> {
  let opened: { secret: string; rewrap: boolean }
  try {
    opened = await wrapper.unwrap(Buffer.from(stored, 'base64'))
  } catch (error) {
    const failure = new DataKeyError(
      'data_key_unavailable',
      'the stored data key cannot be unwrapped',
    )
    failure.cause = error
    throw failure
  }
  return { key: checkDataKey(Buffer.from(opened.secret, 'base64')), rewrap: opened.rewrap }
}
