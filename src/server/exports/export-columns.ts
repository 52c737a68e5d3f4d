import {
  type FormDefinition,
  flattenQuestions,
  type Question,
} from '../../shared/forms/form-definition.schema'
import { MEMBERS_REPEAT } from '../../shared/household/household-facts'

/**
 * How a column's cells are written: XLSX turns `date` (YYYY-MM-DD) and `datetime` (an ISO
 * instant, shown in Vietnam time) into real dates; CSV writes them as ISO text.
 */
export type ColumnKind = 'text' | 'integer' | 'date' | 'datetime' | 'percent'

/** One column of a sheet or CSV file. */
export interface ExportColumn {
  key: string
  /** Vietnamese header, unique within its sheet. */
  header: string
  kind: ColumnKind
  /** XLSX column width in characters. */
  width: number
}

/** A cell as the writers receive it; dates are ISO text, typed by their column. */
export type CellValue = string | number | null

/** A column holding the answer to one question. */
export interface QuestionColumn extends ExportColumn {
  questionId: string
}

/** The question columns of the households and the members sheets. */
export interface QuestionColumns {
  household: QuestionColumn[]
  member: QuestionColumn[]
}

/**
 * The question columns over every form version the export may meet: the newest version's
 * questions in its order and wording, then questions only older versions asked, so a
 * record of any version has a column for each of its answers. The village question is
 * left out: the fixed village columns carry it (code and name).
 */
export function questionColumns(forms: readonly FormDefinition[]): QuestionColumns {
  const household = new Map<string, QuestionColumn>()
  const member = new Map<string, QuestionColumn>()
  for (const form of newestFirst(forms)) {
    for (const section of form.sections) {
      const target =
        section.kind === 'fields' ? household : section.id === MEMBERS_REPEAT ? member : null
      if (!target) continue
      for (const question of flattenQuestions(section.items)) {
        if (question.choicesFrom === 'villages' || target.has(question.id)) continue
        target.set(question.id, questionColumn(question))
      }
    }
  }
  return { household: [...household.values()], member: [...member.values()] }
}

/** Forms by id, then newest version first: the newest wording names each column. */
function newestFirst(forms: readonly FormDefinition[]): FormDefinition[] {
  return [...forms].sort((a, b) => (a.id === b.id ? b.version - a.version : a.id < b.id ? -1 : 1))
}

function questionColumn(question: Question): QuestionColumn {
  const kind: ColumnKind =
    question.type === 'integer' ? 'integer' : question.type === 'date' ? 'date' : 'text'
  const header = question.label.vi
  return {
    key: `q:${question.id}`,
    questionId: question.id,
    header,
    kind,
    width: widthFor(header, kind),
  }
}

/** A width that shows the header and typical values without wasting the screen. */
export function widthFor(header: string, kind: ColumnKind): number {
  const base = kind === 'text' ? 16 : kind === 'datetime' ? 17 : 12
  return Math.min(40, Math.max(base, Math.ceil(header.length * 0.9) + 2))
}

/** A fixed (non-question) column. */
export function fixedColumn(key: string, header: string, kind: ColumnKind, width?: number) {
  return { key, header, kind, width: width ?? widthFor(header, kind) }
}

/**
 * Makes every header of a sheet unique: a repeated label (two questions worded alike, or a
 * question named like a fixed column) gets its question id or key appended.
 */
export function uniqueHeaders<C extends ExportColumn>(columns: readonly C[]): C[] {
  const seen = new Set<string>()
  return columns.map((column) => {
    if (!seen.has(column.header)) {
      seen.add(column.header)
      return column
    }
    const id = 'questionId' in column ? String(column.questionId) : column.key
    const header = `${column.header} (${id})`
    seen.add(header)
    return { ...column, header }
  })
}
