import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { EnrolmentResult } from '../../../src/shared/api/http/devices.contract'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { newId } from '../../../src/shared/ids/uuid'
import { sealBatch } from '../../../src/shared/sync/batch-codec.node.js'
import {
  type DeviceKeyPair,
  generateDeviceKeyPair,
  publicKeyId,
} from '../../../src/shared/sync/device-signature.node.js'
import { builtinFormLookup } from '../../fixtures/batches/hostile-corpus'
import { realisticRevisions } from '../../fixtures/batches/realistic-households'
import { CONSOLE_ADMIN, type ConsoleAccount } from './console-session'

/** A console session held by the test itself (not the browser): cookie and CSRF token. */
export interface ApiSession {
  cookie: string
  csrfToken: string
}

/** A laptop enrolled through the real API: its id, keys and what enrolment answered. */
export interface EnrolledLaptop {
  id: string
  keys: DeviceKeyPair
  enrolment: EnrolmentResult
}

/** Signs in through the API, keeping the session cookie for further calls from Node. */
export async function signInApi(
  baseUrl: string,
  account: ConsoleAccount = CONSOLE_ADMIN,
): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  })
  const body = (await res.json()) as { ok: boolean; data?: { csrfToken: string } }
  if (!body.ok || !body.data) throw new Error(`sign-in answered ${res.status}`)
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  return { cookie, csrfToken: body.data.csrfToken }
}

async function postJson<T>(
  baseUrl: string,
  session: ApiSession | null,
  urlPath: string,
  body: unknown,
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (session) {
    headers.cookie = session.cookie
    headers['x-csrf-token'] = session.csrfToken
  }
  const res = await fetch(`${baseUrl}${urlPath}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  const answer = (await res.json()) as { ok: boolean; data?: T; error?: unknown }
  if (!answer.ok || answer.data === undefined) {
    throw new Error(`POST ${urlPath}: ${res.status} ${JSON.stringify(answer.error)}`)
  }
  return answer.data
}

/**
 * Enrols a new laptop in `communeCode` as the desktop does: an enrolment code made by the
 * admin, then the public enrolment call with the laptop's own key pair.
 */
export async function enrolBatchLaptop(
  baseUrl: string,
  admin: ApiSession,
  communeCode: string,
  name: string,
): Promise<EnrolledLaptop> {
  const { code } = await postJson<{ code: string }>(
    baseUrl,
    admin,
    '/api/v1/devices/enrolment-codes',
    { communeCode, serverUrl: baseUrl },
  )
  const id = newId()
  const keys = generateDeviceKeyPair()
  const enrolment = await postJson<EnrolmentResult>(baseUrl, null, '/api/v1/devices/enrol', {
    code,
    deviceId: id,
    deviceName: name,
    publicKey: keys.publicKey,
  })
  return { id, keys, enrolment }
}

/** Realistic households surveyed on the laptop (seeded: same seed, same records). */
export function laptopHouseholds(laptop: EnrolledLaptop, count: number, seed: number) {
  return realisticRevisions({ count, seed, deviceId: laptop.id, members: 3 })
}

/** Seals revisions into a batch file to the server's own province key, as the desktop exports it. */
export function sealLaptopBatch(
  laptop: EnrolledLaptop,
  revisions: readonly HouseholdRevision[],
  createdAt: string,
): Uint8Array {
  const keys = laptop.enrolment.provincePublicKeys
  return sealBatch({
    batchId: newId(),
    deviceId: laptop.id,
    communeCode: laptop.enrolment.commune.code,
    createdAt,
    revisions,
    device: {
      signingPrivateKey: laptop.keys.privateKey,
      signingKeyId: publicKeyId(laptop.keys.publicKey),
    },
    province: {
      encryptionPublicKey: keys.encryptionPublicKey,
      encryptionKeyId: keys.encryptionKeyId,
    },
    forms: builtinFormLookup,
  })
}

/** A copy of a file with one bit of its last byte flipped: what a damaged or edited file looks like. */
export function tampered(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes)
  const last = copy.length - 1
  copy[last] = (copy[last] ?? 0) ^ 0x01
  return copy
}

/** Writes bytes as a file in `dir`, returning its path. */
export async function writeBatchFile(dir: string, name: string, bytes: Uint8Array) {
  const file = path.join(dir, name)
  await writeFile(file, bytes)
  return file
}

/** Creates a commune viewer through the API (as a province admin would in the console). */
export async function createCommuneViewer(
  baseUrl: string,
  admin: ApiSession,
  account: ConsoleAccount & { displayName: string; communeCode: string },
): Promise<void> {
  await postJson(baseUrl, admin, '/api/v1/users', {
    username: account.username,
    displayName: account.displayName,
    role: 'commune_viewer',
    communeCode: account.communeCode,
    password: account.password,
  })
}
