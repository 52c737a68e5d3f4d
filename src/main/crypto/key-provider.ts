import { AppError } from '../../shared/result'

/**
 * Where the provider may keep its wrapped (OS-encrypted) copy of the data key: a settings
 * slot of the local store. A provider that holds the key elsewhere ignores it.
 */
export interface KeySlot {
  /** The stored wrapped key, or null before the first start. */
  read(): Promise<string | null>
  /** Stores the wrapped key unless one is already stored; answers the stored one. */
  create(wrapped: string): Promise<string>
  /** Replaces the wrapped key with a new wrapping of the same key (OS key rotation). */
  rewrap(wrapped: string): Promise<void>
}

/**
 * Gives the 32-byte data key personal data is encrypted with. The Electron app keeps it
 * wrapped by the operating system (safeStorage); tests and the e2e bridge use a test
 * provider. The key never leaves the main process and is never written in clear.
 */
export interface KeyProvider {
  getDataKey(slot: KeySlot): Promise<Buffer>
}

/** Length of the data key in bytes (AES-256). */
export const DATA_KEY_BYTES = 32

/**
 * The data key cannot be had: the OS key store is not available, the wrapped key cannot be
 * unwrapped (another OS account, a reset keyring), or it is not the key the store was
 * encrypted with. The app must not run: it would make data nobody can read.
 */
export class DataKeyError extends AppError {
  constructor(
    override readonly code: 'data_key_unavailable' | 'data_key_mismatch',
    message: string,
  ) {
    super(code, message)
    this.name = 'DataKeyError'
  }
}

/** Checks a key handed out by a provider. */
export function checkDataKey(key: Buffer): Buffer {
  if (key.length !== DATA_KEY_BYTES) {
    throw new DataKeyError('data_key_unavailable', `data key must be ${DATA_KEY_BYTES} bytes`)
  }
  return key
}
