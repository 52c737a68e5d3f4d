import type { z } from 'zod'
import { auditCalls } from './http/audit.contract'
import { authCalls } from './http/auth.contract'
import { deviceCalls } from './http/devices.contract'
import { exportCalls } from './http/exports.contract'
import { formsCalls } from './http/forms.contract'
import { householdCalls } from './http/households.contract'
import { inboxCalls } from './http/inbox.contract'
import { indicatorCalls } from './http/indicators.contract'
import { placesCalls } from './http/places.contract'
import { reviewCalls } from './http/review.contract'
import { syncCalls } from './http/sync.contract'
import { systemCalls } from './http/system.contract'
import { userCalls } from './http/users.contract'

export * from './http/audit.contract'
export * from './http/auth.contract'
export * from './http/devices.contract'
export * from './http/exports.contract'
export * from './http/forms.contract'
export * from './http/households.contract'
export * from './http/http-call'
export * from './http/inbox.contract'
export * from './http/indicators.contract'
export * from './http/places.contract'
export * from './http/review.contract'
export * from './http/sync.contract'
export * from './http/system.contract'
export * from './http/users.contract'

/**
 * The provincial server's HTTP contract: the union of the per-domain contracts in ./http/.
 * The server validates every input against it and answers
 * `{ ok: true, data } | { ok: false, error: { code, message } }`; clients validate the data
 * against `output`.
 */
export const httpContract = {
  ...systemCalls,
  ...syncCalls,
  ...inboxCalls,
  ...householdCalls,
  ...indicatorCalls,
  ...reviewCalls,
  ...placesCalls,
  ...formsCalls,
  ...authCalls,
  ...userCalls,
  ...auditCalls,
  ...deviceCalls,
  ...exportCalls,
}

export type HttpContract = typeof httpContract
export type HttpCall = keyof HttpContract & string
export type HttpInput<N extends HttpCall> = z.input<HttpContract[N]['input']>
export type HttpOutput<N extends HttpCall> = z.output<HttpContract[N]['output']>
