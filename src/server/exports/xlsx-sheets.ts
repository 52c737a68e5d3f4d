import { EventEmitter } from 'node:events'
import { setImmediate } from 'node:timers/promises'
import type ExcelJS from 'exceljs'
import type { CellValue, ColumnKind, ExportColumn } from './export-columns'
import { drained } from './export-writer'

/** Excel's last row is 1,048,576; a table longer than this goes on to a next sheet. */
export const MAX_ROWS_PER_SHEET = 1_000_000

/** Vietnam keeps UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600_000

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  integer: '#,##0',
  percent: '0.0%',
}

type SheetCell = string | number | Date | null

/**
 * One table written to a streaming workbook as one or more sheets ("Thành viên", "Thành
 * viên (2)", …) of at most `maxRows` data rows each. Each sheet has the bold Vietnamese
 * header row frozen at the top, an autofilter over its rows, column widths, and real dates
 * and numbers. Rows are committed as they are added, so a sheet never holds more than one
 * row in memory. Sheets must be written one after another: the zip takes one at a time,
 * and a sheet opened early would be buffered whole.
 */
export class SheetSeries {
  private sheet: ExcelJS.Worksheet | null = null
  private rowsInSheet = 0
  private sheetCount = 0
  private ended = false
  /** Data rows written over all sheets. */
  rowCount = 0

  constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly name: string,
    private readonly columns: readonly ExportColumn[],
    private readonly maxRows: number = MAX_ROWS_PER_SHEET,
  ) {}

  /** Writes one data row (cells in column order). */
  add(cells: readonly CellValue[]): void {
    if (!this.sheet || this.rowsInSheet >= this.maxRows) this.open()
    const values = cells.map((cell, i) => sheetCell(cell, this.columns[i]?.kind ?? 'text'))
    this.sheet?.addRow(values).commit()
    this.rowsInSheet += 1
    this.rowCount += 1
  }

  /**
   * Waits until the zip has taken this sheet's rows so far. exceljs hands a sheet's XML to
   * the zip without backpressure, and the zip compresses on the thread pool, so a writer
   * that never waits would hold the whole table's XML in memory. The zip reads the sheet
   * through a stream (archiver's input) whose 'drain' says it caught up; should a later
   * exceljs hide it, a turn of the event loop at least lets the zip progress.
   */
  async drain(): Promise<void> {
    const input = this.sheet ? zipInputOf(this.sheet) : null
    if (input?.full()) await drained(input.stream)
    else await setImmediate()
  }

  /** Closes the last sheet; a table without rows still gets its sheet with the header. */
  end(): void {
    if (this.ended) return
    this.ended = true
    if (!this.sheet) this.open()
    this.close()
  }

  private open(): void {
    this.close()
    this.sheetCount += 1
    const name = this.sheetCount === 1 ? this.name : `${this.name} (${this.sheetCount})`
    const sheet = this.workbook.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    })
    sheet.columns = this.columns.map((column) => {
      const numFmt = NUMBER_FORMATS[column.kind]
      return {
        header: column.header,
        key: column.key,
        width: column.width,
        ...(numFmt ? { style: { numFmt } } : {}),
      }
    })
    const header = sheet.getRow(1)
    header.font = { bold: true }
    header.alignment = { vertical: 'middle', wrapText: true }
    header.commit()
    this.sheet = sheet
    this.rowsInSheet = 0
  }

  private close(): void {
    if (!this.sheet) return
    this.sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: this.rowsInSheet + 1, column: this.columns.length },
    }
    this.sheet.commit()
    this.sheet = null
  }
}

/** The stream the zip reads a sheet from, and whether it holds more than its buffer. */
export interface ZipInput {
  stream: EventEmitter
  full(): boolean
}

/**
 * The stream the zip reads a streamed sheet from: exceljs writes the sheet's XML into its
 * own buffer stream, piped into the PassThrough (readable-stream's) that archiver
 * compresses from. Its writable state says whether it holds more than its buffer.
 */
export function zipInputOf(sheet: ExcelJS.Worksheet): ZipInput | null {
  const buffer: unknown = Reflect.get(sheet, 'stream')
  const pipes: unknown =
    typeof buffer === 'object' && buffer !== null ? Reflect.get(buffer, 'pipes') : null
  const input: unknown = Array.isArray(pipes) ? pipes[0] : null
  if (!(input instanceof EventEmitter)) return null
  const state: unknown = Reflect.get(input, '_writableState')
  if (typeof state !== 'object' || state === null) return null
  return { stream: input, full: () => Reflect.get(state, 'needDrain') === true }
}

/** A cell as Excel should hold it: ISO dates become dates (Vietnam time for instants). */
function sheetCell(cell: CellValue, kind: ColumnKind): SheetCell {
  if (cell === null || typeof cell === 'number') return cell
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
    const [y, m, d] = cell.split('-').map(Number)
    return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1))
  }
  if (kind === 'datetime') {
    const ms = Date.parse(cell)
    // Excel has no time zones: the instant is written as the wall-clock time in Vietnam.
    if (!Number.isNaN(ms)) return new Date(ms + VIETNAM_OFFSET_MS)
  }
  return cell
}
