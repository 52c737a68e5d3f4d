import { createReadStream, createWriteStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import ExcelJS from 'exceljs'
import { type CellValue, type ExportColumn, fixedColumn } from './export-columns'
import type { IndicatorRow } from './export-indicators'
import {
  type AboutLine,
  endStream,
  type WriteInput,
  type WrittenFile,
  writeWithBackpressure,
} from './export-writer'
import { MAX_ROWS_PER_SHEET, SheetSeries } from './xlsx-sheets'

/** Members copied from the spill file between progress reports. */
const MEMBER_REPORT_EVERY = 5_000
/** Members copied between two waits for the zip (see SheetSeries.drain). */
const MEMBER_DRAIN_EVERY = 1_000

export interface XlsxOptions {
  /** Data rows per sheet before a table continues on a next sheet. */
  maxRowsPerSheet?: number
}

const LEVEL_NAMES: Record<IndicatorRow['level'], string> = {
  province: 'Tỉnh',
  commune: 'Xã',
  village: 'Thôn',
}

/**
 * Writes the export as one XLSX workbook with exceljs's streaming writer (no shared
 * strings, so nothing grows with the data): "Hộ gia đình", "Thành viên" (keyed by the
 * household id), "Chỉ số" by commune and village, and "Thông tin" (what the file holds).
 *
 * The zip inside an XLSX takes one sheet at a time, so the two big tables cannot be written
 * side by side: while the households are written, their members go to a spill file
 * (NDJSON, already formatted) that is then copied into the member sheets. Both tables thus
 * come from the same single read of the store — every member row's household is in the
 * households sheet — and memory holds one chunk, whatever the size of the province.
 */
export async function writeXlsxExport(
  input: WriteInput,
  options: XlsxOptions = {},
): Promise<WrittenFile[]> {
  const maxRows = options.maxRowsPerSheet ?? MAX_ROWS_PER_SHEET
  const { formatter, totals } = input.plan
  const name = `${input.baseName}.xlsx`
  const part = path.join(input.dir, `${name}.part`)
  const spillPath = path.join(input.dir, 'members.ndjson')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: part,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'Làng Số'
  const spill = createWriteStream(spillPath)
  let open: SheetSeries | null = null
  try {
    open = new SheetSeries(workbook, 'Hộ gia đình', formatter.layout.households, maxRows)
    const households = open
    let membersTotal = 0
    for await (const chunk of input.chunks) {
      input.signal?.throwIfAborted()
      const lines: string[] = []
      for (const household of chunk) {
        const rows = formatter.rows(household)
        households.add(rows.household)
        for (const member of rows.members) lines.push(JSON.stringify(member))
        totals.add(household)
      }
      membersTotal += lines.length
      if (lines.length > 0) await writeWithBackpressure(spill, `${lines.join('\n')}\n`)
      await households.drain()
      await input.onProgress({
        phase: 'households',
        householdsWritten: households.rowCount,
        membersWritten: 0,
        membersTotal: null,
      })
    }
    households.end()
    await endStream(spill)

    open = new SheetSeries(workbook, 'Thành viên', formatter.layout.members, maxRows)
    const members = open
    const report = () =>
      input.onProgress({
        phase: 'members',
        householdsWritten: households.rowCount,
        membersWritten: members.rowCount,
        membersTotal,
      })
    await report()
    const lines = createInterface({ input: createReadStream(spillPath), crlfDelay: Infinity })
    for await (const line of lines) {
      if (line === '') continue
      members.add(JSON.parse(line) as CellValue[])
      if (members.rowCount % MEMBER_DRAIN_EVERY === 0) await members.drain()
      if (members.rowCount % MEMBER_REPORT_EVERY === 0) {
        input.signal?.throwIfAborted()
        await report()
      }
    }
    members.end()
    await report()
    await rm(spillPath, { force: true })

    open = new SheetSeries(workbook, 'Chỉ số', INDICATOR_COLUMNS, maxRows)
    for (const row of input.plan.indicatorRows()) open.add(indicatorCells(row))
    open.end()

    open = new SheetSeries(workbook, 'Thông tin', ABOUT_COLUMNS, maxRows)
    const counts: AboutLine[] = [
      { label: 'Số hộ', value: households.rowCount },
      { label: 'Số thành viên', value: members.rowCount },
    ]
    for (const line of [...input.about, ...counts]) open.add([line.label, String(line.value)])
    open.end()
    open = null

    await input.onProgress({
      phase: 'finishing',
      householdsWritten: households.rowCount,
      membersWritten: members.rowCount,
      membersTotal,
    })
    await workbook.commit()
    const file = path.join(input.dir, name)
    await rename(part, file)
    return [{ kind: 'workbook', name, bytes: (await stat(file)).size }]
  } catch (error) {
    await abandon(workbook, open, spill)
    throw error
  }
}

/**
 * Closes what a failed or stopped export left open, so the zip and its file are released
 * (the job's folder is removed by the caller).
 */
async function abandon(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  open: SheetSeries | null,
  spill: NodeJS.WritableStream & { destroy(): void },
): Promise<void> {
  spill.destroy()
  try {
    open?.end()
    await workbook.commit()
  } catch {
    // The export already failed; its files are deleted whatever state they are in.
  }
}

const INDICATOR_COLUMNS: ExportColumn[] = [
  fixedColumn('level', 'Cấp', 'text', 8),
  fixedColumn('commune_code', 'Mã xã', 'text', 9),
  fixedColumn('commune_name', 'Xã / Phường', 'text', 22),
  fixedColumn('village_code', 'Mã thôn', 'text', 11),
  fixedColumn('village_name', 'Thôn / Tổ dân phố', 'text', 22),
  fixedColumn('indicator_id', 'Mã chỉ số', 'text', 24),
  fixedColumn('indicator', 'Chỉ số', 'text', 52),
  fixedColumn('numerator', 'Tử số', 'integer', 11),
  fixedColumn('denominator', 'Mẫu số', 'integer', 11),
  fixedColumn('value', 'Tỷ lệ', 'percent', 10),
  fixedColumn('target', 'Mục tiêu 2025', 'percent', 14),
]

const ABOUT_COLUMNS: ExportColumn[] = [
  fixedColumn('label', 'Mục', 'text', 28),
  fixedColumn('value', 'Nội dung', 'text', 70),
]

function indicatorCells(row: IndicatorRow): CellValue[] {
  return [
    LEVEL_NAMES[row.level],
    row.communeCode,
    row.communeName,
    row.villageCode,
    row.villageName,
    row.indicatorId,
    row.indicator,
    row.numerator,
    row.denominator,
    row.value,
    row.target,
  ]
}
