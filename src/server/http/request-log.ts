import type { FastifyRequest, FastifyServerOptions } from 'fastify'

/** What the log keeps of a request: never its query string, which may hold a setup token. */
type LoggedRequest = {
  method: string
  url: string
  remoteAddress: string | undefined
}

/**
 * The logger settings for a running server: Fastify's request logging at `level`, with
 * query strings cut from logged URLs (a first-run setup link carries its one-time token
 * there, and search queries may carry names).
 */
export function serverLogger(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest): LoggedRequest => ({
        method: request.method,
        url: request.url.split('?')[0] ?? '',
        remoteAddress: request.ip,
      }),
    },
  }
}
