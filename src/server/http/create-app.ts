import fastifyCookie from '@fastify/cookie'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { SessionPolicy } from '../auth/session-policy'
import { registerDeviceBodyCapture } from '../devices/device-body-capture'
import { registerExportDownloads } from '../exports/export-download.route'
import type { ServerContext } from '../server-context'
import { registerSealedBatchBody } from '../sync/sealed-batch-body'
import { registerConsole } from './console-static'
import { registerContractRoutes } from './contract-routes'
import { toHttpError } from './http-errors'
import { registerSecurityHeaders } from './security-headers'
import { serverHandlers } from './server-handlers'

/** Largest request body accepted: a full batch of revisions with room to spare. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024

export interface AppOptions {
  /** Folder of the built console. */
  consoleDir: string
  logger?: FastifyServerOptions['logger']
  /** Certificate and key (PEM): the app then serves HTTPS itself. */
  https?: { cert: Buffer; key: Buffer } | null
  /**
   * Which reverse proxies to believe about the client address and protocol
   * (X-Forwarded-For / -Proto): Fastify's `trustProxy` (false by default).
   */
  trustProxy?: FastifyServerOptions['trustProxy']
  sessionPolicy?: SessionPolicy
}

/**
 * Builds the provincial server's HTTP app: the contract's API under /api and the province
 * console at /. Every error is answered as `{ ok: false, error: { code, message } }`;
 * unexpected ones are logged in full and reach the client only as `internal`.
 */
export async function createApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const base = {
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
  }
  // Two calls rather than one options object: Fastify's types pick the server kind from
  // whether `https` is present at all.
  const app: FastifyInstance = options.https
    ? (Fastify({ ...base, https: options.https }) as unknown as FastifyInstance)
    : Fastify(base)

  app.setErrorHandler((error, request, reply) => {
    const answer = toHttpError(error)
    if (answer.unexpected) request.log.error({ err: error }, 'unexpected error answering request')
    if (answer.headers) reply.headers(answer.headers)
    return reply.status(answer.status).send({ ok: false, error: answer.info })
  })

  await app.register(fastifyCookie)
  registerSecurityHeaders(app)
  registerDeviceBodyCapture(app)
  registerSealedBatchBody(app, BODY_LIMIT_BYTES)
  registerContractRoutes(app, ctx, serverHandlers, options.sessionPolicy)
  registerExportDownloads(app, ctx, options.sessionPolicy)
  await registerConsole(app, options.consoleDir)
  return app
}
