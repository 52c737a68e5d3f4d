import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { EXPORT_FILE_ROUTE, type HttpCallSpec, httpContract } from '../../shared/api/http.contract'
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../auth/session-policy'
import { authorize, readSession } from '../http/access-control'
import { invalidInputFromZod } from '../http/http-errors'
import type { ServerContext } from '../server-context'
import { ExportNotReadyError } from './export-errors'
import { jobDir } from './export-files'
import { jobView, ownJob, sweepExports } from './export-jobs.service'

const MEDIA_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
}

const paramsSchema = z.strictObject({ id: z.uuid(), name: z.string().max(200) })

/**
 * GET /api/v1/exports/:id/files/:name — the file of a finished export, streamed from disk
 * (a province export is far too big for a JSON answer). Served beside the JSON contract
 * but guarded the same way: a signed-in console user, the same roles as `exports.get`,
 * and only the person who made the export; the name must be one of the job's files.
 */
export function registerExportDownloads(
  app: FastifyInstance,
  ctx: ServerContext,
  sessionPolicy: SessionPolicy = DEFAULT_SESSION_POLICY,
): void {
  const spec: HttpCallSpec = { ...httpContract['exports.get'], path: EXPORT_FILE_ROUTE }
  app.get(EXPORT_FILE_ROUTE, async (request, reply) => {
    const session = await readSession(ctx, request, sessionPolicy)
    const caller = await authorize(ctx, spec, request, session.active)
    const params = paramsSchema.safeParse(request.params)
    if (!params.success) throw invalidInputFromZod(params.error)
    const requestCtx = { ...ctx, caller }
    await sweepExports(requestCtx)
    const job = jobView(await ownJob(requestCtx, params.data.id), null)
    const file = job.status === 'done' ? job.files.find((f) => f.name === params.data.name) : null
    if (!file) throw new ExportNotReadyError()
    // The name was matched against the job's own list, so it cannot leave the job's folder.
    const filePath = path.join(jobDir(ctx, job.id), file.name)
    const { size } = await stat(filePath)
    return reply
      .header('content-type', MEDIA_TYPES[path.extname(file.name)] ?? 'application/octet-stream')
      .header('content-length', size)
      .header('content-disposition', `attachment; filename="${file.name}"`)
      .header('cache-control', 'no-store')
      .send(createReadStream(filePath))
  })
}
