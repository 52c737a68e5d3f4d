import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import { getOrCreateSetting, getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'
import { FieldCipher } from './field-cipher'
import { DataKeyError, type KeyProvider, type KeySlot } from './key-provider'

/**
 * Gets the data key from the provider and checks it is the key this store was encrypted
 * with (a check value is stored on first use). A different key fails loudly instead of
 * writing data that could never be read together with the old.
 */
export async function openFieldCipher(
  db: Kysely<LocalDatabase>,
  provider: KeyProvider,
): Promise<FieldCipher> {
  const cipher = new FieldCipher(await provider.getDataKey(settingsKeySlot(db)))
  const expected = cipher.keyCheck()
  const stored = await getOrCreateSetting(db, 'data_key_check', () => expected)
  const same =
    stored.length === expected.length && timingSafeEqual(Buffer.from(stored), Buffer.from(expected))
  if (!same) {
    throw new DataKeyError('data_key_mismatch', 'the data key is not the one this store uses')
  }
  return cipher
}

/** The wrapped data key's place in settings. */
export function settingsKeySlot(db: Kysely<LocalDatabase>): KeySlot {
  return {
    read: () => getSetting(db, 'data_key_wrapped'),
    create: (wrapped) => getOrCreateSetting(db, 'data_key_wrapped', () => wrapped),
    rewrap: (wrapped) => setSetting(db, 'data_key_wrapped', wrapped),
  }
}
