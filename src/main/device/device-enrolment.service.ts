import { createPublicKey } from 'node:crypto'
import { hostname } from 'node:os'
import { z } from 'zod'
import {
  ENROLMENT_FILE_PURPOSE,
  type EnrolmentFilePayloadRead,
  type EnrolmentResultRead,
  enrolmentFilePayloadReadSchema,
  enrolmentResultReadSchema,
  httpContract,
  type ProvincePublicKeysInfo,
  parseEnrolmentQrPayload,
  serverUrlSchema,
  signedEnvelopeSchema,
} from '../../shared/api/http.contract'
import type { DeviceStatus } from '../../shared/api/ipc.contract'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { EnrolmentClaimSecret } from '../../shared/sync/batch-codec.node.js'
import {
  EnvelopeSignatureError,
  ed25519PublicKey,
  exportPrivateKey,
  generateDeviceKeyPair,
  importPrivateKey,
  openEnvelope,
  publicKeyId,
  rawPublicKeyBase64,
} from '../../shared/sync/device-signature.node.js'
import type { MainContext } from '../context'
import { rememberForms, storeEnrolmentForms } from '../forms/stored-forms.repository'
import { saveEnrolledPlaces } from '../places/village-catalog'
import { saveEnrolmentRegister } from '../places/village-register.repository'
import { setSetting } from '../settings/settings.repository'
import { releaseUnsettledBatches } from '../sync/sealed-batch.repository'
import { DeviceError } from './device.errors'
import { postJson } from './device.http'
import { loadEnrolment, type StoredEnrolment, saveEnrolment } from './device-enrolment.repository'

/** What the enrolment screen sends for an online enrolment. */
export interface CodeEnrolment {
  serverUrl: string
  /** The code as typed, or a pasted QR payload. */
  code: string
  deviceName?: string | undefined
}

/** This laptop's enrolment, for the settings menu and the start screen. */
export async function getDeviceStatus(ctx: MainContext): Promise<DeviceStatus> {
  const enrolment = await loadEnrolment(ctx.db, ctx.cipher)
  return {
    enrolled: enrolment !== null,
    deviceId: ctx.deviceId,
    deviceName: enrolment?.deviceName ?? null,
    method: enrolment?.method ?? null,
    commune: enrolment?.commune ?? null,
    province: enrolment?.province ?? null,
    serverUrl: enrolment?.serverUrl ?? null,
    enrolledAt: enrolment?.enrolledAt ?? null,
    provinceKeyId: enrolment?.provincePublicKeys.signingKeyId ?? null,
    awaitingServer: enrolment?.pendingToken != null,
  }
}

/**
 * Enrols online: makes a new key pair, presents the one-time code with the device id and
 * public key, checks the province keys it receives (against the key id a QR code pins),
 * then stores everything. Re-enrolment replaces only the enrolment: nothing recorded on
 * the laptop is deleted, and what is still unsent is sent under the new enrolment.
 */
export async function enrolWithCode(ctx: MainContext, input: CodeEnrolment): Promise<DeviceStatus> {
  const qr = parseEnrolmentQrPayload(input.code.trim())
  const serverUrl = normaliseServerUrl(qr?.serverUrl ?? input.serverUrl)
  const keys = generateDeviceKeyPair()
  const deviceName = input.deviceName ?? defaultDeviceName()
  const answer = await postJson(ctx, `${serverUrl}${httpContract['devices.enrol'].path}`, {
    code: qr?.code ?? input.code.trim(),
    deviceId: ctx.deviceId,
    deviceName,
    publicKey: keys.publicKey,
  })
  const result = parseEnrolmentResult(answer)
  checkProvinceKeys(result.provincePublicKeys, qr?.provinceKeyId ?? null)
  await storeEnrolment(
    ctx,
    {
      method: 'code',
      serverUrl,
      deviceName: result.deviceName,
      commune: result.commune,
      province: result.province,
      villages: result.villages,
      provincePublicKeys: result.provincePublicKeys,
      devicePrivateKey: exportPrivateKey(keys.privateKey),
      deviceKeyId: publicKeyId(keys.publicKey),
      enrolledAt: new Date(ctx.clock.now()).toISOString(),
      pendingToken: null,
    },
    {
      forms: result.forms,
      // The server published each version before answering; it names no publication time.
      publishedBy: result.serverTime,
      villages: result.villages,
      // Fresh from the server: it replaces any register an earlier enrolment or pull stored.
      replaceRegister: true,
    },
  )
  return getDeviceStatus(ctx)
}

/**
 * Enrols offline from an enrolment file. The file is signed by the province key it carries,
 * so on a laptop that trusts no province key yet this is trust on first use: the key id is
 * shown for staff to compare with the console. A laptop that already trusts a province key
 * refuses a file signed by another one. The one-time token is kept and presented to the
 * server at the first online contact (sync does it before uploading).
 */
export async function enrolWithFile(
  ctx: MainContext,
  input: { content: string; deviceName?: string | undefined },
): Promise<DeviceStatus> {
  const payload = verifyEnrolmentFile(input.content)
  const previous = await loadEnrolment(ctx.db, ctx.cipher)
  if (
    previous &&
    previous.provincePublicKeys.signingPublicKey !== payload.provincePublicKeys.signingPublicKey
  ) {
    throw new DeviceError(
      'province_key_mismatch',
      'the enrolment file is signed by another province key than the one this laptop trusts',
    )
  }
  checkProvinceKeys(payload.provincePublicKeys, null)
  const keys = generateDeviceKeyPair()
  await storeEnrolment(
    ctx,
    {
      method: 'file',
      serverUrl: normaliseServerUrl(payload.serverUrl),
      deviceName: input.deviceName ?? defaultDeviceName(),
      commune: payload.commune,
      province: payload.province,
      villages: payload.villages,
      provincePublicKeys: payload.provincePublicKeys,
      devicePrivateKey: exportPrivateKey(keys.privateKey),
      deviceKeyId: publicKeyId(keys.publicKey),
      enrolledAt: new Date(ctx.clock.now()).toISOString(),
      pendingToken: { token: payload.enrolmentToken, expiresAt: payload.tokenExpiresAt },
    },
    {
      forms: payload.forms,
      publishedBy: payload.issuedAt,
      villages: payload.villages,
      // A file may be weeks old: a register a pull already brought is kept.
      replaceRegister: false,
    },
  )
  return getDeviceStatus(ctx)
}

/**
 * Presents a file enrolment's one-time token to the server (devices.enrol, as a code
 * would), then forgets it. Safe to repeat: the server answers a retried token the same.
 */
export async function presentPendingToken(ctx: MainContext): Promise<void> {
  const enrolment = await loadEnrolment(ctx.db, ctx.cipher)
  if (!enrolment?.pendingToken) return
  const { signingKey: _key, ...stored } = enrolment
  const publicKey = rawPublicKeyOf(enrolment.devicePrivateKey)
  const answer = await postJson(
    ctx,
    `${enrolment.serverUrl}${httpContract['devices.enrol'].path}`,
    {
      enrolmentToken: enrolment.pendingToken.token,
      deviceId: ctx.deviceId,
      deviceName: enrolment.deviceName,
      publicKey,
    },
  )
  const result = parseEnrolmentResult(answer)
  if (
    result.provincePublicKeys.signingPublicKey !== enrolment.provincePublicKeys.signingPublicKey
  ) {
    throw new DeviceError('province_key_mismatch', 'the server presents another province key')
  }
  await saveEnrolment(ctx.db, ctx.cipher, { ...stored, pendingToken: null })
}

/**
 * What a sealed batch carries while this laptop, enrolled by file, is not known to be
 * registered (its token not yet answered by the server): the token and its name, so that
 * province staff importing the file from a USB stick register it (docs/devices.md). Null
 * once the first online contact presented the token: the server knows the laptop then.
 */
export function enrolmentClaimOf(enrolment: StoredEnrolment): EnrolmentClaimSecret | null {
  if (enrolment.method !== 'file' || !enrolment.pendingToken) return null
  // The server takes 1 to 80 characters once trimmed, as devices.enrol does.
  const deviceName = enrolment.deviceName.trim().slice(0, 80).trim() || defaultDeviceName()
  return { enrolmentToken: enrolment.pendingToken.token, deviceName }
}

function verifyEnrolmentFile(content: string): EnrolmentFilePayloadRead {
  const envelope = signedEnvelopeSchema.safeParse(parseJson(content))
  if (!envelope.success) throw invalidFile('this is not an enrolment file')
  // The signing key travels inside the payload: read it first, then verify with it.
  const claimed = z
    .object({ provincePublicKeys: z.object({ signingPublicKey: z.string() }) })
    .safeParse(parseJson(Buffer.from(envelope.data.payload, 'base64').toString('utf8')))
  if (!claimed.success) throw invalidFile('the enrolment file carries no province key')
  let opened: unknown
  try {
    const key = ed25519PublicKey(claimed.data.provincePublicKeys.signingPublicKey)
    opened = openEnvelope(key, envelope.data, ENROLMENT_FILE_PURPOSE)
  } catch (error) {
    if (error instanceof EnvelopeSignatureError || error instanceof DeviceError) {
      throw invalidFile(`the enrolment file does not verify: ${error.message}`)
    }
    throw invalidFile('the province key of the enrolment file is malformed')
  }
  const payload = enrolmentFilePayloadReadSchema.safeParse(opened)
  if (!payload.success) throw invalidFile('the enrolment file content is not complete')
  if (envelope.data.keyId !== payload.data.provincePublicKeys.signingKeyId) {
    throw invalidFile('the enrolment file names another signing key')
  }
  return payload.data
}

function invalidFile(message: string): DeviceError {
  return new DeviceError('enrolment_file_invalid', message)
}

function parseEnrolmentResult(answer: unknown): EnrolmentResultRead {
  const result = enrolmentResultReadSchema.safeParse(answer)
  if (!result.success) {
    throw new DeviceError('server_answer_invalid', 'the server answer is not an enrolment')
  }
  return result.data
}

/** Each key id must be its key's, and the signing key the one a QR code pinned. */
function checkProvinceKeys(keys: ProvincePublicKeysInfo, pinnedKeyId: string | null): void {
  const consistent =
    safeKeyId(keys.signingPublicKey) === keys.signingKeyId &&
    safeKeyId(keys.encryptionPublicKey) === keys.encryptionKeyId
  if (!consistent) {
    throw new DeviceError('province_key_mismatch', 'the province key ids do not match the keys')
  }
  if (pinnedKeyId !== null && pinnedKeyId !== keys.signingKeyId) {
    throw new DeviceError(
      'province_key_mismatch',
      'the province key received is not the one the QR code names',
    )
  }
}

function safeKeyId(rawBase64: string): string | null {
  try {
    return publicKeyId(rawBase64)
  } catch {
    // Malformed: reported as a mismatch by the caller.
    return null
  }
}

/** What an enrolment carries besides the enrolment record: form versions and village registers. */
interface EnrolmentCarried {
  forms: readonly FormDefinition[]
  /** A time by which every carried version was published (the answer's or file's time). */
  publishedBy: string
  /** Villages with their registered households, when the server or file gave them. */
  villages: readonly { code: string; registeredHouseholds?: number | undefined }[]
  /** Replace stored registers (a fresh server answer) or only fill missing ones (a file). */
  replaceRegister: boolean
}

/**
 * Stores the enrolment (commune, villages, keys), the form versions and village registers
 * it carries, and the server address in one transaction, so the laptop records on the
 * newest form and shows coverage before any pull. Unsettled upload batches were signed
 * with the previous key: they are released so their revisions are sealed again (the server
 * answers any it already has as duplicates).
 */
async function storeEnrolment(
  ctx: MainContext,
  enrolment: StoredEnrolment,
  carried: EnrolmentCarried,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await saveEnrolment(trx, ctx.cipher, enrolment)
    await setSetting(trx, 'server_url', enrolment.serverUrl)
    await saveEnrolledPlaces(trx, enrolment)
    await releaseUnsettledBatches(trx, enrolment.enrolledAt)
    await storeEnrolmentForms(trx, carried.forms, carried.publishedBy, enrolment.enrolledAt)
    await saveEnrolmentRegister(trx, registersOf(carried.villages), enrolment.enrolledAt, {
      replace: carried.replaceRegister,
    })
  })
  // Only once committed: a rolled-back enrolment must not leave its forms in use.
  rememberForms(ctx.db, carried.forms)
}

/** The villages whose registered households the enrolment names (older servers name none). */
function registersOf(
  villages: EnrolmentCarried['villages'],
): { villageCode: string; registered: number }[] {
  return villages.flatMap((v) =>
    v.registeredHouseholds === undefined
      ? []
      : [{ villageCode: v.code, registered: v.registeredHouseholds }],
  )
}

function normaliseServerUrl(url: string): string {
  const parsed = serverUrlSchema.safeParse(url.trim())
  if (!parsed.success) throw new DeviceError('invalid_server_url', 'not an http(s) address')
  return parsed.data
}

function defaultDeviceName(): string {
  return (hostname().trim() || 'Laptop').slice(0, 80)
}

function rawPublicKeyOf(pkcs8Base64: string): string {
  return rawPublicKeyBase64(createPublicKey(importPrivateKey(pkcs8Base64)))
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // Not JSON: the schema check that follows reports it.
    return undefined
  }
}
