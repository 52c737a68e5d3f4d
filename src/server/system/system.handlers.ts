import type { HttpHandlers } from '../http/http-handler'

/** Liveness and which store the server runs on. */
export const systemHandlers = {
  'system.health': async (ctx) => ({ status: 'ok' as const, store: ctx.dialect }),
} satisfies Partial<HttpHandlers>
