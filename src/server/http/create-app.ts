import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { ServerContext } from '../server-context'
import { registerConsole } from './console-static'
import { registerContractRoutes } from './contract-routes'
import { toHttpError } from './http-errors'
import { serverHandlers } from './server-handlers'

/** Largest request body accepted: a full batch of revisions with room to spare. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024

export interface AppOptions {
  /** Folder of the built console. */
  consoleDir: string
  logger?: FastifyServerOptions['logger']
}

/**
 * Builds the provincial server's HTTP app: the contract's API under /api and the province
 * console at /. Every error is answered as `{ ok: false, error: { code, message } }`;
 * unexpected ones are logged in full and reach the client only as `internal`.
 */
export async function createApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES })

  app.setErrorHandler((error, request, reply) => {
    const answer = toHttpError(error)
    if (answer.unexpected) request.log.error({ err: error }, 'unexpected error answering request')
    return reply.status(answer.status).send({ ok: false, error: answer.info })
  })

  registerContractRoutes(app, ctx, serverHandlers)
  await registerConsole(app, options.consoleDir)
  return app
}
