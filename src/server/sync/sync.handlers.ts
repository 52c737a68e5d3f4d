import type { HttpHandlers } from '../http/http-handler'
import { ingestBatch } from './ingest.service'

/** Device sync calls. */
export const syncHandlers = {
  'sync.uploadBatch': (ctx, input) => ingestBatch(ctx, input),
} satisfies Partial<HttpHandlers>
