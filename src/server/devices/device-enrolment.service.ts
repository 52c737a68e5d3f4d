import type { Transaction } from 'kysely'
import type { HttpOutput } from '../../shared/api/http.contract'
import { ed25519PublicKey } from '../../shared/sync/device-signature.node.js'
import { type AuditActor, recordAudit } from '../audit/audit.service'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import { provincePublicKeys } from '../keys/province-keys'
import type { ServerDatabase } from '../store/server-database.types'
import { communeVillages, publishedFormVersions, resolveCommune } from './commune-reference'
import { findDevice } from './device.repository'
import {
  DeviceRevokedError,
  EnrolmentCodeExpiredError,
  EnrolmentCodeInvalidError,
  EnrolmentCodeUsedError,
  EnrolmentCommuneMismatchError,
} from './device-errors'
import type { DeviceTable, EnrolmentCodeTable, EnrolmentKind } from './devices.tables'
import { assertEnrolmentAllowed, recordEnrolmentFailure } from './enrolment-rate-limit'
import { hashEnrolmentSecret, isWellFormedCode, normaliseEnrolmentCode } from './enrolment-secret'

type Trx = Transaction<ServerDatabase>
export type EnrolInput = HttpParsedInput<'devices.enrol'>
export type EnrolOutput = HttpOutput<'devices.enrol'>

/** Address counted for the attempt limit when the transport gives none (a direct call). */
export const UNKNOWN_ADDRESS = 'unknown'

/** How a redemption ended: a new device, a known device's new enrolment, or a retry. */
export type RedemptionOutcome = 'enrolled' | 'reenrolled' | 'retry'

/** What a caller other than devices.enrol (a batch file's claim) adds to a redemption. */
export interface RedeemOptions {
  /** The token must be for this commune (a batch's commune), else enrolment_commune_mismatch. */
  communeCode?: string
  /** Merged into the audit entry's details (e.g. the batch that carried the token). */
  auditDetails?: Record<string, unknown>
  /** Who the audit entry names, when not the request's caller (the CLI). */
  actor?: AuditActor
}

/**
 * Enrols a device with a one-time code or an enrolment file token: records the device's
 * public key for its commune, consumes the secret and answers what the device needs to
 * work offline (villages with their registers, every published form version). Also used when a device's first batch carries its file token.
 *
 * - A code or token that matches nothing counts against the caller's address; too many
 *   and the address gets 429 for a while. Expired and used secrets fail with their own codes.
 * - A retry by the same device with the same key (its answer was lost) succeeds again.
 * - A known device enrolling again with a new secret gets its new key, commune and name,
 *   unless it was revoked: a revoked device stays revoked.
 */
export async function enrolDevice(ctx: RequestContext, input: EnrolInput): Promise<EnrolOutput> {
  const ip = ctx.ip ?? UNKNOWN_ADDRESS
  await assertEnrolmentAllowed(ctx, ip)
  // A malformed key is bad input (400), decided before the secret is looked at.
  ed25519PublicKey(input.publicKey)
  const secret = presentedSecret(input)
  const codeHash = hashEnrolmentSecret(ctx.provinceKeys.secretPepper, secret.value)
  try {
    // A code that could never have been issued needs no lookup, but still counts as a guess.
    if (secret.kind === 'code' && !isWellFormedCode(secret.value)) {
      throw new EnrolmentCodeInvalidError()
    }
    const code = await ctx.db.transaction().execute(async (trx) => {
      return (await redeemSecret(trx, ctx, input, secret.kind, codeHash)).code
    })
    return await enrolmentAnswer(ctx.db, ctx, input, code)
  } catch (error) {
    if (error instanceof EnrolmentCodeInvalidError) await recordEnrolmentFailure(ctx, ip)
    throw error
  }
}

function presentedSecret(input: EnrolInput): { kind: EnrolmentKind; value: string } {
  if (input.code !== undefined) return { kind: 'code', value: normaliseEnrolmentCode(input.code) }
  return { kind: 'file', value: (input.enrolmentToken ?? '').trim() }
}

/**
 * Redeems a code or token (by its hash) for the device within the caller's transaction:
 * checks it (invalid or cancelled, other commune, used by another device or key, expired,
 * device revoked — in that order), marks it used, saves the device and audits it. A retry
 * by the device that used it, with the same key, changes nothing.
 */
export async function redeemSecret(
  trx: Trx,
  ctx: RequestContext,
  input: EnrolInput,
  kind: EnrolmentKind,
  codeHash: string,
  options: RedeemOptions = {},
): Promise<{ code: EnrolmentCodeTable; outcome: RedemptionOutcome }> {
  const code = await trx
    .selectFrom('enrolment_codes')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .where('kind', '=', kind)
    .executeTakeFirst()
  if (!code || code.cancelled_at) throw new EnrolmentCodeInvalidError()
  if (options.communeCode !== undefined && options.communeCode !== code.commune_code) {
    throw new EnrolmentCommuneMismatchError(options.communeCode, code.commune_code)
  }
  const existing = await findDevice(trx, input.deviceId)
  if (code.used_at) {
    if (isSameEnrolment(code, existing, input)) return { code, outcome: 'retry' }
    throw new EnrolmentCodeUsedError()
  }
  if (code.expires_at <= new Date(ctx.clock.now()).toISOString()) {
    throw new EnrolmentCodeExpiredError()
  }
  if (existing?.status === 'revoked') throw new DeviceRevokedError()
  await claimCode(trx, ctx, code, input.deviceId)
  await saveDevice(trx, ctx, input, code, existing)
  await recordAudit(trx, ctx, {
    action: existing ? 'device.reenrol' : 'device.enrol',
    targetType: 'device',
    targetId: input.deviceId,
    communeCode: code.commune_code,
    details: { enrolmentId: code.id, kind: code.kind, ...options.auditDetails },
    ...(options.actor ? { actor: options.actor } : {}),
  })
  return { code, outcome: existing ? 'reenrolled' : 'enrolled' }
}

/** The code was used by this very device with this very key: a retry, not a reuse. */
function isSameEnrolment(
  code: EnrolmentCodeTable,
  device: DeviceTable | undefined,
  input: EnrolInput,
): boolean {
  return (
    code.device_id === input.deviceId &&
    device?.status === 'active' &&
    device.public_key === input.publicKey &&
    device.enrolment_id === code.id
  )
}

/** Marks the code used; the guard on used_at makes a concurrent second use fail. */
async function claimCode(
  trx: Trx,
  ctx: RequestContext,
  code: EnrolmentCodeTable,
  deviceId: string,
): Promise<void> {
  const result = await trx
    .updateTable('enrolment_codes')
    .set({ used_at: new Date(ctx.clock.now()).toISOString(), device_id: deviceId })
    .where('id', '=', code.id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new EnrolmentCodeUsedError()
}

async function saveDevice(
  trx: Trx,
  ctx: RequestContext,
  input: EnrolInput,
  code: EnrolmentCodeTable,
  existing: DeviceTable | undefined,
): Promise<void> {
  const now = new Date(ctx.clock.now()).toISOString()
  const enrolment = {
    commune_code: code.commune_code,
    name: input.deviceName,
    public_key: input.publicKey,
    enrolled_at: now,
    enrolment_id: code.id,
    last_contact_at: now,
  }
  if (existing) {
    await trx.updateTable('devices').set(enrolment).where('id', '=', input.deviceId).execute()
    return
  }
  await trx
    .insertInto('devices')
    .values({
      id: input.deviceId,
      ...enrolment,
      last_sync_at: null,
      pending_reported: null,
      app_version: null,
      status: 'active',
      revoked_at: null,
      revoked_by: null,
    })
    .execute()
}

async function enrolmentAnswer(
  trx: RequestContext['db'],
  ctx: RequestContext,
  input: EnrolInput,
  code: EnrolmentCodeTable,
): Promise<EnrolOutput> {
  const place = await resolveCommune(trx, code.commune_code)
  return {
    deviceId: input.deviceId,
    deviceName: input.deviceName,
    commune: place.commune,
    province: place.province,
    villages: await communeVillages(trx, place.commune.code),
    forms: await publishedFormVersions(trx),
    provincePublicKeys: provincePublicKeys(ctx.provinceKeys),
    serverTime: new Date(ctx.clock.now()).toISOString(),
  }
}
