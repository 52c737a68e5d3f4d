import type { FastifyInstance } from 'fastify'

/**
 * Headers on every answer that cost nothing and close common holes: no MIME sniffing, no
 * framing of the console by another site (clickjacking), no Referer that could carry a
 * setup-link token to another site, and no caching of API answers (they hold personal
 * data and session-specific content).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'DENY')
    reply.header('referrer-policy', 'no-referrer')
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store')
    }
    return payload
  })
}
