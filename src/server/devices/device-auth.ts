import type { FastifyRequest } from 'fastify'
import {
  DEVICE_HEADERS,
  ed25519PublicKey,
  verifyDeviceRequest,
} from '../../shared/sync/device-signature.node.js'
import type { ServerContext } from '../server-context'
import { findDevice, touchDeviceContact } from './device.repository'
import { rawBodyOf } from './device-body-capture'
import { DeviceRevokedError, DeviceUnauthenticatedError } from './device-errors'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Proves that a request comes from an enrolled, active device: the device signs
 * `LANGSO-DEVICE-REQUEST-V1\nMETHOD\nPATH_WITH_QUERY\nSHA256_HEX(body)\nNONCE` with its
 * Ed25519 key (see device-signature.node.ts). Time plays no part — device clocks may be
 * years off — and nonces are not stored: every device call is idempotent (client-made ids)
 * or a last-value report, so a replay changes nothing, and the transport is TLS.
 *
 * Throws 'unauthenticated' (401) for a missing header, an unknown device or a bad
 * signature, and 'device_revoked' (403) for a revoked device — checked only after the
 * signature, so the answer never tells a stranger which device ids are revoked. On success
 * the device's last contact time moves to now.
 */
export async function authenticateDevice(
  ctx: ServerContext,
  request: FastifyRequest,
): Promise<{ deviceId: string; communeCode: string }> {
  const deviceId = header(request, DEVICE_HEADERS.device)
  const nonce = header(request, DEVICE_HEADERS.nonce)
  const signature = header(request, DEVICE_HEADERS.signature)
  if (!deviceId || !nonce || !signature) {
    throw new DeviceUnauthenticatedError('Sign the request with the device key')
  }
  const device = UUID.test(deviceId) ? await findDevice(ctx.db, deviceId) : undefined
  if (!device) throw new DeviceUnauthenticatedError('Unknown device')
  const valid = verifyDeviceRequest(
    ed25519PublicKey(device.public_key),
    { method: request.method, pathWithQuery: request.url, body: rawBodyOf(request), nonce },
    signature,
  )
  if (!valid) throw new DeviceUnauthenticatedError('The request signature does not match')
  if (device.status === 'revoked') throw new DeviceRevokedError()
  await touchDeviceContact(ctx.db, device.id, new Date(ctx.clock.now()).toISOString())
  return { deviceId: device.id, communeCode: device.commune_code }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return typeof value === 'string' && value.length > 0 ? value : undefined
}
