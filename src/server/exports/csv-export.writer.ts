import { createWriteStream } from 'node:fs'
import { rename, stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { type Stringifier, stringify } from 'csv-stringify'
import type { ExportFileKind } from '../../shared/api/http.contract'
import type { CellValue, ColumnKind, ExportColumn } from './export-columns'
import { type WriteInput, type WrittenFile, writeWithBackpressure } from './export-writer'

const VIETNAM_OFFSET_MS = 7 * 3600_000

/**
 * Writes the export as two CSV files, households and members (keyed by the household id),
 * in one pass over the households. UTF-8 with a byte order mark so that Excel reads
 * Vietnamese correctly; RFC 4180 (CRLF lines, fields with commas, quotes or line breaks
 * quoted, quotes doubled) by csv-stringify. Each file streams to disk with backpressure.
 */
export async function writeCsvExport(input: WriteInput): Promise<WrittenFile[]> {
  const { layout } = input.plan.formatter
  const households = csvFile(
    input.dir,
    `${input.baseName}-ho-gia-dinh.csv`,
    'households',
    layout.households,
  )
  const members = csvFile(input.dir, `${input.baseName}-thanh-vien.csv`, 'members', layout.members)
  try {
    let householdsWritten = 0
    let membersWritten = 0
    for await (const chunk of input.chunks) {
      input.signal?.throwIfAborted()
      for (const household of chunk) {
        const rows = input.plan.formatter.rows(household)
        await households.write(rows.household)
        for (const member of rows.members) await members.write(member)
        membersWritten += rows.members.length
      }
      householdsWritten += chunk.length
      await input.onProgress({
        phase: 'households',
        householdsWritten,
        membersWritten,
        membersTotal: null,
      })
    }
    return [await households.finish(), await members.finish()]
  } catch (error) {
    households.abandon()
    members.abandon()
    throw error
  }
}

interface CsvFile {
  write(cells: readonly CellValue[]): Promise<void>
  finish(): Promise<WrittenFile>
  abandon(): void
}

function csvFile(
  dir: string,
  name: string,
  kind: ExportFileKind,
  columns: readonly ExportColumn[],
): CsvFile {
  const part = path.join(dir, `${name}.part`)
  const stringifier: Stringifier = stringify({ bom: true, record_delimiter: 'windows' })
  const done = pipeline(stringifier, createWriteStream(part))
  // A failure is awaited by finish(); until then it must not count as unhandled.
  done.catch(() => {})
  const kinds = columns.map((c) => c.kind)
  stringifier.write(columns.map((c) => c.header))
  return {
    write: (cells) =>
      writeWithBackpressure(
        stringifier,
        cells.map((cell, i) => csvCell(cell, kinds[i] ?? 'text')),
      ),
    async finish() {
      stringifier.end()
      await done
      const file = path.join(dir, name)
      await rename(part, file)
      return { kind, name, bytes: (await stat(file)).size }
    },
    abandon: () => stringifier.destroy(),
  }
}

/**
 * A cell as CSV text. Instants are written in Vietnam time. Text that a spreadsheet would
 * run as a formula (=, +, -, @ first, OWASP "CSV injection") gets a leading apostrophe;
 * signed numbers such as "+84…" are left alone, spreadsheets read them as numbers.
 */
export function csvCell(cell: CellValue, kind: ColumnKind): string | number {
  if (cell === null) return ''
  if (typeof cell === 'number') return cell
  if (kind === 'datetime') {
    const ms = Date.parse(cell)
    if (!Number.isNaN(ms))
      return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
  }
  if (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?[\d\s.,]+$/.test(cell)) return `'${cell}`
  return cell
}
