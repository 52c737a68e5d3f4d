import { AppError, NotFoundError } from '../../shared/result'
import { communeScope, requireCommuneAccess } from '../auth/require-role'
import { loadFormLookup } from '../forms/form-registry'
import type { HttpHandlers } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import { findInboxBatch, listInbox, listQuarantine } from './batch-inbox.repository'
import { listConflicts } from './conflict.repository'
import { resolveConflict } from './conflict-resolution.service'
import { batchRecords, importedRecords } from './imported-records.query'
import { pullChanges } from './pull.service'
import { dismissQuarantined, recheckQuarantined } from './quarantine.service'
import { importSealedBatch } from './sealed-import.service'

/** Device sync calls, and the province's batch inbox, quarantine and conflicts. */
export const syncHandlers = {
  'sync.uploadSealedBatch': async (ctx, bytes) =>
    (await importSealedBatch(ctx, bytes, 'http', importer(ctx))).signedReceipt,
  'batches.importFile': async (ctx, input) => {
    const bytes = Buffer.from(input.contentBase64, 'base64')
    const { manifest, receipt, signedReceipt, deviceEnrolment } = await importSealedBatch(
      ctx,
      bytes,
      'file',
      importer(ctx),
    )
    return {
      manifest: {
        batchId: manifest.batchId,
        deviceId: manifest.deviceId,
        communeCode: manifest.communeCode,
        createdAt: manifest.createdAt,
        ...manifest.counts,
        forms: await formTitles(ctx, manifest.forms),
      },
      receipt,
      records: await importedRecords(ctx.db, receipt),
      signedReceipt,
      deviceEnrolment,
    }
  },
  'batches.list': (ctx, input) => {
    const { limit, offset, communeCode, ...rest } = input
    return listInbox(ctx.db, { ...rest, communeCode: scoped(ctx, communeCode), limit, offset })
  },
  'quarantine.list': (ctx, input) => {
    const { limit, offset, communeCode, ...rest } = input
    return listQuarantine(ctx.db, { ...rest, communeCode: scoped(ctx, communeCode), limit, offset })
  },
  'batches.get': async (ctx, input) => {
    const batch = await findInboxBatch(ctx.db, input.id)
    // A refused batch may name no commune; only province roles see those.
    if (!batch) throw new NotFoundError('Batch')
    requireCommuneAccess(ctx, batch.communeCode ?? '')
    const records = await batchRecords(ctx.db, batch.id, input)
    return { batch, records: records.items, recordsTotal: records.total }
  },
  'quarantine.recheck': async (ctx, input) => ({
    outcomes: await recheckQuarantined(ctx, input.revisionIds),
  }),
  'quarantine.dismiss': async (ctx, input) => ({
    dismissed: await dismissQuarantined(ctx, input.revisionIds, input.note),
  }),
  'sync.pull': (ctx, input) => pullChanges(ctx, deviceCommune(ctx), input),
  'conflicts.list': (ctx, input) => {
    const { limit, offset, communeCode, ...rest } = input
    return listConflicts(ctx.db, { ...rest, communeCode: scoped(ctx, communeCode), limit, offset })
  },
  'conflicts.resolve': (ctx, input) => resolveConflict(ctx, input),
} satisfies Partial<HttpHandlers>

/** The commune of the device making the call (access 'device' guarantees one). */
function deviceCommune(ctx: RequestContext): string {
  if (ctx.caller.kind !== 'device')
    throw new AppError('unauthenticated', 'A device must sign this call')
  return ctx.caller.communeCode
}

function importer(ctx: RequestContext) {
  return { caller: ctx.caller, ...(ctx.ip ? { ip: ctx.ip } : {}) }
}

/** The commune to filter by: the one asked for (if the caller may see it), else the caller's own. */
function scoped(ctx: RequestContext, communeCode: string | undefined): string | null {
  if (communeCode === undefined) return communeScope(ctx)
  requireCommuneAccess(ctx, communeCode)
  return communeCode
}

/** The file's form versions with their titles, as staff know them (none for an unknown one). */
async function formTitles(ctx: RequestContext, forms: readonly { id: string; version: number }[]) {
  const lookup = await loadFormLookup(
    ctx.db,
    forms.map((form) => ({ formId: form.id, formVersion: form.version })),
  )
  return forms.map((form) => {
    const title = lookup(form.id, form.version)?.title
    return { id: form.id, version: form.version, ...(title ? { title } : {}) }
  })
}
