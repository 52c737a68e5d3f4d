import type {
  ExportFile,
  ExportFilter,
  ExportFormat,
  ExportJob,
} from '../../shared/api/http.contract'
import { exportFileSchema, exportFileUrl } from '../../shared/api/http.contract'
import { newId } from '../../shared/ids/uuid'
import { findVillage as findPilotVillage } from '../../shared/places/pilot-places'
import { NotFoundError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import { communeScope, requireCommuneAccess, requireUser } from '../auth/require-role'
import type { RequestContext } from '../http/request-context'
import { findCommune } from '../places/official-units'
import { provinceCommune, serverProvince } from '../places/server-province'
import { villageNamesByCode } from '../places/village.repository'
import type { ServerContext } from '../server-context'
import { ExportBusyError } from './export-errors'
import { exportsRoot, removeJobDir } from './export-files'
import {
  countUnfinished,
  deleteExportJob,
  type ExportJobRow,
  expiredJobs,
  findExportJob,
  insertExportJob,
  listExportJobs,
  silentJobs,
  updateExportJob,
} from './export-job.repository'
import type { ExportPlan } from './export-plan'
import { cancelExport, enqueueExport, isExportActive } from './export-runner'
import type { AboutLine } from './export-writer'

/** Exports one person may have waiting or running at once. */
export const MAX_UNFINISHED_PER_USER = 2

/**
 * An unfinished job that has not moved for this long and that no writer of this process
 * holds was cut off (the server stopped): it is marked failed, `interrupted`.
 */
export const SILENT_JOB_MS = 2 * 60_000

/**
 * Share of an XLSX export's time spent on the households pass; the rest copies the members
 * (about 3.6 a household) into their sheets. Measured: 36 s of 86 s for 100,000 households.
 */
const XLSX_HOUSEHOLD_SHARE = 0.45

/**
 * Starts an export of the households the caller may see: a province role any commune or
 * village (or the whole province), a commune viewer only their commune. The job is queued
 * and answered at once; the console polls it. One audit entry per export.
 */
export async function createExport(
  ctx: RequestContext,
  input: { format: ExportFormat; filter: ExportFilter },
): Promise<ExportJob> {
  const user = requireUser(ctx)
  const filter = await scopedFilter(ctx, input.filter)
  exportsRoot(ctx)
  await sweepExports(ctx)
  if ((await countUnfinished(ctx.db, user.userId)) >= MAX_UNFINISHED_PER_USER) {
    throw new ExportBusyError(MAX_UNFINISHED_PER_USER)
  }
  const id = newId()
  const nowMs = ctx.clock.now()
  const now = new Date(nowMs).toISOString()
  const row: ExportJobRow = {
    id,
    user_id: user.userId,
    user_name: user.username,
    format: input.format,
    filter_json: JSON.stringify(filter),
    status: 'queued',
    phase: null,
    households_total: 0,
    households_written: 0,
    members_written: 0,
    members_total: 0,
    files_json: '[]',
    error_code: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
    expires_at: null,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertExportJob(trx, row)
    await recordAudit(trx, ctx, {
      action: 'export.created',
      targetType: 'export',
      targetId: id,
      communeCode: filter.communeCode ?? null,
      details: { format: input.format, ...filter },
    })
  })
  enqueueExport(ctx, {
    id,
    format: input.format,
    filter,
    baseName: baseNameOf(filter, nowMs),
    about: (plan) => aboutLines(plan, filter, nowMs, user.username),
  })
  return (await jobViews(ctx, [row]))[0] ?? jobView(row, null)
}

/** The caller's recent exports, newest first. */
export async function listExports(ctx: RequestContext): Promise<{ items: ExportJob[] }> {
  const user = requireUser(ctx)
  await sweepExports(ctx)
  return { items: await jobViews(ctx, await listExportJobs(ctx.db, user.userId)) }
}

/** One of the caller's exports; someone else's is answered as not found. */
export async function getExport(ctx: RequestContext, id: string): Promise<ExportJob> {
  await sweepExports(ctx)
  const [view] = await jobViews(ctx, [await ownJob(ctx, id)])
  if (!view) throw new NotFoundError('export')
  return view
}

/** Deletes one of the caller's exports: stops it if it runs, removes its files. */
export async function deleteExport(ctx: RequestContext, id: string): Promise<{ deleted: true }> {
  await ownJob(ctx, id)
  cancelExport(ctx.db, id)
  await deleteExportJob(ctx.db, id)
  await removeJobDir(ctx, id)
  return { deleted: true }
}

/** A job the caller made; anyone else's is a 404, so job ids reveal nothing. */
export async function ownJob(ctx: RequestContext, id: string): Promise<ExportJobRow> {
  const user = requireUser(ctx)
  const row = await findExportJob(ctx.db, id)
  if (!row || row.user_id !== user.userId) throw new NotFoundError('export')
  return row
}

/**
 * Housekeeping, done on every export call rather than by a timer: files of finished
 * exports past their expiry are deleted (the job stays, `expired`), and unfinished jobs no
 * writer holds any more are marked `interrupted`.
 */
export async function sweepExports(ctx: ServerContext): Promise<void> {
  const nowMs = ctx.clock.now()
  const now = new Date(nowMs).toISOString()
  for (const job of await expiredJobs(ctx.db, now)) {
    await removeJobDir(ctx, job.id)
    await updateExportJob(ctx.db, job.id, { status: 'expired', files_json: '[]', updated_at: now })
  }
  for (const job of await silentJobs(ctx.db, new Date(nowMs - SILENT_JOB_MS).toISOString())) {
    if (isExportActive(ctx.db, job.id)) continue
    await removeJobDir(ctx, job.id)
    await updateExportJob(ctx.db, job.id, {
      status: 'failed',
      phase: null,
      error_code: 'interrupted',
      updated_at: now,
      finished_at: now,
    })
  }
}

/**
 * The filter as it will be applied: a village implies its commune; a commune viewer is
 * held to their commune (another commune or its village is a 403); a commune must be one
 * of the province's (404 otherwise).
 */
async function scopedFilter(ctx: RequestContext, asked: ExportFilter): Promise<ExportFilter> {
  const filter: ExportFilter = { ...asked }
  if (filter.villageCode) filter.communeCode = filter.villageCode.slice(0, 5)
  if (filter.communeCode) requireCommuneAccess(ctx, filter.communeCode)
  filter.communeCode = filter.communeCode ?? communeScope(ctx) ?? undefined
  if (filter.communeCode) provinceCommune(await serverProvince(ctx.db), filter.communeCode)
  // Absent keys, not `undefined` ones: the filter is stored and shown as given.
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined),
  ) as ExportFilter
}

/** Jobs as the console sees them, their places named (one query for all villages). */
async function jobViews(ctx: ServerContext, rows: readonly ExportJobRow[]): Promise<ExportJob[]> {
  const filters = rows.map((row) => JSON.parse(row.filter_json) as ExportFilter)
  const villages = await villageNamesByCode(
    ctx.db,
    filters.flatMap((f) => (f.villageCode ? [f.villageCode] : [])),
  )
  return rows.map((row, i) => {
    const filter = filters[i] ?? {}
    const commune = filter.communeCode
      ? (findCommune(filter.communeCode)?.name ?? filter.communeCode)
      : null
    const village = filter.villageCode
      ? (villages.get(filter.villageCode) ??
        findPilotVillage(filter.villageCode)?.name ??
        filter.villageCode)
      : null
    return jobView(row, village ? `${village}, ${commune}` : commune)
  })
}

/** A job as the console sees it. */
export function jobView(row: ExportJobRow, placeName: string | null): ExportJob {
  const files = exportFileSchema
    .omit({ url: true })
    .array()
    .parse(JSON.parse(row.files_json))
    .map((file): ExportFile => ({ ...file, url: exportFileUrl(row.id, file.name) }))
  return {
    id: row.id,
    format: row.format,
    filter: JSON.parse(row.filter_json) as ExportFilter,
    placeName,
    status: row.status,
    phase: row.phase,
    householdsTotal: Number(row.households_total),
    householdsWritten: Number(row.households_written),
    membersWritten: Number(row.members_written),
    membersTotal: Number(row.members_total),
    progress: progressOf(row),
    files,
    error: row.error_code,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    expiresAt: row.expires_at,
  }
}

function progressOf(row: ExportJobRow): number {
  if (row.status === 'done' || row.status === 'expired') return 1
  // Queued, failed, or running but still counting the households.
  if (row.status !== 'running' || !row.phase) return 0
  const total = Number(row.households_total)
  const households = total > 0 ? Math.min(1, Number(row.households_written) / total) : 0
  if (row.format === 'csv') return row.phase === 'finishing' ? 1 : households
  if (row.phase === 'households') return households * XLSX_HOUSEHOLD_SHARE
  if (row.phase === 'finishing') return 0.99
  const members = Number(row.members_total)
  const copied = members > 0 ? Math.min(1, Number(row.members_written) / members) : 1
  return XLSX_HOUSEHOLD_SHARE + copied * (0.98 - XLSX_HOUSEHOLD_SHARE)
}

/** `langso-00700-20251124-2300`: the place and the Vietnam time of the request. */
function baseNameOf(filter: ExportFilter, nowMs: number): string {
  const place = filter.villageCode ?? filter.communeCode ?? 'toan-tinh'
  const local = new Date(nowMs + 7 * 3600_000).toISOString()
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}`
  return `langso-${place}-${stamp}`
}

function aboutLines(
  plan: ExportPlan,
  filter: ExportFilter,
  nowMs: number,
  username: string,
): AboutLine[] {
  const { names } = plan
  const commune = filter.communeCode
    ? (names.communeName(filter.communeCode) ?? filter.communeCode)
    : null
  const village = filter.villageCode
    ? (names.villageName(filter.villageCode) ?? filter.villageCode)
    : null
  const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
  const local = new Date(nowMs + 7 * 3600_000).toISOString()
  let days = 'Tất cả các ngày'
  if (filter.from && filter.to) days = `Từ ${day(filter.from)} đến ${day(filter.to)}`
  else if (filter.from) days = `Từ ${day(filter.from)}`
  else if (filter.to) days = `Đến ${day(filter.to)}`
  return [
    { label: 'Tỉnh', value: plan.provinceName ?? '—' },
    {
      label: 'Phạm vi',
      value: village ? `${village}, ${commune}` : (commune ?? 'Toàn tỉnh'),
    },
    {
      label: 'Kết quả khảo sát',
      value: filter.visitResult ? plan.visitResultLabel(filter.visitResult) : 'Tất cả',
    },
    { label: 'Ngày khảo sát', value: days },
    { label: 'Xuất lúc', value: `${day(local)} ${local.slice(11, 16)}` },
    { label: 'Người xuất', value: username },
    {
      label: 'Ghi chú',
      value:
        'Mỗi hộ là trạng thái mới nhất máy chủ đã nhận. Chỉ số tính trên các hộ trong tệp này, cùng cách tính với bảng chỉ số của tỉnh.',
    },
  ]
}
