import type { Kysely, Transaction } from 'kysely'
import {
  ENROLMENT_FILE_PURPOSE,
  type EnrolmentCodeInfo,
  type EnrolmentFilePayload,
  enrolmentQrPayload,
} from '../../shared/api/http/devices.contract'
import type { HttpCall, HttpOutput } from '../../shared/api/http.contract'
import { newId } from '../../shared/ids/uuid'
import { NotFoundError } from '../../shared/result'
import { signEnvelope } from '../../shared/sync/device-signature.node.js'
import { recordAudit } from '../audit/audit.service'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import { provincePublicKeys } from '../keys/province-keys'
import type { ServerDatabase } from '../store/server-database.types'
import {
  communeName,
  communeVillages,
  publishedFormVersions,
  resolveCommune,
} from './commune-reference'
import { userDisplayNames } from './device.repository'
import { EnrolmentCodeNotCancellableError } from './device-errors'
import type { EnrolmentCodeTable, EnrolmentKind } from './devices.tables'
import { enrolmentQrSvg } from './enrolment-qr'
import {
  formatEnrolmentCode,
  hashEnrolmentSecret,
  newEnrolmentCode,
  newEnrolmentToken,
} from './enrolment-secret'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>
type Input<N extends HttpCall> = HttpParsedInput<N>
type Output<N extends HttpCall> = HttpOutput<N>

const HOUR_MS = 3600_000

/**
 * Makes a one-time enrolment code for a commune of the province. Only its hash is stored;
 * the code (and its QR code) is in this answer only.
 */
export async function createEnrolmentCode(
  ctx: RequestContext,
  input: Input<'devices.createEnrolmentCode'>,
): Promise<Output<'devices.createEnrolmentCode'>> {
  const place = await resolveCommune(ctx.db, input.communeCode)
  const code = newEnrolmentCode()
  const row = await storeSecret(ctx, {
    kind: 'code',
    communeCode: place.commune.code,
    codeHash: hashEnrolmentSecret(ctx.provinceKeys.secretPepper, code),
    validHours: input.validHours,
  })
  const formatted = formatEnrolmentCode(code)
  const qrPayload = enrolmentQrPayload({
    serverUrl: input.serverUrl,
    code: formatted,
    provinceKeyId: ctx.provinceKeys.signing.keyId,
  })
  return {
    id: row.id,
    code: formatted,
    communeCode: place.commune.code,
    communeName: place.commune.name,
    expiresAt: row.expires_at,
    serverUrl: input.serverUrl,
    qrPayload,
    qrSvg: await enrolmentQrSvg(qrPayload),
    provinceKeyId: ctx.provinceKeys.signing.keyId,
  }
}

/**
 * Makes an enrolment file for a laptop that cannot reach the server: everything it needs
 * to work offline and a one-time token, signed with the province key so the laptop can
 * check it without a network. The token registers the device when it first makes contact
 * or when its first batch is imported.
 */
export async function createEnrolmentFile(
  ctx: RequestContext,
  input: Input<'devices.createEnrolmentFile'>,
): Promise<Output<'devices.createEnrolmentFile'>> {
  const place = await resolveCommune(ctx.db, input.communeCode)
  const token = newEnrolmentToken()
  const row = await storeSecret(ctx, {
    kind: 'file',
    communeCode: place.commune.code,
    codeHash: hashEnrolmentSecret(ctx.provinceKeys.secretPepper, token),
    validHours: input.validHours,
  })
  const payload: EnrolmentFilePayload = {
    format: 'langso-enrolment-file',
    formatVersion: 1,
    fileId: row.id,
    serverUrl: input.serverUrl,
    province: place.province,
    commune: place.commune,
    villages: await communeVillages(ctx.db, place.commune.code),
    forms: await publishedFormVersions(ctx.db),
    enrolmentToken: token,
    tokenExpiresAt: row.expires_at,
    provincePublicKeys: provincePublicKeys(ctx.provinceKeys),
    issuedAt: row.created_at,
  }
  return {
    id: row.id,
    fileName: `langso-enrolment-${place.commune.code}-${row.created_at.slice(0, 10)}.json`,
    expiresAt: row.expires_at,
    envelope: signEnvelope(ctx.provinceKeys.signing.privateKey, ENROLMENT_FILE_PURPOSE, payload),
  }
}

/** Stores a new code or token hash and audits it, in one transaction. */
async function storeSecret(
  ctx: RequestContext,
  secret: { kind: EnrolmentKind; communeCode: string; codeHash: string; validHours: number },
): Promise<EnrolmentCodeTable> {
  const now = ctx.clock.now()
  const row: EnrolmentCodeTable = {
    id: newId(),
    kind: secret.kind,
    code_hash: secret.codeHash,
    commune_code: secret.communeCode,
    created_by: ctx.caller.kind === 'user' ? ctx.caller.userId : null,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + secret.validHours * HOUR_MS).toISOString(),
    used_at: null,
    device_id: null,
    cancelled_at: null,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('enrolment_codes').values(row).execute()
    await recordAudit(trx, ctx, {
      action:
        secret.kind === 'code' ? 'device.enrolment_code.create' : 'device.enrolment_file.create',
      targetType: 'enrolment_code',
      targetId: row.id,
      communeCode: row.commune_code,
      details: { validHours: secret.validHours },
    })
  })
  return row
}

/** Enrolment codes and file tokens, newest first, filtered by commune and state. */
export async function listEnrolmentCodes(
  ctx: RequestContext,
  input: Input<'devices.enrolmentCodes'>,
): Promise<Output<'devices.enrolmentCodes'>> {
  const now = new Date(ctx.clock.now()).toISOString()
  let query = ctx.db.selectFrom('enrolment_codes')
  if (input.communeCode) query = query.where('commune_code', '=', input.communeCode)
  if (input.state === 'cancelled') query = query.where('cancelled_at', 'is not', null)
  if (input.state === 'used') query = query.where('used_at', 'is not', null)
  if (input.state === 'active' || input.state === 'expired') {
    query = query
      .where('used_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .where('expires_at', input.state === 'active' ? '>' : '<=', now)
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  const names = await userDisplayNames(
    ctx.db,
    rows.map((row) => row.created_by),
  )
  return { total: Number(counted.n), items: rows.map((row) => toCodeInfo(row, now, names)) }
}

/**
 * Cancels a code or file token that has not been used. Cancelling twice is harmless; a
 * used one cannot be cancelled (revoke the device instead).
 */
export async function cancelEnrolmentCode(
  ctx: RequestContext,
  input: Input<'devices.cancelEnrolmentCode'>,
): Promise<Output<'devices.cancelEnrolmentCode'>> {
  const nowIso = new Date(ctx.clock.now()).toISOString()
  const row = await ctx.db.transaction().execute(async (trx) => {
    const found = await findCode(trx, input.id)
    if (found.used_at) throw new EnrolmentCodeNotCancellableError()
    if (found.cancelled_at) return found
    await trx
      .updateTable('enrolment_codes')
      .set({ cancelled_at: nowIso })
      .where('id', '=', found.id)
      .where('used_at', 'is', null)
      .execute()
    await recordAudit(trx, ctx, {
      action: 'device.enrolment_code.cancel',
      targetType: 'enrolment_code',
      targetId: found.id,
      communeCode: found.commune_code,
    })
    return { ...found, cancelled_at: nowIso }
  })
  return toCodeInfo(row, nowIso, await userDisplayNames(ctx.db, [row.created_by]))
}

async function findCode(db: Db, id: string): Promise<EnrolmentCodeTable> {
  const row = await db
    .selectFrom('enrolment_codes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Enrolment code')
  return row
}

function toCodeInfo(
  row: EnrolmentCodeTable,
  nowIso: string,
  names: ReadonlyMap<string, string>,
): EnrolmentCodeInfo {
  return {
    id: row.id,
    kind: row.kind,
    communeCode: row.commune_code,
    communeName: communeName(row.commune_code),
    state: codeState(row, nowIso),
    createdBy: row.created_by,
    createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    deviceId: row.device_id,
    cancelledAt: row.cancelled_at,
  }
}

function codeState(row: EnrolmentCodeTable, nowIso: string): EnrolmentCodeInfo['state'] {
  if (row.used_at) return 'used'
  if (row.cancelled_at) return 'cancelled'
  return row.expires_at > nowIso ? 'active' : 'expired'
}
