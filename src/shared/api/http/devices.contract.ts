import { z } from 'zod'
import { formDefinitionSchema } from '../../forms/form-definition.schema'
import { communeCodeSchema } from './auth.contract'
import { defineHttp } from './http-call'

const PROVINCE_STAFF = { roles: ['province_admin', 'province_staff'] } as const
const ANY_USER = { roles: ['province_admin', 'province_staff', 'commune_viewer'] } as const

/** Longest validity of an enrolment code (30 days); a code is meant to be used the same week. */
export const MAX_CODE_VALID_HOURS = 720
/** Longest validity of an enrolment file token (90 days): the laptop may be offline for long. */
export const MAX_FILE_VALID_HOURS = 2160

/** Purpose line of the signed enrolment file envelope (see device-signature.node.ts). */
export const ENROLMENT_FILE_PURPOSE = 'langso-enrolment-file'
/** Scheme of the payload a QR enrolment code carries: `langso-enrol:?server=…&code=…&key=…`. */
export const ENROLMENT_QR_SCHEME = 'langso-enrol:'

/** What a QR enrolment code carries. */
export interface EnrolmentQrContent {
  serverUrl: string
  /** Formatted code, XXXX-XXXX-XXXX. */
  code: string
  /** Id of the province signing key: the device checks the key it receives against it. */
  provinceKeyId: string
}

/**
 * The QR payload: `langso-enrol:?server=<url>&code=<code>&key=<key id>`, query-encoded.
 * Pinning the key id in the QR code (which staff hand over in person) lets the device
 * detect a substituted province key even on an intercepted connection.
 */
export function enrolmentQrPayload(content: EnrolmentQrContent): string {
  const query = [
    ['server', content.serverUrl],
    ['code', content.code],
    ['key', content.provinceKeyId],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`)
    .join('&')
  return `${ENROLMENT_QR_SCHEME}?${query}`
}

/** Reads a QR payload back (on the device); null when it is not an enrolment QR code. */
export function parseEnrolmentQrPayload(payload: string): EnrolmentQrContent | null {
  if (!payload.startsWith(`${ENROLMENT_QR_SCHEME}?`)) return null
  const fields = new Map<string, string>()
  for (const pair of payload.slice(ENROLMENT_QR_SCHEME.length + 1).split('&')) {
    const at = pair.indexOf('=')
    if (at < 0) continue
    try {
      fields.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1).replaceAll('+', ' ')))
    } catch {
      // A malformed escape means this is not one of our QR codes.
      return null
    }
  }
  const serverUrl = fields.get('server')
  const code = fields.get('code')
  const provinceKeyId = fields.get('key')
  if (!serverUrl || !code || !provinceKeyId) return null
  return { serverUrl, code, provinceKeyId }
}

/** Raw 32-byte Ed25519 public key in standard base64 (43 characters and one `=`). */
export const devicePublicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'must be a raw 32-byte key in standard base64')

/** Where devices reach the server: an http(s) base URL, without query or fragment. */
export const serverUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
  .max(300)
  .refine((url) => !url.includes('?') && !url.includes('#'), 'must not have a query or fragment')
  .transform((url) => url.replace(/\/+$/, ''))

const placeSchema = z.object({ code: z.string(), name: z.string() })

/**
 * A village as enrolment gives it: with the households on its register, so a freshly
 * enrolled laptop shows coverage before its first pull brings the village registers.
 */
const enrolledVillageSchema = placeSchema.extend({
  registeredHouseholds: z.number().int().min(0),
})
/** As enrolledVillageSchema, for reading: older servers and files issued before it had no count. */
const enrolledVillageReadSchema = placeSchema.extend({
  registeredHouseholds: z.number().int().min(0).optional(),
})
export type EnrolledVillage = z.infer<typeof enrolledVillageSchema>

/** The province's public keys, raw 32-byte keys in standard base64, with their key ids. */
export const provincePublicKeysSchema = z.object({
  signingKeyId: z.string(),
  /** Ed25519: verifies enrolment files and, later, receipts. */
  signingPublicKey: z.string(),
  encryptionKeyId: z.string(),
  /** X25519: devices encrypt batches to it. */
  encryptionPublicKey: z.string(),
})
export type ProvincePublicKeysInfo = z.infer<typeof provincePublicKeysSchema>

/** What an enrolled device needs to work offline, answered by enrolment. */
export const enrolmentResultSchema = z.object({
  deviceId: z.uuid(),
  deviceName: z.string(),
  commune: placeSchema,
  province: placeSchema,
  /** The commune's active villages, with their registered households. */
  villages: z.array(enrolledVillageSchema),
  /** Every published form version, as an enrolment file carries them. */
  forms: z.array(formDefinitionSchema),
  provincePublicKeys: provincePublicKeysSchema,
  serverTime: z.string(),
})
export type EnrolmentResult = z.infer<typeof enrolmentResultSchema>

/**
 * How the desktop reads an enrol answer: as enrolmentResultSchema, but an older server's
 * answer (no form versions, no registered households) still enrols; the first pull then
 * brings what it lacked.
 */
export const enrolmentResultReadSchema = enrolmentResultSchema.extend({
  villages: z.array(enrolledVillageReadSchema),
  forms: z.array(formDefinitionSchema).default([]),
})
export type EnrolmentResultRead = z.infer<typeof enrolmentResultReadSchema>

/** The signed content of an enrolment file; the desktop checks it against this schema. */
export const enrolmentFilePayloadSchema = z.object({
  format: z.literal('langso-enrolment-file'),
  formatVersion: z.literal(1),
  fileId: z.uuid(),
  serverUrl: z.string(),
  province: placeSchema,
  commune: placeSchema,
  villages: z.array(enrolledVillageSchema),
  forms: z.array(formDefinitionSchema),
  /** One-time token the device presents (with its key) at first contact or in its first batch. */
  enrolmentToken: z.string(),
  tokenExpiresAt: z.string(),
  provincePublicKeys: provincePublicKeysSchema,
  issuedAt: z.string(),
})
export type EnrolmentFilePayload = z.infer<typeof enrolmentFilePayloadSchema>

/**
 * How the desktop reads an enrolment file: files stay valid for up to 90 days, so one issued
 * before villages carried their registered households must still enrol (same format version:
 * the field is additive and the signature covers whatever bytes were signed).
 */
export const enrolmentFilePayloadReadSchema = enrolmentFilePayloadSchema.extend({
  villages: z.array(enrolledVillageReadSchema),
})
export type EnrolmentFilePayloadRead = z.infer<typeof enrolmentFilePayloadReadSchema>

/** A document signed by the province key: the payload's exact bytes and a detached signature. */
export const signedEnvelopeSchema = z.object({
  format: z.literal('langso-signed/v1'),
  purpose: z.string(),
  keyId: z.string(),
  /** Base64 of the payload's UTF-8 JSON bytes. */
  payload: z.string(),
  /** Base64 Ed25519 signature over `purpose + "\n" + payload bytes`. */
  signature: z.string(),
})

export const ENROLMENT_CODE_STATES = ['active', 'used', 'expired', 'cancelled'] as const
export const enrolmentCodeStateSchema = z.enum(ENROLMENT_CODE_STATES)

/** An enrolment code or file token as listed in the console: never the secret itself. */
export const enrolmentCodeInfoSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['code', 'file']),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  state: enrolmentCodeStateSchema,
  /** User id and display name of who made it. */
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  deviceId: z.string().nullable(),
  cancelledAt: z.string().nullable(),
})
export type EnrolmentCodeInfo = z.infer<typeof enrolmentCodeInfoSchema>

export const DEVICE_STATUSES = ['active', 'revoked'] as const

/** An enrolled device as the console lists it. */
export const consoleDeviceSchema = z.object({
  id: z.uuid(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  name: z.string(),
  status: z.enum(DEVICE_STATUSES),
  enrolledAt: z.string(),
  lastContactAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  /** Records waiting on the device at its last check-in. */
  pendingReported: z.number().int().nullable(),
  appVersion: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** User id and display name of who revoked it. */
  revokedBy: z.string().nullable(),
  revokedByName: z.string().nullable(),
})
export type ConsoleDevice = z.infer<typeof consoleDeviceSchema>

const pagingSchema = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
}

const deviceNameSchema = z.string().trim().min(1).max(80)

export const deviceCalls = defineHttp({
  'devices.createEnrolmentCode': {
    method: 'POST',
    path: '/api/v1/devices/enrolment-codes',
    access: PROVINCE_STAFF,
    input: z.strictObject({
      communeCode: communeCodeSchema,
      validHours: z.number().int().min(1).max(MAX_CODE_VALID_HOURS).default(72),
      /** The address devices use; the console sends its own origin, editable by staff. */
      serverUrl: serverUrlSchema,
    }),
    output: z.object({
      id: z.uuid(),
      /** Shown once: only its hash is kept. Formatted XXXX-XXXX-XXXX. */
      code: z.string(),
      communeCode: z.string(),
      communeName: z.string(),
      expiresAt: z.string(),
      serverUrl: z.string(),
      /** What the QR code encodes. */
      qrPayload: z.string(),
      qrSvg: z.string(),
      /** Id of the province signing key, pinned by the QR code; staff may compare it on the device. */
      provinceKeyId: z.string(),
    }),
  },
  'devices.createEnrolmentFile': {
    method: 'POST',
    path: '/api/v1/devices/enrolment-files',
    access: PROVINCE_STAFF,
    input: z.strictObject({
      communeCode: communeCodeSchema,
      validHours: z.number().int().min(1).max(MAX_FILE_VALID_HOURS).default(720),
      serverUrl: serverUrlSchema,
    }),
    output: z.object({
      id: z.uuid(),
      /** Suggested name for the downloaded file. */
      fileName: z.string(),
      expiresAt: z.string(),
      /** The file's content: save it as JSON as is. */
      envelope: signedEnvelopeSchema,
    }),
  },
  'devices.enrolmentCodes': {
    method: 'GET',
    path: '/api/v1/devices/enrolment-codes',
    access: PROVINCE_STAFF,
    input: z.strictObject({
      communeCode: communeCodeSchema.optional(),
      state: enrolmentCodeStateSchema.optional(),
      ...pagingSchema,
    }),
    output: z.object({ total: z.number().int(), items: z.array(enrolmentCodeInfoSchema) }),
  },
  'devices.cancelEnrolmentCode': {
    method: 'POST',
    path: '/api/v1/devices/enrolment-codes/:id/cancel',
    access: PROVINCE_STAFF,
    input: z.strictObject({ id: z.uuid() }),
    output: enrolmentCodeInfoSchema,
  },
  'devices.enrol': {
    method: 'POST',
    path: '/api/v1/devices/enrol',
    access: 'public',
    input: z
      .strictObject({
        /** The code as typed or scanned; spaces, dashes and case do not matter. */
        code: z.string().max(64).optional(),
        /** The token of an enrolment file. */
        enrolmentToken: z.string().max(128).optional(),
        deviceId: z.uuid(),
        deviceName: deviceNameSchema,
        publicKey: devicePublicKeySchema,
      })
      .refine(
        (input) => (input.code === undefined) !== (input.enrolmentToken === undefined),
        'give exactly one of code or enrolmentToken',
      ),
    output: enrolmentResultSchema,
  },
  'devices.list': {
    method: 'GET',
    path: '/api/v1/devices',
    access: ANY_USER,
    input: z.strictObject({
      communeCode: communeCodeSchema.optional(),
      status: z.enum(DEVICE_STATUSES).optional(),
      ...pagingSchema,
    }),
    output: z.object({ total: z.number().int(), items: z.array(consoleDeviceSchema) }),
  },
  'devices.revoke': {
    method: 'POST',
    path: '/api/v1/devices/:id/revoke',
    access: PROVINCE_STAFF,
    input: z.strictObject({ id: z.uuid() }),
    output: consoleDeviceSchema,
  },
  'devices.checkIn': {
    method: 'POST',
    path: '/api/v1/devices/check-in',
    access: 'device',
    input: z.strictObject({
      /** Records waiting on the device to be sent. */
      pendingCount: z.number().int().min(0).max(10_000_000),
      appVersion: z.string().trim().min(1).max(64).optional(),
    }),
    output: z.object({
      deviceId: z.uuid(),
      communeCode: z.string(),
      status: z.literal('active'),
      serverTime: z.string(),
    }),
  },
})
