import type { HttpHandlers } from '../http/http-handler'
import { listAuditActions, listAuditEntries } from './audit.repository'

/** The console's audit log calls. */
export const auditHandlers = {
  'audit.list': (ctx, input) => listAuditEntries(ctx.db, input),
  'audit.actions': async (ctx) => ({ actions: await listAuditActions(ctx.db) }),
} satisfies Partial<HttpHandlers>
