import { z } from 'zod'
import {
  type VillageImportPreview,
  type VillageImportRow,
  villageImportRowSchema,
} from '../../../shared/api/http/places.contract'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { newId } from '../../../shared/ids/uuid'
import { AppError, InvalidInputError, NotFoundError } from '../../../shared/result'
import { recordAudit } from '../../audit/audit.service'
import { requireCommuneAccess } from '../../auth/require-role'
import type { HttpParsedInput } from '../../http/http-handler'
import type { RequestContext } from '../../http/request-context'
import { provinceCommune, serverProvince } from '../server-province'
import { isUniqueViolation } from '../unique-violation'
import { readCsvRows, readWorkbookSheets, type SheetRow } from '../upload/spreadsheet.reader'
import { type DecodedUpload, decodeUpload, InvalidFileError } from '../upload/uploaded-file'
import { applyVillageRows } from './village-import.apply'
import { findVillageColumns } from './village-import.columns'
import { planVillageImport } from './village-import.planner'

/** How long a preview may wait for its commit. */
export const PREVIEW_TTL_MS = 30 * 60_000
/** Most village rows in one file (a large province has about 10,000 villages in all). */
export const MAX_IMPORT_ROWS = 5_000
const KIND = 'villages'

/** The preview is older than PREVIEW_TTL_MS: check the file again. */
export class PreviewExpiredError extends AppError {
  constructor() {
    super('preview_expired', 'The import preview has expired: upload the file again')
    this.name = 'PreviewExpiredError'
  }
}

/** The villages changed between preview and commit in a way the file collides with. */
export class ImportConflictError extends AppError {
  constructor() {
    super('conflict', 'Villages were changed meanwhile: upload the file again to re-check it')
    this.name = 'ImportConflictError'
  }
}

/**
 * Checks a CSV/XLSX file of villages and answers every row with its action and errors.
 * Writes nothing but the preview itself, which expires after PREVIEW_TTL_MS.
 */
export async function previewVillageImport(
  ctx: RequestContext,
  input: HttpParsedInput<'places.importVillagesPreview'>,
): Promise<VillageImportPreview> {
  const province = await serverProvince(ctx.db)
  if (input.communeCode) requireCommuneAccess(ctx, input.communeCode)
  const defaultCommune = input.communeCode
    ? provinceCommune(province, input.communeCode)
    : undefined
  const upload = decodeUpload(input, ['csv', 'xlsx'])
  const sheet = await readVillageSheet(upload)
  const columns = findVillageColumns(sheet, defaultCommune !== undefined)
  const villages = await ctx.db.selectFrom('villages').selectAll().execute()
  const rows = planVillageImport(sheet, columns, { province, defaultCommune, villages })
  if (rows.length === 0) throw new InvalidFileError('The file has a header row but no villages')
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new InvalidFileError(`The file has more than ${MAX_IMPORT_ROWS} villages: split it`)
  }

  const now = ctx.clock.now()
  const preview: VillageImportPreview = {
    previewId: newId(),
    expiresAt: new Date(now + PREVIEW_TTL_MS).toISOString(),
    fileName: upload.fileName,
    totals: totalsOf(rows),
    rows,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('import_previews')
      .where('expires_at', '<', new Date(now).toISOString())
      .execute()
    await trx
      .insertInto('import_previews')
      .values({
        id: preview.previewId,
        kind: KIND,
        file_name: upload.fileName,
        province_code: province.code,
        created_by: ctx.caller.kind === 'user' ? ctx.caller.userId : null,
        created_at: new Date(now).toISOString(),
        expires_at: preview.expiresAt,
        error_count: preview.totals.withErrors,
        rows_json: JSON.stringify(rows),
      })
      .execute()
  })
  return preview
}

/**
 * Applies a preview without errors in one transaction, audited, and forgets it. A preview
 * with errors is refused (400) and nothing is written.
 */
export async function commitVillageImport(
  ctx: RequestContext,
  previewId: string,
): Promise<HttpOutput<'places.importVillagesCommit'>> {
  const province = await serverProvince(ctx.db)
  const now = new Date(ctx.clock.now()).toISOString()
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const preview = await trx
        .selectFrom('import_previews')
        .selectAll()
        .where('id', '=', previewId)
        .where('kind', '=', KIND)
        .executeTakeFirst()
      if (!preview) throw new NotFoundError('import preview')
      if (preview.expires_at <= now || preview.province_code !== province.code) {
        throw new PreviewExpiredError()
      }
      if (preview.error_count > 0) {
        throw new InvalidInputError(
          `The file has ${preview.error_count} row(s) with errors: fix them and upload it again`,
        )
      }
      const rows = z.array(villageImportRowSchema).parse(JSON.parse(preview.rows_json))
      const counts = await applyVillageRows(trx, rows, now)
      await trx.deleteFrom('import_previews').where('id', '=', previewId).execute()
      const communes = [...new Set(rows.map((r) => r.communeCode))]
      await recordAudit(trx, ctx, {
        action: 'places.villages_imported',
        targetType: 'village_import',
        targetId: previewId,
        communeCode: communes.length === 1 ? (communes[0] ?? null) : null,
        details: {
          rows: rows.length,
          communes: communes.length,
          ...counts,
        },
      })
      return counts
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new ImportConflictError()
    throw error
  }
}

/** The rows of a CSV, or of the first worksheet with content of a workbook. */
async function readVillageSheet(upload: DecodedUpload): Promise<SheetRow[]> {
  if (upload.type === 'csv') return readCsvRows(upload.bytes)
  const sheets = await readWorkbookSheets(upload.bytes)
  return [...sheets.values()].find((rows) => rows.length > 0) ?? []
}

function totalsOf(rows: readonly VillageImportRow[]): VillageImportPreview['totals'] {
  const count = (action: VillageImportRow['action']) =>
    rows.filter((r) => r.errors.length === 0 && r.action === action).length
  return {
    rows: rows.length,
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
    withErrors: rows.filter((r) => r.errors.length > 0).length,
  }
}
