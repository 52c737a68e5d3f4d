import type { Kysely } from 'kysely'
import type { ServerDatabase } from '../../src/server/store/server-database.types'
import { type HttpCall, type HttpOutput, httpContract } from '../../src/shared/api/http.contract'
import type { Result } from '../../src/shared/result'

/** A server answer: HTTP status and the parsed JSON body. */
export interface ApiAnswer {
  status: number
  body: Result<unknown>
}

export async function getJson(baseUrl: string, path: string): Promise<ApiAnswer> {
  const res = await fetch(`${baseUrl}${path}`)
  return { status: res.status, body: (await res.json()) as Result<unknown> }
}

/** POSTs a value as JSON, or a string body as given (for malformed-JSON tests). */
export async function postJson(baseUrl: string, path: string, body: unknown): Promise<ApiAnswer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Result<unknown> }
}

/** The data of a successful answer, checked against the call's output schema. */
export function dataOf<N extends HttpCall>(call: N, answer: ApiAnswer): HttpOutput<N> {
  if (!answer.body.ok) {
    throw new Error(`expected success, got ${answer.status} ${JSON.stringify(answer.body.error)}`)
  }
  return httpContract[call].output.parse(answer.body.data) as HttpOutput<N>
}

/** The error of a failed answer. */
export function errorOf(answer: ApiAnswer): { code: string; message: string } {
  if (answer.body.ok) throw new Error(`expected an error, got ${answer.status} with data`)
  return answer.body.error
}

/** Row counts of every server table, to prove what a request changed (or did not). */
export async function countRows(db: Kysely<ServerDatabase>) {
  const count = async (table: keyof ServerDatabase) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  return {
    batches: await count('batches'),
    revisions: await count('revisions'),
    households: await count('households'),
    members: await count('members'),
    visits: await count('visits'),
  }
}
