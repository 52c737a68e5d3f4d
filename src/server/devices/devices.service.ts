import type { HttpOutput } from '../../shared/api/http.contract'
import { NotFoundError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import { communeScope, requireCommuneAccess } from '../auth/require-role'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import { findDevice, listDevices, toConsoleDevice, userDisplayNames } from './device.repository'
import { DeviceUnauthenticatedError } from './device-errors'

/**
 * The device list. A commune viewer sees their own commune only: with no commune filter
 * the list is narrowed to it, and asking for another commune is refused (403).
 */
export async function listDevicesForCaller(
  ctx: RequestContext,
  input: HttpParsedInput<'devices.list'>,
): Promise<HttpOutput<'devices.list'>> {
  if (input.communeCode) requireCommuneAccess(ctx, input.communeCode)
  const { total, rows } = await listDevices(ctx.db, {
    communeCode: input.communeCode ?? communeScope(ctx) ?? undefined,
    status: input.status,
    limit: input.limit,
    offset: input.offset,
  })
  const names = await userDisplayNames(
    ctx.db,
    rows.map((row) => row.revoked_by),
  )
  return { total, items: rows.map((row) => toConsoleDevice(row, names)) }
}

/**
 * Revokes a device: from now on every request and batch it signs is refused (403
 * device_revoked), and it cannot enrol again under the same id. Revoking twice is harmless.
 */
export async function revokeDevice(
  ctx: RequestContext,
  input: HttpParsedInput<'devices.revoke'>,
): Promise<HttpOutput<'devices.revoke'>> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const device = await findDevice(trx, input.id)
    if (!device) throw new NotFoundError('Device')
    if (device.status === 'revoked') return device
    const revoked = {
      status: 'revoked' as const,
      revoked_at: new Date(ctx.clock.now()).toISOString(),
      revoked_by: ctx.caller.kind === 'user' ? ctx.caller.userId : null,
    }
    await trx.updateTable('devices').set(revoked).where('id', '=', device.id).execute()
    await recordAudit(trx, ctx, {
      action: 'device.revoke',
      targetType: 'device',
      targetId: device.id,
      communeCode: device.commune_code,
    })
    return { ...device, ...revoked }
  })
  return toConsoleDevice(row, await userDisplayNames(ctx.db, [row.revoked_by]))
}

/**
 * A device reports in (signed request; revoked devices never get here): stores what it
 * reported and answers the server's time, which the device compares with its own clock.
 */
export async function checkInDevice(
  ctx: RequestContext,
  input: HttpParsedInput<'devices.checkIn'>,
): Promise<HttpOutput<'devices.checkIn'>> {
  if (ctx.caller.kind !== 'device') throw new DeviceUnauthenticatedError('Only a device checks in')
  const now = new Date(ctx.clock.now()).toISOString()
  await ctx.db
    .updateTable('devices')
    .set({
      pending_reported: input.pendingCount,
      last_contact_at: now,
      ...(input.appVersion ? { app_version: input.appVersion } : {}),
    })
    .where('id', '=', ctx.caller.deviceId)
    .execute()
  return {
    deviceId: ctx.caller.deviceId,
    communeCode: ctx.caller.communeCode,
    status: 'active',
    serverTime: now,
  }
}
