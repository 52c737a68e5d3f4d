import type { XlsFormIssue } from '../../../shared/api/http/forms.contract'
import type { LocalizedText } from '../../../shared/forms/localized-text'
import { foldText } from '../../../shared/text/fold'
import type { SheetRow } from '../../places/upload/spreadsheet.reader'

/** One data row of an XLSForm sheet, read by column header. */
export interface XlsRow {
  rowNumber: number
  /** The trimmed text under a header (matched case-insensitively); '' when absent. */
  get(header: string): string
}

/** A sheet of an XLSForm: its headers as written and its data rows. */
export interface XlsSheet {
  name: string
  headers: readonly string[]
  rows: readonly XlsRow[]
  has(header: string): boolean
}

/** Builds a sheet from spreadsheet rows; the first non-empty row is the header. */
export function toXlsSheet(name: string, rows: readonly SheetRow[]): XlsSheet {
  const [header, ...data] = rows
  const headers = (header?.cells ?? []).map((cell) => cell.trim())
  const position = new Map<string, number>()
  headers.forEach((h, i) => {
    const key = h.toLowerCase()
    if (h && !position.has(key)) position.set(key, i)
  })
  return {
    name,
    headers,
    has: (h) => position.has(h.toLowerCase()),
    rows: data.map((row) => ({
      rowNumber: row.rowNumber,
      get: (h) => {
        const i = position.get(h.toLowerCase())
        return i === undefined ? '' : (row.cells[i] ?? '').trim()
      },
    })),
  }
}

/** The headers holding one text column (label, hint…) in Vietnamese and in English. */
export interface LanguageColumns {
  vi: string | undefined
  en: string | undefined
}

/**
 * Finds `base::Vietnamese (vi)`, `base::vi`, `base::Tiếng Việt`… and the English ones. A
 * bare `base` column is Vietnamese when no explicit Vietnamese column exists.
 */
export function languageColumns(sheet: XlsSheet, base: string): LanguageColumns {
  const found: LanguageColumns = { vi: undefined, en: undefined }
  for (const header of sheet.headers) {
    const [name, language] = header.split('::').map((part) => part.trim())
    if (name?.toLowerCase() !== base.toLowerCase() || language === undefined) continue
    const lang = languageOf(language)
    if (lang && !found[lang]) found[lang] = header
  }
  if (!found.vi && sheet.has(base)) found.vi = base
  return found
}

function languageOf(text: string): 'vi' | 'en' | undefined {
  const folded = foldText(text)
  const code = /\(([a-z]{2})\)$/i.exec(text.trim())?.[1]?.toLowerCase() ?? folded
  if (code === 'vi' || folded === 'vietnamese' || folded === 'tieng viet') return 'vi'
  if (code === 'en' || folded === 'english' || folded === 'tieng anh') return 'en'
  return undefined
}

/** A row's text in both languages; English falls back to Vietnamese. Undefined without vi. */
export function localizedCell(row: XlsRow, columns: LanguageColumns): LocalizedText | undefined {
  const vi = columns.vi ? row.get(columns.vi) : ''
  if (!vi) return undefined
  const en = columns.en ? row.get(columns.en) : ''
  return { vi, en: en || vi }
}

/** Collects import problems, each naming where it is. */
export class IssueList {
  readonly items: XlsFormIssue[] = []

  error(code: string, message: string, at: IssuePlace = {}): void {
    this.add('error', code, message, at)
  }

  warning(code: string, message: string, at: IssuePlace = {}): void {
    this.add('warning', code, message, at)
  }

  count(severity: XlsFormIssue['severity']): number {
    return this.items.filter((i) => i.severity === severity).length
  }

  private add(severity: XlsFormIssue['severity'], code: string, message: string, at: IssuePlace) {
    this.items.push({
      severity,
      code,
      sheet: at.sheet ?? null,
      row: at.row ?? null,
      column: at.column ?? null,
      message,
    })
  }
}

export interface IssuePlace {
  sheet?: string
  row?: number
  column?: string
}
