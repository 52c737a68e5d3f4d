import { parse } from 'csv-parse/sync'
import type ExcelJS from 'exceljs'
import { InvalidFileError } from './uploaded-file'

/** One non-empty row of a sheet: its number as a spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  rowNumber: number
  cells: string[]
}

/** Bounds on what one sheet may hold; a province's villages fit many times over. */
export const MAX_SHEET_ROWS = 10_000
export const MAX_SHEET_COLUMNS = 100

/**
 * Reads a CSV file: UTF-8 with or without a byte-order mark, separated by commas or by
 * semicolons (Excel in a Vietnamese locale writes semicolons). Cells are trimmed; rows
 * with no content are left out but keep the numbering.
 */
export function readCsvRows(bytes: Buffer): SheetRow[] {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InvalidFileError('The CSV file is not UTF-8 text: save it as "CSV UTF-8"')
  }
  let records: string[][]
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      bom: true,
      to: MAX_SHEET_ROWS + 1,
    }) as string[][]
  } catch (error) {
    throw new InvalidFileError(
      `The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (records.length > MAX_SHEET_ROWS) tooManyRows()
  return keepFilled(records.map((cells, index) => ({ rowNumber: index + 1, cells })))
}

/** The separator of the first line: the more frequent of `,` and `;` outside quotes. */
function guessDelimiter(text: string): ',' | ';' {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char === ',') commas += 1
    else if (!quoted && char === ';') semicolons += 1
  }
  return semicolons > commas ? ';' : ','
}

/**
 * Reads every worksheet of an .xlsx workbook (already checked by decodeUpload), by sheet
 * name. Formulas give their cached result, rich text its plain text, dates YYYY-MM-DD.
 */
export async function readWorkbookSheets(bytes: Buffer): Promise<Map<string, SheetRow[]>> {
  // exceljs takes ~0.2 s to load: load it when a spreadsheet arrives, not at server start.
  const { default: excel } = await import('exceljs')
  const workbook = new excel.Workbook()
  try {
    // exceljs's declared parameter type predates Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new InvalidFileError(
      `The workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const sheets = new Map<string, SheetRow[]>()
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > MAX_SHEET_ROWS) tooManyRows()
    const rows: SheetRow[] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const count = Math.min(row.cellCount, MAX_SHEET_COLUMNS)
      const cells: string[] = []
      for (let column = 1; column <= count; column += 1) {
        cells.push(cellText(row.getCell(column).value))
      }
      rows.push({ rowNumber, cells })
    })
    sheets.set(sheet.name, keepFilled(rows))
  }
  return sheets
}

/** A cell's value as trimmed text, whatever Excel stored. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim()
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? ''
      : cellText(result)
  }
  if ('text' in value && typeof value.text === 'string') return value.text.trim()
  // An error value (#N/A, #REF!): no usable content.
  return ''
}

function keepFilled(rows: SheetRow[]): SheetRow[] {
  return rows.filter((row) => row.cells.some((cell) => cell !== ''))
}

function tooManyRows(): never {
  throw new InvalidFileError(`The file has more than ${MAX_SHEET_ROWS} rows`)
}
