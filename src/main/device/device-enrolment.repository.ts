import type { KeyObject } from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { provincePublicKeysSchema } from '../../shared/api/http/devices.contract'
import { importPrivateKey } from '../../shared/sync/device-signature.node.js'
import type { FieldCipher } from '../crypto/field-cipher'
import { getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'

/** Where the sealed enrolment lives; authenticated with the ciphertext (see sealed-columns). */
const BINDING = 'settings.value/device_enrolment'

const placeSchema = z.object({ code: z.string(), name: z.string() })

/**
 * What this laptop keeps from its enrolment. The whole record is sealed with the data key
 * (FieldCipher), so the device's private key never rests in clear text.
 */
export const storedEnrolmentSchema = z.object({
  method: z.enum(['code', 'file']),
  serverUrl: z.string(),
  deviceName: z.string(),
  commune: placeSchema,
  province: placeSchema,
  villages: z.array(placeSchema),
  provincePublicKeys: provincePublicKeysSchema,
  /** The device's Ed25519 private key, PKCS#8 DER base64. */
  devicePrivateKey: z.string(),
  /** publicKeyId of the device's public key, as the server knows it. */
  deviceKeyId: z.string(),
  enrolledAt: z.string(),
  /**
   * An enrolment file's one-time token, not yet presented to the server: the first online
   * contact presents it (devices.enrol with enrolmentToken) before anything else.
   */
  pendingToken: z.object({ token: z.string(), expiresAt: z.string() }).nullable(),
})
export type StoredEnrolment = z.infer<typeof storedEnrolmentSchema>

/** The enrolment with its private key loaded, for signing. */
export interface Enrolment extends StoredEnrolment {
  signingKey: KeyObject
}

/** Reads the enrolment; null while the laptop is not enrolled. */
export async function loadEnrolment(
  db: Kysely<LocalDatabase>,
  cipher: FieldCipher,
): Promise<Enrolment | null> {
  const sealed = await getSetting(db, 'device_enrolment')
  if (sealed === null) return null
  const stored = storedEnrolmentSchema.parse(cipher.openJson(sealed, BINDING))
  return { ...stored, signingKey: importPrivateKey(stored.devicePrivateKey) }
}

/** Replaces the enrolment (sealed). Only the enrolment: no other data is touched. */
export async function saveEnrolment(
  db: Kysely<LocalDatabase>,
  cipher: FieldCipher,
  enrolment: StoredEnrolment,
): Promise<void> {
  const record = storedEnrolmentSchema.parse(enrolment)
  await setSetting(db, 'device_enrolment', cipher.sealJson(record, BINDING))
}
