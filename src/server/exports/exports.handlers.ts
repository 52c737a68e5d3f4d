import type { HttpHandlers } from '../http/http-handler'
import { createExport, deleteExport, getExport, listExports } from './export-jobs.service'

/** The console's export calls (every role; a commune viewer exports their commune only). */
export const exportHandlers = {
  'exports.create': (ctx, input) => createExport(ctx, input),
  'exports.list': (ctx) => listExports(ctx),
  'exports.get': (ctx, input) => getExport(ctx, input.id),
  'exports.delete': (ctx, input) => deleteExport(ctx, input.id),
} satisfies Partial<HttpHandlers>
