import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  checkZipBounds,
  MAX_ZIP_UNCOMPRESSED_BYTES,
} from '../../../../src/server/places/upload/zip-bounds'
import { xlsxBytes } from '../../../fixtures/spreadsheet-files'

/** A one-part ZIP whose central directory declares `declaredSize` for the deflated content. */
function zipOf(content: Buffer, declaredSize = content.length): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const data = deflateRawSync(content)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(declaredSize, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(declaredSize, 24)
  central.writeUInt16LE(name.length, 28)
  central.writeUInt32LE(0, 42)
  const directoryOffset = local.length + name.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(directoryOffset, 16)
  return Buffer.concat([local, name, data, central, name, end])
}

describe('checkZipBounds', () => {
  it('accepts a real workbook and a small honest ZIP', async () => {
    expect(checkZipBounds(await xlsxBytes({ Sheet1: [['Thôn'], ['Thôn A']] }))).toBeUndefined()
    expect(checkZipBounds(zipOf(Buffer.from('<sheet/>')))).toBeUndefined()
  })

  it('refuses a ZIP that declares more content than the bound', () => {
    const bomb = zipOf(Buffer.alloc(MAX_ZIP_UNCOMPRESSED_BYTES + 1))
    expect(bomb.length).toBeLessThan(200_000)
    expect(checkZipBounds(bomb)).toMatch(/expands to more than 40 MiB/)
  })

  it('refuses a part that inflates to more than it declares', () => {
    const liar = zipOf(Buffer.alloc(1024 * 1024), 100)
    expect(checkZipBounds(liar)).toMatch(/larger than it declares/)
  })

  it('refuses a cut or damaged ZIP', async () => {
    const workbook = await xlsxBytes({ Sheet1: [['Thôn']] })
    expect(checkZipBounds(workbook.subarray(0, workbook.length - 30))).toMatch(/not a complete ZIP/)
    expect(checkZipBounds(Buffer.from('PK\x03\x04 plain text'))).toMatch(/not a complete ZIP/)
  })
})
