import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Access,
  type HttpCall,
  type HttpCallSpec,
  httpContract,
  ROLES,
  type Role,
} from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { Result } from '../../../src/shared/result'
import { signDeviceRequest } from '../../../src/shared/sync/device-signature.node'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { type ApiAnswer, dataOf } from '../api-client'
import { addUser, COMMUNE, ConsoleClient, completeSetup, PASSWORD } from '../auth/auth-test-kit'
import { createCode, enrol, newTestDevice, type TestDevice } from '../devices/device-test-kit'

/**
 * Every call of the HTTP contract, tried by every kind of caller, must be allowed or
 * refused exactly as its declared `access` says. The calls are read from `httpContract`,
 * so calls added later are covered without touching this test. Inputs are dummies: an
 * allowed call may still fail validation (400) or find nothing (404) — never 401 or 403.
 */

type CallerName = 'anonymous' | Role | 'device'
const CALLERS: readonly CallerName[] = ['anonymous', ...ROLES, 'device']
const DUMMY_ID = '019ab5e6-6c00-7000-8000-0000000000aa'

/** 'allow', or the status a refusal must have (401 who are you, 403 not you). */
function expected(access: Access, caller: CallerName): 'allow' | 401 | 403 {
  if (access === 'public') return 'allow'
  if (access === 'device') return caller === 'device' ? 'allow' : 401
  if (caller === 'anonymous' || caller === 'device') return 401
  return access.roles.includes(caller) ? 'allow' : 403
}

function concretePath(spec: HttpCallSpec): string {
  return spec.path.replace(/:[A-Za-z]+/g, DUMMY_ID)
}

const CALLS = Object.entries(httpContract) as [HttpCall, HttpCallSpec][]
const USERNAMES: Record<Role, string> = {
  province_admin: 'admin',
  province_staff: 'staff',
  commune_viewer: 'viewer',
}

/** A request signed with the device's key, as the desktop signs it, for any method. */
async function signedDeviceCall(
  baseUrl: string,
  device: TestDevice,
  method: HttpCallSpec['method'],
  path: string,
  body: unknown,
): Promise<ApiAnswer> {
  const bytes = body === undefined ? '' : JSON.stringify(body)
  const headers: Record<string, string> = signDeviceRequest(device.keys.privateKey, {
    method,
    pathWithQuery: path,
    body: bytes,
    deviceId: device.id,
  })
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : bytes,
  })
  return { status: res.status, body: (await res.json()) as Result<unknown> }
}

describe.each(serverStores())('authorisation matrix on $name', (variant) => {
  const clock = new ManualClock(Date.parse('2025-09-01T02:00:00Z'))
  let t: TestServer
  let users: Record<Role, ConsoleClient>
  let device: TestDevice

  beforeAll(async () => {
    t = await startTestServer(variant, { clock })
    const admin = await completeSetup(t)
    const staff = await addUser(t, admin, {
      username: USERNAMES.province_staff,
      role: 'province_staff',
    })
    const viewer = await addUser(t, admin, {
      username: USERNAMES.commune_viewer,
      role: 'commune_viewer',
      communeCode: COMMUNE,
    })
    users = { province_admin: admin, province_staff: staff.client, commune_viewer: viewer.client }
    device = newTestDevice()
    const code = await createCode(t, {
      cookie: admin.cookie ?? '',
      csrfToken: admin.csrfToken ?? '',
    })
    dataOf('devices.enrol', await enrol(t, device, { code: code.code }))
  })
  afterAll(async () => {
    await t?.close()
  })

  async function callAs(caller: CallerName, spec: HttpCallSpec): Promise<ApiAnswer> {
    const path = concretePath(spec)
    const body = spec.method === 'GET' ? undefined : {}
    if (caller === 'device') return signedDeviceCall(t.url, device, spec.method, path, body)
    if (caller === 'anonymous') return new ConsoleClient(t.url).call(spec.method, path, body)
    const client = users[caller]
    const answer = await client.call(spec.method, path, body)
    // An allowed call may end the session (sign-out): sign in again for the next call.
    if ((await client.get('/api/v1/auth/me')).status === 401) {
      dataOf('auth.signIn', await client.signIn(USERNAMES[caller], PASSWORD))
    }
    return answer
  }

  it('covers every kind of access', () => {
    const kinds = new Set(
      CALLS.map(([, spec]) => (typeof spec.access === 'object' ? 'roles' : spec.access)),
    )
    expect([...kinds].sort()).toEqual(['device', 'public', 'roles'])
  })

  it('declares a known access for every call', () => {
    for (const [, spec] of CALLS) {
      const access = spec.access
      const known =
        access === 'public' ||
        access === 'device' ||
        (typeof access === 'object' && access.roles.every((r) => ROLES.includes(r)))
      expect(known).toBe(true)
    }
  })

  it.each(CALLS)('%s', async (_name, spec) => {
    const outcomes: Record<string, string> = {}
    const wanted: Record<string, string> = {}
    for (const caller of CALLERS) {
      const answer = await callAs(caller, spec)
      const want = expected(spec.access, caller)
      const refused = answer.status === 401 || answer.status === 403
      outcomes[caller] = refused ? String(answer.status) : 'allow'
      wanted[caller] = String(want)
      if (!answer.body.ok) {
        // Every call is routed: a refusal or failure never says the route is missing.
        expect(answer.body.error.message).not.toMatch(/^No route for/)
      }
    }
    expect(outcomes).toEqual(wanted)
  })
})
