import { z } from 'zod'
import { isoDateSchema } from '../../household/household-revision.schema'
import { communeCodeSchema } from './auth.contract'
import { defineHttp, ROLES } from './http-call'
import { villageCodeSchema } from './places.contract'

/** What an export writes: one XLSX workbook, or two CSV files (households, members). */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/**
 * Where an export job stands. `queued` waits for a free writer; `done` has files to download
 * until they expire; `failed` says why in `error`; `expired` files were cleaned up.
 */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]

/** What a running export is writing: households (and members), then the member sheets. */
export const EXPORT_PHASES = ['households', 'members', 'finishing'] as const
export type ExportPhase = (typeof EXPORT_PHASES)[number]

/** The files an export makes. */
export const EXPORT_FILE_KINDS = ['workbook', 'households', 'members'] as const
export type ExportFileKind = (typeof EXPORT_FILE_KINDS)[number]

/**
 * Which households an export holds; absent fields do not filter. Dates are visit dates
 * (YYYY-MM-DD, both ends included). A commune viewer's exports are always of their commune.
 */
export const exportFilterSchema = z
  .strictObject({
    communeCode: communeCodeSchema.optional(),
    villageCode: villageCodeSchema.optional(),
    visitResult: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(64)
      .optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'must not be before from',
    path: ['to'],
  })
  .refine(
    (f) => !f.villageCode || !f.communeCode || f.villageCode.startsWith(`${f.communeCode}-`),
    {
      message: 'is not a village of the chosen commune',
      path: ['villageCode'],
    },
  )
export type ExportFilter = z.infer<typeof exportFilterSchema>

export const exportFileSchema = z.object({
  kind: z.enum(EXPORT_FILE_KINDS),
  /** The file's name when saved (ASCII). */
  name: z.string(),
  bytes: z.number().int(),
  /** Where to download it (same origin, with the session cookie). */
  url: z.string(),
})
export type ExportFile = z.infer<typeof exportFileSchema>

export const exportJobSchema = z.object({
  id: z.uuid(),
  format: z.enum(EXPORT_FORMATS),
  filter: exportFilterSchema,
  /** The filter's place in words ("Thôn Khuổi My, Xã Ngọc Đường"); null for the province. */
  placeName: z.string().nullable(),
  status: z.enum(EXPORT_STATUSES),
  phase: z.enum(EXPORT_PHASES).nullable(),
  /** Households matching the filter when the export started (0 until counted). */
  householdsTotal: z.number().int(),
  householdsWritten: z.number().int(),
  membersWritten: z.number().int(),
  /** Members to copy into the member sheets (XLSX), once the households are written; else 0. */
  membersTotal: z.number().int(),
  /** Share of the work done, 0…1 (1 once done). */
  progress: z.number().min(0).max(1),
  files: z.array(exportFileSchema),
  /** Reason code of a failed export (`interrupted`, `internal`, …). */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When the files of a finished export are deleted. */
  expiresAt: z.string().nullable(),
})
export type ExportJob = z.infer<typeof exportJobSchema>

/** The download address of one file of an export (a plain GET, not a contract call). */
export function exportFileUrl(jobId: string, fileName: string): string {
  return `/api/v1/exports/${encodeURIComponent(jobId)}/files/${encodeURIComponent(fileName)}`
}

/** Path pattern of the download route (Fastify syntax), served outside the JSON contract. */
export const EXPORT_FILE_ROUTE = '/api/v1/exports/:id/files/:name'

/**
 * Every console role may export; a commune viewer only their own commune (naming another
 * commune or its village is refused with 403). Each person sees and downloads only the
 * exports they made: the files hold personal data.
 */
const EXPORTERS = { roles: ROLES }

export const exportCalls = defineHttp({
  'exports.create': {
    method: 'POST',
    path: '/api/v1/exports',
    access: EXPORTERS,
    input: z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      filter: exportFilterSchema.default({}),
    }),
    output: exportJobSchema,
  },
  'exports.list': {
    method: 'GET',
    path: '/api/v1/exports',
    access: EXPORTERS,
    input: z.strictObject({}),
    output: z.object({ items: z.array(exportJobSchema) }),
  },
  'exports.get': {
    method: 'GET',
    path: '/api/v1/exports/:id',
    access: EXPORTERS,
    input: z.strictObject({ id: z.uuid() }),
    output: exportJobSchema,
  },
  'exports.delete': {
    method: 'DELETE',
    path: '/api/v1/exports/:id',
    access: EXPORTERS,
    input: z.strictObject({ id: z.uuid() }),
    output: z.object({ deleted: z.literal(true) }),
  },
})
