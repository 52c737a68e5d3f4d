import { z } from 'zod'
import { MAX_VILLAGE_NAME_LENGTH } from '../../places/village-name'
import { communeCodeSchema } from './auth.contract'
import { defineHttp, ROLES } from './http-call'

export const villageCodeSchema = z
  .string()
  .regex(/^\d{5}-\d{2,4}$/, 'a village code is the commune code, a dash and 2–4 digits')

/** Largest number of households a village may record; guards against typos like 1e9. */
export const MAX_REGISTERED_HOUSEHOLDS = 100_000

/** Largest file accepted by an upload call, after base64 decoding. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

/**
 * A file sent inside a JSON body. One route mechanism serves every call: uploads are
 * small (≤ MAX_UPLOAD_BYTES), so base64 costs a third more bytes and no multipart parser.
 * The name is only used to tell CSV from XLSX and to describe the file in the audit log;
 * the server never writes it to disk, and a name with a folder in it is refused.
 */
export const uploadedFileSchema = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .refine(
      (name) => !/[/\\]|\.\.|[\p{Cc}]/u.test(name),
      'a file name must not contain a folder, ".." or control characters',
    ),
  /** The file's bytes, base64; at most MAX_UPLOAD_BYTES once decoded (413 otherwise). */
  contentBase64: z.base64(),
})
export type UploadedFile = z.infer<typeof uploadedFileSchema>

export const officialProvinceSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Centrally governed city (thành phố trực thuộc trung ương) or province (tỉnh). */
  kind: z.enum(['province', 'city']),
  communeCount: z.number().int(),
})
export type OfficialProvinceInfo = z.infer<typeof officialProvinceSchema>

/** Commune (xã), ward (phường) or special zone (đặc khu): the three kinds since 1 July 2025. */
export const communeKindSchema = z.enum(['commune', 'ward', 'special_zone'])

export const communeSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: communeKindSchema,
  /** Active villages. */
  villageCount: z.number().int(),
  /** Registered households of the active villages: the coverage denominator. */
  registeredHouseholds: z.number().int(),
  /** Households the server has received records for. */
  householdsReceived: z.number().int(),
})
export type CommuneSummary = z.infer<typeof communeSummarySchema>

export const villageSchema = z.object({
  code: z.string(),
  communeCode: z.string(),
  name: z.string(),
  registeredHouseholds: z.number().int(),
  active: z.boolean(),
  householdsReceived: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Village = z.infer<typeof villageSchema>

const villageNameSchema = z.string().trim().min(1).max(MAX_VILLAGE_NAME_LENGTH)
const registeredHouseholdsSchema = z.number().int().min(0).max(MAX_REGISTERED_HOUSEHOLDS)

/** Why one row of a village import cannot be applied. */
export const VILLAGE_IMPORT_ROW_ERRORS = [
  'missing_commune',
  'unknown_commune',
  'commune_outside_province',
  'commune_mismatch',
  'ambiguous_commune',
  'blank_name',
  'name_too_long',
  'duplicate_in_file',
  'bad_number',
] as const

export const villageImportRowSchema = z.object({
  /** Row number in the file as a spreadsheet shows it (the header is row 1 or later). */
  rowNumber: z.number().int(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  villageName: z.string().nullable(),
  /** Null when the cell is blank: a new village gets 0, an existing one keeps its number. */
  registeredHouseholds: z.number().int().nullable(),
  /** What committing does with the row; null while it has errors. */
  action: z.enum(['create', 'update', 'unchanged']).nullable(),
  /** The village the row updates (action update or unchanged). */
  villageCode: z.string().nullable(),
  errors: z.array(
    z.object({
      code: z.enum(VILLAGE_IMPORT_ROW_ERRORS),
      /** The file's header of the column at fault, when one column is. */
      column: z.string().nullable(),
      message: z.string(),
    }),
  ),
})
export type VillageImportRow = z.infer<typeof villageImportRowSchema>

export const villageImportPreviewSchema = z.object({
  previewId: z.uuid(),
  expiresAt: z.string(),
  fileName: z.string(),
  totals: z.object({
    rows: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    withErrors: z.number().int(),
  }),
  rows: z.array(villageImportRowSchema),
})
export type VillageImportPreview = z.infer<typeof villageImportPreviewSchema>

const READERS = { roles: ROLES }
const WRITERS = { roles: ['province_admin', 'province_staff'] } as const

export const placesCalls = defineHttp({
  'places.provinces': {
    method: 'GET',
    path: '/api/v1/places/provinces',
    // The first-run setup page lists them before anyone can sign in.
    access: 'public',
    input: z.strictObject({}),
    output: z.object({ items: z.array(officialProvinceSchema) }),
  },
  'places.communes': {
    method: 'GET',
    path: '/api/v1/places/communes',
    access: READERS,
    input: z.strictObject({
      /** Folded, word-by-word match on the name ("ngoc duong" finds "Xã Ngọc Đường"). */
      q: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(500),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    output: z.object({
      province: z.object({ code: z.string(), name: z.string() }),
      total: z.number().int(),
      items: z.array(communeSummarySchema),
    }),
  },
  'places.villages': {
    method: 'GET',
    path: '/api/v1/places/communes/:communeCode/villages',
    access: READERS,
    input: z.strictObject({
      communeCode: communeCodeSchema,
      status: z.enum(['active', 'inactive', 'all']).default('all'),
      q: z.string().max(100).optional(),
    }),
    output: z.object({
      commune: z.object({ code: z.string(), name: z.string(), kind: communeKindSchema }),
      total: z.number().int(),
      items: z.array(villageSchema),
    }),
  },
  'places.createVillage': {
    method: 'POST',
    path: '/api/v1/places/communes/:communeCode/villages',
    access: WRITERS,
    input: z.strictObject({
      communeCode: communeCodeSchema,
      name: villageNameSchema,
      registeredHouseholds: registeredHouseholdsSchema.default(0),
    }),
    output: villageSchema,
  },
  'places.updateVillage': {
    method: 'PUT',
    path: '/api/v1/places/villages/:code',
    access: WRITERS,
    input: z
      .strictObject({
        code: villageCodeSchema,
        name: villageNameSchema.optional(),
        registeredHouseholds: registeredHouseholdsSchema.optional(),
        active: z.boolean().optional(),
      })
      .refine(
        (input) =>
          input.name !== undefined ||
          input.registeredHouseholds !== undefined ||
          input.active !== undefined,
        'give at least one of name, registeredHouseholds, active',
      ),
    output: villageSchema,
  },
  'places.deactivateVillage': {
    method: 'POST',
    path: '/api/v1/places/villages/:code/deactivate',
    access: WRITERS,
    input: z.strictObject({ code: villageCodeSchema }),
    output: villageSchema,
  },
  'places.importVillagesPreview': {
    method: 'POST',
    path: '/api/v1/places/village-imports',
    access: WRITERS,
    input: uploadedFileSchema.extend({
      /** Rows without a commune column belong to this commune; rows naming another are errors. */
      communeCode: communeCodeSchema.optional(),
    }),
    output: villageImportPreviewSchema,
  },
  'places.importVillagesCommit': {
    method: 'POST',
    path: '/api/v1/places/village-imports/:previewId/commit',
    access: WRITERS,
    input: z.strictObject({ previewId: z.uuid() }),
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
    }),
  },
})
