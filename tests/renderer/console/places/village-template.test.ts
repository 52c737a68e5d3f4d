import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import {
  csvLine,
  villageTemplateCsv,
} from '../../../../src/renderer/console/places/village-template'
import { consoleVi } from '../../../../src/renderer/i18n/console.vi'
import { findVillageColumns } from '../../../../src/server/places/import/village-import.columns'
import { readCsvRows } from '../../../../src/server/places/upload/spreadsheet.reader'

describe('the village list template', () => {
  const csv = villageTemplateCsv(consoleVi.template)

  it('is a CSV with a byte-order mark and the Vietnamese headers', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe('\uFEFFMã xã,Tên xã,Thôn/Tổ dân phố,Số hộ đăng ký\r\n')
  })

  it("has headers the server's village import recognises, every one of them", () => {
    const filled = `${csv}00700,Xã Ngọc Đường,Thôn Khuổi My,120\r\n`
    const rows = readCsvRows(Buffer.from(filled, 'utf8'))
    const columns = findVillageColumns(rows, false)
    expect(columns.index).toEqual({ communeCode: 0, communeName: 1, villageName: 2, households: 3 })
    expect(rows[1]?.cells).toEqual(['00700', 'Xã Ngọc Đường', 'Thôn Khuổi My', '120'])
  })

  it('quotes cells that hold a separator, a quote or a line break', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x;y'])).toBe('a,"b,c","say ""hi""","x;y"')
  })
})
