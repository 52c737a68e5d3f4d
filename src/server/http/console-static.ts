import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** Shown instead of the console when it has not been built yet (Vietnamese first). */
export const CONSOLE_MISSING_PAGE = [
  'Làng Số — chưa có giao diện quản trị.',
  'Hãy chạy lệnh: npm run build:console, rồi khởi động lại máy chủ.',
  '',
  'Làng Số — the province console has not been built.',
  'Run: npm run build:console, then restart the server.',
  '',
].join('\n')

/**
 * Serves the province console (a single-page app) from `consoleDir` at `/`. Any other GET
 * outside /api that names no file gets index.html, so the app's own routes survive a
 * reload. API paths and missing asset files get a real 404.
 */
export async function registerConsole(app: FastifyInstance, consoleDir: string): Promise<void> {
  const built = existsSync(path.join(consoleDir, 'index.html'))
  if (built) await app.register(fastifyStatic, { root: consoleDir, prefix: '/' })

  app.setNotFoundHandler((request, reply) => {
    if (isApiPath(request) || !isPageRequest(request)) {
      return reply.status(404).send({
        ok: false,
        error: {
          code: 'not_found',
          message: `No route for ${request.method} ${routePath(request)}`,
        },
      })
    }
    if (!built) return sendMissingPage(reply)
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}

function sendMissingPage(reply: FastifyReply) {
  return reply.status(503).type('text/plain; charset=utf-8').send(CONSOLE_MISSING_PAGE)
}

function routePath(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/'
}

function isApiPath(request: FastifyRequest): boolean {
  const url = routePath(request)
  return url === '/api' || url.startsWith('/api/')
}

/** A GET for an app route (no file extension), as opposed to a missing asset. */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const last = routePath(request).split('/').at(-1) ?? ''
  return !last.includes('.')
}
