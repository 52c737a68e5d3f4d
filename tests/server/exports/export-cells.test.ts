import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvCell } from '../../../src/server/exports/csv-export.writer'
import { fixedColumn } from '../../../src/server/exports/export-columns'
import { SheetSeries, zipInputOf } from '../../../src/server/exports/xlsx-sheets'

describe('export cells', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'langso-cells-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps spreadsheet formulas out of CSV text, but leaves numbers and phones alone', () => {
    expect(csvCell('=HYPERLINK("http://x","bấm")', 'text')).toBe('\'=HYPERLINK("http://x","bấm")')
    expect(csvCell('@SUM(A1)', 'text')).toBe("'@SUM(A1)")
    expect(csvCell('+84 912 345 678', 'text')).toBe('+84 912 345 678')
    expect(csvCell('-12,5', 'text')).toBe('-12,5')
    expect(csvCell('Nguyễn Văn "Tư", con', 'text')).toBe('Nguyễn Văn "Tư", con')
    expect(csvCell(null, 'text')).toBe('')
    expect(csvCell(1983, 'integer')).toBe(1983)
  })

  it('writes instants in Vietnam time and days as they are', () => {
    expect(csvCell('2025-11-24T16:30:00.000Z', 'datetime')).toBe('2025-11-24 23:30:00')
    expect(csvCell('2025-11-24', 'date')).toBe('2025-11-24')
  })

  it('writes real dates, numbers and percentages to XLSX, and finds the zip input it waits on', async () => {
    const file = path.join(dir, 'cells.xlsx')
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useStyles: true,
      useSharedStrings: false,
    })
    const series = new SheetSeries(workbook, 'Thử', [
      fixedColumn('day', 'Ngày', 'date'),
      fixedColumn('at', 'Lúc', 'datetime'),
      fixedColumn('n', 'Số', 'integer'),
      fixedColumn('share', 'Tỷ lệ', 'percent'),
      fixedColumn('text', 'Chữ', 'text'),
    ])
    series.add(['2025-11-24', '2025-11-24T16:30:00.000Z', 1234, 0.75, '=1+1'])
    // The sheet is open: its XML goes to the zip through a stream drain() can wait on.
    const sheet = workbook.getWorksheet('Thử')
    expect(sheet && zipInputOf(sheet)).not.toBeNull()
    await series.drain()
    series.end()
    await workbook.commit()

    const read = new ExcelJS.Workbook()
    await read.xlsx.readFile(file)
    const row = read.getWorksheet('Thử')?.getRow(2)
    expect(row?.getCell(1).value).toEqual(new Date(Date.UTC(2025, 10, 24)))
    expect(row?.getCell(1).numFmt).toBe('dd/mm/yyyy')
    expect(row?.getCell(2).value).toEqual(new Date(Date.UTC(2025, 10, 24, 23, 30)))
    expect(row?.getCell(3).value).toBe(1234)
    expect(row?.getCell(4).numFmt).toBe('0.0%')
    // Text that looks like a formula stays text in a workbook.
    expect(row?.getCell(5).value).toBe('=1+1')
  })
})
