import type { Role } from '../../../src/shared/api/http.contract'
import type { Result } from '../../../src/shared/result'
import type { TestServer } from '../../support/server-stores'
import { type ApiAnswer, dataOf } from '../api-client'

/** The province the auth tests set up, a commune in it, another in it, and one outside it. */
export const PROVINCE = '08'
export const COMMUNE = '00700'
export const OTHER_COMMUNE = '00706'
export const FOREIGN_COMMUNE = '00004'
export const PASSWORD = 'mat-khau-du-dai-2025'
export const ADMIN = { username: 'admin', displayName: 'Quản trị tỉnh', password: PASSWORD }

/** An answer plus its headers (Set-Cookie, Retry-After). */
export type ConsoleAnswer = ApiAnswer & { headers: Headers }

/**
 * A browser talking to the console API: it keeps the session cookie from Set-Cookie as a
 * browser would, and sends the CSRF token it was given (unless a call says otherwise).
 */
export class ConsoleClient {
  cookie: string | null = null
  csrfToken: string | null = null

  constructor(readonly baseUrl: string) {}

  /** Calls the API. `csrf: null` leaves the header out; a string sends that value. */
  async call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    options: { csrf?: string | null } = {},
  ): Promise<ConsoleAnswer> {
    const headers: Record<string, string> = {}
    if (this.cookie) headers.cookie = this.cookie
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf
    if (csrf) headers['x-csrf-token'] = csrf
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    this.keepCookie(res.headers)
    const answer = { status: res.status, body: (await res.json()) as Result<unknown> }
    const data = answer.body.ok ? (answer.body.data as { csrfToken?: unknown }) : null
    if (data && typeof data.csrfToken === 'string') this.csrfToken = data.csrfToken
    return { ...answer, headers: res.headers }
  }

  get(path: string): Promise<ConsoleAnswer> {
    return this.call('GET', path)
  }

  post(path: string, body: unknown = {}, options: { csrf?: string | null } = {}) {
    return this.call('POST', path, body, options)
  }

  signIn(username: string, password: string): Promise<ConsoleAnswer> {
    return this.post('/api/v1/auth/sign-in', { username, password })
  }

  private keepCookie(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? ''
      const cleared = /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)
      this.cookie = cleared || pair.endsWith('=') ? null : pair
    }
  }
}

/** Completes first-run setup with the link the server made at start; returns the admin. */
export async function completeSetup(t: TestServer): Promise<ConsoleClient> {
  const token = setupTokenOf(t)
  const admin = new ConsoleClient(t.url)
  dataOf(
    'setup.complete',
    await admin.post('/api/v1/setup', { token, provinceCode: PROVINCE, ...ADMIN }),
  )
  return admin
}

/** The token of the server's first-run setup link. */
export function setupTokenOf(t: TestServer): string {
  const link = t.server.setupUrl
  if (!link) throw new Error('the server printed no setup link')
  const token = new URL(link).searchParams.get('token')
  if (!token) throw new Error(`no token in ${link}`)
  return token
}

/** Creates a user through the admin's session and returns a client signed in as them. */
export async function addUser(
  t: TestServer,
  admin: ConsoleClient,
  user: { username: string; role: Role; communeCode?: string | null },
): Promise<{ id: string; client: ConsoleClient }> {
  const created = dataOf(
    'users.create',
    await admin.post('/api/v1/users', {
      username: user.username,
      displayName: `Cán bộ ${user.username}`,
      role: user.role,
      communeCode: user.communeCode ?? null,
      password: PASSWORD,
    }),
  )
  const client = new ConsoleClient(t.url)
  dataOf('auth.signIn', await client.signIn(user.username, PASSWORD))
  return { id: created.id, client }
}
