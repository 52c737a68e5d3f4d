import { issueSetupToken } from '../../../src/server/auth/setup.service'
import type { Role } from '../../../src/shared/api/http.contract'
import type { Clock } from '../../../src/shared/clock/clock'
import { newId } from '../../../src/shared/ids/uuid'
import type { Result } from '../../../src/shared/result'
import {
  type DeviceKeyPair,
  generateDeviceKeyPair,
  signDeviceRequest,
} from '../../../src/shared/sync/device-signature.node.js'
import type { TestServer } from '../../support/server-stores'
import { type ApiAnswer, dataOf } from '../api-client'

/** The province the device tests set up, and communes in it and outside it. */
export const PROVINCE = '08'
export const COMMUNE = '00700'
export const OTHER_COMMUNE = '00706'
export const FOREIGN_COMMUNE = '00004'
export const PASSWORD = 'mat-khau-du-dai-2025'
/** What the console sends as the devices' server address. */
export const SERVER_URL = 'https://langso.tuyenquang.example'

/** A signed-in console user: the session cookie and the CSRF token to send back. */
export interface ConsoleSession {
  cookie: string
  csrfToken: string
}

/** A console call with the session's cookie and CSRF header; a body makes it a JSON POST. */
export async function consoleCall(
  baseUrl: string,
  session: ConsoleSession | null,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiAnswer & { headers: Headers }> {
  const headers: Record<string, string> = {}
  if (session) {
    headers.cookie = session.cookie
    headers['x-csrf-token'] = session.csrfToken
  }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Result<unknown>, headers: res.headers }
}

async function sessionFrom(res: Response): Promise<ConsoleSession> {
  const body = (await res.json()) as Result<{ csrfToken: string }>
  if (!body.ok) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body.error)}`)
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  return { cookie, csrfToken: body.data.csrfToken }
}

/** Completes first-run setup for PROVINCE and returns the first admin's session. */
export async function setUpProvince(t: TestServer, clock: Clock): Promise<ConsoleSession> {
  const token = await issueSetupToken(t.store.db, clock)
  const res = await fetch(`${t.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token,
      provinceCode: PROVINCE,
      username: 'admin',
      displayName: 'Quản trị tỉnh',
      password: PASSWORD,
    }),
  })
  return sessionFrom(res)
}

/** Creates a user with the admin's session and signs them in. */
export async function signInAs(
  t: TestServer,
  admin: ConsoleSession,
  username: string,
  role: Role,
  communeCode: string | null = null,
): Promise<ConsoleSession> {
  const created = await consoleCall(t.url, admin, 'POST', '/api/v1/users', {
    username,
    displayName: username,
    role,
    communeCode,
    password: PASSWORD,
  })
  dataOf('users.create', created)
  const res = await fetch(`${t.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  return sessionFrom(res)
}

/** Makes an enrolment code for a commune (default COMMUNE) and returns the answer. */
export async function createCode(
  t: TestServer,
  session: ConsoleSession,
  input: { communeCode?: string; validHours?: number } = {},
) {
  const answer = await consoleCall(t.url, session, 'POST', '/api/v1/devices/enrolment-codes', {
    communeCode: input.communeCode ?? COMMUNE,
    serverUrl: SERVER_URL,
    ...(input.validHours === undefined ? {} : { validHours: input.validHours }),
  })
  return dataOf('devices.createEnrolmentCode', answer)
}

/** A laptop as the desktop makes it: its own id and Ed25519 key pair. */
export interface TestDevice {
  id: string
  keys: DeviceKeyPair
}

export function newTestDevice(): TestDevice {
  return { id: newId(), keys: generateDeviceKeyPair() }
}

/** POSTs devices.enrol for the device with a code or a file token. */
export async function enrol(
  t: TestServer,
  device: TestDevice,
  secret: { code: string } | { enrolmentToken: string },
  deviceName = 'Laptop xã Ngọc Đường',
): Promise<ApiAnswer & { headers: Headers }> {
  return consoleCall(t.url, null, 'POST', '/api/v1/devices/enrol', {
    ...secret,
    deviceId: device.id,
    deviceName,
    publicKey: device.keys.publicKey,
  })
}

/** How a test bends a signed request to prove the server notices. */
export interface SignTweak {
  /** Sign these bytes but send `body`. */
  signedBody?: string
  signedPath?: string
  /** Sign with this key pair instead of the device's. */
  signingKeys?: DeviceKeyPair
  headers?: Record<string, string | null>
}

/** A device call signed exactly as the desktop will sign it (unless tweaked). */
export async function deviceCall(
  baseUrl: string,
  device: TestDevice,
  method: 'GET' | 'POST',
  pathWithQuery: string,
  body?: unknown,
  tweak: SignTweak = {},
): Promise<ApiAnswer> {
  const bytes = body === undefined ? '' : JSON.stringify(body)
  const signed = signDeviceRequest((tweak.signingKeys ?? device.keys).privateKey, {
    method,
    pathWithQuery: tweak.signedPath ?? pathWithQuery,
    body: tweak.signedBody ?? bytes,
    deviceId: device.id,
  })
  const headers: Record<string, string> = { ...signed }
  if (body !== undefined) headers['content-type'] = 'application/json'
  for (const [name, value] of Object.entries(tweak.headers ?? {})) {
    if (value === null) delete headers[name]
    else headers[name] = value
  }
  const res = await fetch(`${baseUrl}${pathWithQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : bytes,
  })
  return { status: res.status, body: (await res.json()) as Result<unknown> }
}

/** The device's check-in, signed. */
export function checkIn(t: TestServer, device: TestDevice, pendingCount = 0, tweak?: SignTweak) {
  return deviceCall(t.url, device, 'POST', '/api/v1/devices/check-in', { pendingCount }, tweak)
}
