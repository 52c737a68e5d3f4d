import type { Page } from 'playwright-core'

/** The first province administrator the e2e suites create. */
export const CONSOLE_ADMIN = {
  username: 'quantri.tinh',
  displayName: 'Nguyễn Thị Hạnh',
  password: 'mat-khau-tinh-tuyen-quang',
} as const

/** The province the e2e suites choose at setup: Tuyên Quang, home of the pilot commune 00700. */
export const CONSOLE_PROVINCE = '08'

/** A started provincial server, as `startServer` answers it. */
export interface ConsoleServer {
  url: string
  /** The one-time setup link the server printed; null when it was set up before it started. */
  setupUrl: string | null
}

export interface ConsoleAccount {
  username: string
  password: string
}

/**
 * Completes first-run setup through the real API with the server's setup link (choosing
 * Tuyên Quang and creating CONSOLE_ADMIN). Does nothing if setup was already done.
 */
export async function completeFirstRunSetup(server: ConsoleServer): Promise<void> {
  const token = server.setupUrl ? new URL(server.setupUrl).searchParams.get('token') : null
  const status = await apiJson(server.url, 'GET', `/api/v1/setup${token ? `?token=${token}` : ''}`)
  if (!(status.data as { needed: boolean }).needed) return
  if (!token) throw new Error('the server needs setup but printed no setup link')
  await apiJson(server.url, 'POST', '/api/v1/setup', {
    token,
    provinceCode: CONSOLE_PROVINCE,
    ...CONSOLE_ADMIN,
  })
}

/**
 * Signs a browser page in to the console: the page's own fetch does the sign-in, so the
 * browser keeps the HTTP-only session cookie exactly as after typing the password; then
 * the page opens `path`.
 */
export async function signInPage(
  page: Page,
  baseUrl: string,
  account: ConsoleAccount = CONSOLE_ADMIN,
  path = '/',
): Promise<void> {
  await page.goto(`${baseUrl}/`)
  const status = await page.evaluate(
    async ({ username, password }) => {
      const res = await fetch('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
        credentials: 'same-origin',
      })
      return res.status
    },
    { username: account.username, password: account.password },
  )
  if (status !== 200) throw new Error(`console sign-in as ${account.username} answered ${status}`)
  await page.goto(`${baseUrl}${path}`)
}

/**
 * First-run setup (when still needed) and a signed-in console page as the province admin:
 * what a suite needs before it looks at the console.
 */
export async function openSignedInConsole(
  page: Page,
  server: ConsoleServer,
  path = '/',
): Promise<void> {
  await completeFirstRunSetup(server)
  await signInPage(page, server.url, CONSOLE_ADMIN, path)
}

async function apiJson(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ ok: true; data: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const answer = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown }
  if (!answer.ok)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer.error)}`)
  return { ok: true, data: answer.data }
}
