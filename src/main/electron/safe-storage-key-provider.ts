import { safeStorage } from 'electron'
import type { KeyProvider } from '../crypto/key-provider'
import { type KeyWrapper, wrappedKeyProvider } from '../crypto/wrapped-key-provider'

/**
 * The data key sealed by the operating system's key store through Electron safeStorage
 * (Keychain, DPAPI, libsecret/kwallet). Call after the app is ready. On Linux without a
 * keyring Electron falls back to a fixed password ("basic_text"): still encrypted at rest,
 * but not bound to the OS account; the start-up log says so.
 */
const safeStorageWrapper: KeyWrapper = {
  available: () => safeStorage.isAsyncEncryptionAvailable(),
  wrap: (secret) => safeStorage.encryptStringAsync(secret),
  async unwrap(sealed) {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed)
    return { secret: result, rewrap: shouldReEncrypt }
  },
}

export const safeStorageKeyProvider: KeyProvider = wrappedKeyProvider(safeStorageWrapper)

/** The Linux key store in use ('basic_text' means no OS keyring); null elsewhere. */
export function keyStoreBackend(): string | null {
  return process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null
}
