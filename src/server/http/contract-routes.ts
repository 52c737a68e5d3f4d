import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type HttpCall, type HttpCallSpec, httpContract } from '../../shared/api/http.contract'
import type { ServerContext } from '../server-context'
import { invalidInputFromZod } from './http-errors'
import type { HttpHandler, HttpHandlers, HttpParsedInput } from './http-handler'

/**
 * Registers one route per call of the HTTP contract. Each route builds the call's input
 * (path params and query for GET, the JSON body for POST), validates it against the
 * contract, runs the handler and answers `{ ok: true, data }`. Failures are thrown and
 * answered by the app's error handler as `{ ok: false, error }`.
 */
export function registerContractRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  handlers: HttpHandlers,
): void {
  for (const name of Object.keys(httpContract) as HttpCall[]) {
    registerCall(app, ctx, name, handlers[name])
  }
}

function registerCall<N extends HttpCall>(
  app: FastifyInstance,
  ctx: ServerContext,
  name: N,
  handler: HttpHandler<N>,
): void {
  const spec = httpContract[name]
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request) => {
      const parsed = spec.input.safeParse(rawInput(spec.method, request))
      if (!parsed.success) throw invalidInputFromZod(parsed.error)
      // TypeScript widens the generic spec's parse result to a union of all inputs; the
      // schema is the call's own, so the data is that call's parsed input.
      // No call requires a caller yet: sign-in and device enrolment add callers here.
      const data = await handler(
        { ...ctx, caller: { kind: 'anonymous' } },
        parsed.data as HttpParsedInput<N>,
      )
      return { ok: true, data }
    },
  })
}

function rawInput(method: HttpCallSpec['method'], request: FastifyRequest): unknown {
  const params = asRecord(request.params)
  // Path params win over a query key of the same name.
  if (method === 'GET') return { ...asRecord(request.query), ...params }
  const body = request.body
  if (Object.keys(params).length === 0) return body
  return { ...asRecord(body), ...params }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
