import { crc32, deflateRawSync } from 'node:zlib'

/** One file of an archive. */
export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string
  data: Buffer
  /** Modification time written in the entry (DOS time, local fields, 2-second steps). */
  modifiedMs: number
}

/**
 * A ZIP archive (PKWARE APPNOTE 4.5, no ZIP64, no encryption) of `entries`, each deflated
 * with Node's zlib, names in UTF-8 (general purpose bit 11). Enough for a support bundle
 * of a few megabytes that Windows Explorer, macOS and `unzip` open, without a dependency.
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const compressed = deflateRawSync(entry.data)
    const checksum = crc32(entry.data)
    const { time, date } = dosDateTime(entry.modifiedMs)
    if (offset > 0xffffffff || entry.data.length > 0xffffffff) {
      throw new RangeError('archive too large for ZIP without ZIP64')
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0) // local file header
    local.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(checksum, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(entry.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, compressed)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0) // central directory header
    central.writeUInt16LE(20, 4) // made by: 2.0, MS-DOS attributes
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt16LE(time, 12)
    central.writeUInt16LE(date, 14)
    central.writeUInt32LE(checksum, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(entry.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    // extra length, comment length, disk, internal and external attributes: 0
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0) // end of central directory
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** DOS date and time fields (years 1980–2107; earlier times are written as 1980-01-01). */
function dosDateTime(ms: number): { time: number; date: number } {
  const d = new Date(ms)
  if (d.getFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 }
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  }
}
