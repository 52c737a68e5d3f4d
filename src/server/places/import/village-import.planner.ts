import {
  MAX_REGISTERED_HOUSEHOLDS,
  type VillageImportRow,
} from '../../../shared/api/http/places.contract'
import {
  MAX_VILLAGE_NAME_LENGTH,
  normalizeVillageName,
  villageNameKey,
} from '../../../shared/places/village-name'
import {
  communesNamed,
  findCommune,
  findProvince,
  type OfficialCommune,
  type OfficialProvince,
} from '../official-units'
import type { SheetRow } from '../upload/spreadsheet.reader'
import type { VillageRow } from '../village.repository'
import { columnValue, type VillageColumn, type VillageColumns } from './village-import.columns'

type RowError = VillageImportRow['errors'][number]

/** What a village import is checked against. */
export interface ImportPlanContext {
  province: OfficialProvince
  /** The commune the import is for, if the console named one. */
  defaultCommune: OfficialCommune | undefined
  /** The province's stored villages (any commune), active or not. */
  villages: readonly VillageRow[]
}

/**
 * Turns the data rows of a village file into preview rows: each with its parsed values,
 * what committing would do (create, update, unchanged) and every problem found, so the
 * whole file can be fixed in one go. Nothing is written.
 */
export function planVillageImport(
  rows: readonly SheetRow[],
  columns: VillageColumns,
  ctx: ImportPlanContext,
): VillageImportRow[] {
  const stored = new Map(ctx.villages.map((v) => [`${v.commune_code}/${v.name_key}`, v]))
  const firstRowOf = new Map<string, number>()
  return rows
    .filter((row) => row.rowNumber > columns.headerRow)
    .map((row) => {
      const errors: RowError[] = []
      const fail = (code: RowError['code'], column: VillageColumn | null, message: string) =>
        errors.push({ code, column: column ? (columns.header[column] ?? null) : null, message })
      const commune = resolveCommune(row, columns, ctx, fail)
      const villageName = parseName(columnValue(row, columns, 'villageName'), fail)
      const households = parseCount(columnValue(row, columns, 'households'), fail)

      let existing: VillageRow | undefined
      if (commune && villageName) {
        const key = `${commune.code}/${villageNameKey(villageName)}`
        const first = firstRowOf.get(key)
        if (first !== undefined) {
          fail('duplicate_in_file', 'villageName', `The same village is on row ${first}`)
        } else firstRowOf.set(key, row.rowNumber)
        existing = stored.get(key)
      }
      return {
        rowNumber: row.rowNumber,
        communeCode: commune?.code ?? null,
        communeName: commune?.name ?? null,
        villageName,
        registeredHouseholds: households,
        action: errors.length > 0 ? null : actionFor(existing, households),
        villageCode: existing?.code ?? null,
        errors,
      }
    })
}

type Fail = (code: RowError['code'], column: VillageColumn | null, message: string) => void

function resolveCommune(
  row: SheetRow,
  columns: VillageColumns,
  ctx: ImportPlanContext,
  fail: Fail,
): OfficialCommune | undefined {
  const code = columnValue(row, columns, 'communeCode')
  const name = columnValue(row, columns, 'communeName')
  let commune: OfficialCommune | undefined
  if (code) commune = communeByCode(code, ctx.province, fail)
  else if (name) commune = communeByName(name, ctx.province, fail)
  else if (ctx.defaultCommune) commune = ctx.defaultCommune
  else
    fail(
      'missing_commune',
      columns.index.communeCode !== undefined ? 'communeCode' : 'communeName',
      'The row names no commune',
    )
  if (commune && ctx.defaultCommune && commune.code !== ctx.defaultCommune.code) {
    fail(
      'commune_mismatch',
      code ? 'communeCode' : 'communeName',
      `The row is for ${commune.name}, not ${ctx.defaultCommune.name}`,
    )
    return undefined
  }
  return commune
}

function communeByCode(
  raw: string,
  province: OfficialProvince,
  fail: Fail,
): OfficialCommune | undefined {
  // Excel drops leading zeros: 700 is commune 00700.
  const code = /^\d{1,5}$/.test(raw) ? raw.padStart(5, '0') : undefined
  const commune = code ? findCommune(code) : undefined
  if (!commune) {
    fail('unknown_commune', 'communeCode', `"${raw}" is not an official commune code`)
    return undefined
  }
  if (commune.provinceCode !== province.code) {
    const other = findProvince(commune.provinceCode)?.name ?? commune.provinceCode
    fail(
      'commune_outside_province',
      'communeCode',
      `${commune.name} is in ${other}, not ${province.name}`,
    )
    return undefined
  }
  return commune
}

function communeByName(
  name: string,
  province: OfficialProvince,
  fail: Fail,
): OfficialCommune | undefined {
  const found = communesNamed(province.code, name)
  if (found.length === 1) return found[0]
  if (found.length > 1) {
    fail(
      'ambiguous_commune',
      'communeName',
      `"${name}" may be ${found.map((c) => c.name).join(' or ')}: write the full name or use the code`,
    )
  } else {
    fail('unknown_commune', 'communeName', `${province.name} has no commune named "${name}"`)
  }
  return undefined
}

function parseName(raw: string, fail: Fail): string | null {
  const name = normalizeVillageName(raw)
  if (!villageNameKey(name)) {
    fail('blank_name', 'villageName', 'The village name is blank')
    return null
  }
  if (name.length > MAX_VILLAGE_NAME_LENGTH) {
    fail(
      'name_too_long',
      'villageName',
      `The name is longer than ${MAX_VILLAGE_NAME_LENGTH} characters`,
    )
    return null
  }
  return name
}

/** Whole numbers, optionally grouped by thousands ("1.250", "1,250", "1 250"); blank is null. */
function parseCount(raw: string, fail: Fail): number | null {
  if (raw === '') return null
  const plain = /^\d+$/.test(raw) || /^\d{1,3}([., ]\d{3})+$/.test(raw)
  const value = plain ? Number(raw.replace(/[., ]/g, '')) : Number.NaN
  if (!Number.isSafeInteger(value) || value > MAX_REGISTERED_HOUSEHOLDS) {
    fail(
      'bad_number',
      'households',
      `"${raw}" is not a whole number of households from 0 to ${MAX_REGISTERED_HOUSEHOLDS}`,
    )
    return null
  }
  return value
}

function actionFor(
  existing: VillageRow | undefined,
  households: number | null,
): VillageImportRow['action'] {
  if (!existing) return 'create'
  const sameCount = households === null || households === existing.registered_households
  return sameCount && existing.active === 1 ? 'unchanged' : 'update'
}
