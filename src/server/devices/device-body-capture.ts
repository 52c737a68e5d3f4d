import { Transform } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { httpContract } from '../../shared/api/http.contract'

/**
 * A device signs the exact bytes of its request body, but Fastify hands handlers the parsed
 * JSON. This hook copies the raw body of device calls (access 'device') as it streams past
 * the parser; authenticateDevice reads it with rawBodyOf. Other calls are not touched.
 */

const rawBodies = new WeakMap<FastifyRequest, Buffer>()

/** `METHOD path` of every device call, as Fastify reports the matched route. */
const DEVICE_ROUTES = new Set(
  Object.values(httpContract)
    .filter((spec) => spec.access === 'device')
    .map((spec) => `${spec.method} ${spec.path}`),
)

/** Registers the raw-body hook; call once on the app, before the routes. */
export function registerDeviceBodyCapture(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!DEVICE_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return payload
    const chunks: Buffer[] = []
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done(null, chunk)
      },
      flush(done) {
        rawBodies.set(request, Buffer.concat(chunks))
        done()
      },
    })
    payload.on('error', (error) => tap.destroy(error))
    return payload.pipe(tap)
  })
}

/** The raw body bytes of a device call; empty when the request had no body (GET). */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return rawBodies.get(request) ?? Buffer.alloc(0)
}
