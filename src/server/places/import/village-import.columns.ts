import { foldText } from '../../../shared/text/fold'
import type { SheetRow } from '../upload/spreadsheet.reader'
import { InvalidFileError } from '../upload/uploaded-file'

/** The columns a village import understands. */
export type VillageColumn = 'communeCode' | 'communeName' | 'villageName' | 'households'

/**
 * Accepted headers per column, folded (no accents, lower case, punctuation as spaces), so
 * "Mã xã", "MÃ XÃ" and "ma_xa" all match. Vietnamese first; the English names are those of
 * the documented template.
 */
const HEADER_ALIASES: Record<VillageColumn, readonly string[]> = {
  communeCode: ['ma xa', 'ma xa phuong', 'ma don vi', 'commune code', 'commune_code'],
  communeName: ['xa', 'ten xa', 'xa phuong', 'ten xa phuong', 'commune', 'commune name'],
  villageName: [
    'thon to dan pho',
    'thon',
    'ten thon',
    'to dan pho',
    'thon ban to dan pho',
    'village',
    'village name',
    'village_name',
  ],
  households: [
    'so ho',
    'so ho dan',
    'so ho dang ky',
    'registered households',
    'registered_households',
    'households',
  ],
}

/** Where each understood column is in the file, and its header as written there. */
export interface VillageColumns {
  headerRow: number
  index: Partial<Record<VillageColumn, number>>
  header: Partial<Record<VillageColumn, string>>
}

/**
 * Finds the header (the first non-empty row) and the columns it names. A file needs a
 * village column, and a commune column unless the import is for one named commune.
 */
export function findVillageColumns(
  rows: readonly SheetRow[],
  hasDefaultCommune: boolean,
): VillageColumns {
  const first = rows[0]
  if (!first) throw new InvalidFileError('The file has no rows')
  const columns: VillageColumns = { headerRow: first.rowNumber, index: {}, header: {} }
  first.cells.forEach((cell, position) => {
    const key = foldText(cell)
    const column = (Object.keys(HEADER_ALIASES) as VillageColumn[]).find((c) =>
      HEADER_ALIASES[c].some((alias) => foldText(alias) === key),
    )
    if (column && columns.index[column] === undefined) {
      columns.index[column] = position
      columns.header[column] = cell
    }
  })
  if (columns.index.villageName === undefined) {
    throw new InvalidFileError(
      'The header row has no village column: name it "Thôn/Tổ dân phố" (or village_name)',
    )
  }
  const hasCommune =
    columns.index.communeCode !== undefined || columns.index.communeName !== undefined
  if (!hasCommune && !hasDefaultCommune) {
    throw new InvalidFileError(
      'The header row has no commune column: add "Mã xã" (commune_code) or "Xã" (commune name)',
    )
  }
  return columns
}

/** The text of a column in a row ('' when the file has no such column). */
export function columnValue(row: SheetRow, columns: VillageColumns, column: VillageColumn): string {
  const index = columns.index[column]
  return index === undefined ? '' : (row.cells[index] ?? '')
}
