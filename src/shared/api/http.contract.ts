import type { z } from 'zod'
import { householdCalls } from './http/households.contract'
import { syncCalls } from './http/sync.contract'
import { systemCalls } from './http/system.contract'

export * from './http/households.contract'
export * from './http/http-call'
export * from './http/sync.contract'
export * from './http/system.contract'

/**
 * The provincial server's HTTP contract: the union of the per-domain contracts in ./http/.
 * The server validates every input against it and answers
 * `{ ok: true, data } | { ok: false, error: { code, message } }`; clients validate the data
 * against `output`.
 */
export const httpContract = {
  ...systemCalls,
  ...syncCalls,
  ...householdCalls,
}

export type HttpContract = typeof httpContract
export type HttpCall = keyof HttpContract & string
export type HttpInput<N extends HttpCall> = z.input<HttpContract[N]['input']>
export type HttpOutput<N extends HttpCall> = z.output<HttpContract[N]['output']>
