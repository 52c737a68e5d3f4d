import type { FastifyInstance } from 'fastify'
import { BATCH_MEDIA_TYPE } from '../../shared/sync/batch-codec.node.js'

/**
 * Lets a request carry a sealed batch file as its body (`application/vnd.langso.batch`):
 * the bytes reach the handler untouched, as a Buffer, within `maxBytes` (413 beyond). The
 * device signature covers these same bytes (device-body-capture.ts copies them as they pass).
 */
export function registerSealedBatchBody(app: FastifyInstance, maxBytes: number): void {
  app.addContentTypeParser(
    BATCH_MEDIA_TYPE,
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_request, body, done) => done(null, body),
  )
}
