import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type HttpCall, type HttpCallSpec, httpContract } from '../../shared/api/http.contract'
import { sessionCookieWriter } from '../auth/session-cookie'
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../auth/session-policy'
import type { ServerContext } from '../server-context'
import { authorize, readSession } from './access-control'
import { invalidInputFromZod } from './http-errors'
import type { HttpHandler, HttpHandlers, HttpParsedInput } from './http-handler'
import type { RequestContext } from './request-context'

/**
 * Registers one route per call of the HTTP contract. Each route first establishes the
 * caller and enforces the call's `access` (see access-control.ts), then builds the call's
 * input (path params and query for GET, the JSON body otherwise), validates it against
 * the contract, runs the handler and answers `{ ok: true, data }`. Failures are thrown
 * and answered by the app's error handler as `{ ok: false, error }`.
 */
export function registerContractRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  handlers: HttpHandlers,
  sessionPolicy: SessionPolicy = DEFAULT_SESSION_POLICY,
): void {
  for (const name of Object.keys(httpContract) as HttpCall[]) {
    registerCall(app, ctx, name, handlers[name], sessionPolicy)
  }
}

function registerCall<N extends HttpCall>(
  app: FastifyInstance,
  ctx: ServerContext,
  name: N,
  handler: HttpHandler<N>,
  sessionPolicy: SessionPolicy,
): void {
  const spec: HttpCallSpec = httpContract[name]
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      const sessionCookie = sessionCookieWriter(request, reply, ctx.clock)
      // Device calls never look at cookies: a device proves itself by its signature.
      const session =
        spec.access === 'device'
          ? { active: null, stale: false }
          : await readSession(ctx, request, sessionPolicy)
      if (session.stale) sessionCookie.clear()
      // Access is decided before the input is read, so strangers learn nothing from it.
      const caller = await authorize(ctx, spec, request, session.active)
      const raw = spec.body === 'binary' ? request.body : rawInput(spec.method, request)
      const parsed = spec.input.safeParse(raw)
      if (!parsed.success) throw invalidInputFromZod(parsed.error)
      const requestCtx: RequestContext = {
        ...ctx,
        caller,
        ip: request.ip,
        sessionPolicy,
        sessionCookie,
      }
      // The schema is the call's own, so the parsed data is that call's input.
      const data = await handler(requestCtx, parsed.data as HttpParsedInput<N>)
      return { ok: true, data }
    },
  })
}

function rawInput(method: HttpCallSpec['method'], request: FastifyRequest): unknown {
  const params = asRecord(request.params)
  // Path params win over a query key of the same name.
  if (method === 'GET') return { ...asRecord(request.query), ...params }
  const body = request.body
  if (Object.keys(params).length === 0) return body ?? {}
  return { ...asRecord(body), ...params }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
